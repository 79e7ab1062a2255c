package dev.tenantdao.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.processor.diagnostic.Diagnostics;
import dev.tenantdao.processor.diagnostic.Message;
import dev.tenantdao.processor.model.EntityKind.HierarchyRoot;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.HookKind;
import dev.tenantdao.processor.read.Annotations;
import dev.tenantdao.processor.read.EntityReader;
import dev.tenantdao.processor.read.Hierarchies;
import dev.tenantdao.processor.read.Unresolved;
import dev.tenantdao.processor.sql.EntitySql;
import dev.tenantdao.processor.sql.HierarchySql;
import dev.tenantdao.processor.sql.SqlBuilder;
import dev.tenantdao.processor.validate.EntityValidator;
import dev.tenantdao.processor.validate.HierarchyValidator;
import dev.tenantdao.processor.write.DaoFiles;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Generates {@code <Entity>Dao} and the entity's DDL for every {@link Entity}. Each entity goes
 * through four steps: read into a model, validate, build its SQL, write the DAO and the DDL. An
 * entity with any error gets nothing written; errors of all entities are reported. No exception
 * reaches javac: an unexpected one becomes an error on the entity.
 */
@AutoService(Processor.class)
public final class TenantDaoProcessor extends AbstractProcessor {

    /** Where each entity's DDL goes in the class output; the runtime's {@code Schema} reads it there. */
    static final String DDL_LOCATION = dev.tenantdao.annotations.internal.Wire.DDL_LOCATION;

    /** {@code -Atenantdao.rowLevelSecurity=false} turns row-level security off by default. */
    static final String ROW_LEVEL_SECURITY_OPTION = "tenantdao.rowLevelSecurity";
    /**
     * The group role of operators who read across tenants, audited ({@code Database.asOperator}): the
     * DDL of row-tenanted entities creates it when missing, with the access log and its policies. Off
     * when absent.
     */
    static final String OPERATOR_ROLE_OPTION = "tenantdao.operatorRole";

    /** The mapping annotations javac lets onto methods (for the accessors of interface roots). */
    private static final List<Class<? extends java.lang.annotation.Annotation>> MAPPING_ANNOTATIONS = List.of(
            dev.tenantdao.annotations.Id.class, dev.tenantdao.annotations.Column.class,
            dev.tenantdao.annotations.Convert.class, dev.tenantdao.annotations.NotAudited.class,
            dev.tenantdao.annotations.References.class, dev.tenantdao.annotations.TenantId.class,
            dev.tenantdao.annotations.Version.class);

    /** Jakarta Data's {@code @Repository}: its interfaces get implementations. */
    static final String REPOSITORY = "jakarta.data.repository.Repository";

    /** Entities whose types were not resolvable yet (another processor may generate them later). */
    private final Set<String> deferred = new LinkedHashSet<>();

    /** Run before each entity or hierarchy is processed; tests make it throw. Null otherwise. */
    private final Consumer<TypeElement> beforeEach;

    public TenantDaoProcessor() {
        this(null);
    }

    /** For tests: {@code beforeEach} runs first in the processing of each entity, and may throw. */
    TenantDaoProcessor(Consumer<TypeElement> beforeEach) {
        this.beforeEach = beforeEach;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        // all of ours, so javac does not warn that @Id, @Column, ... were left unclaimed
        // ours, and Jakarta Data's repository annotations (@Find, @Query, @OrderBy, ...), which we implement
        return Set.of(Entity.class.getPackageName() + ".*", "jakarta.data.repository.*");
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(ROW_LEVEL_SECURITY_OPTION, OPERATOR_ROLE_OPTION, dev.tenantdao.processor.verify.Verification.URL_OPTION,
                dev.tenantdao.processor.verify.Verification.USER_OPTION,
                dev.tenantdao.processor.verify.Verification.PASSWORD_OPTION,
                dev.tenantdao.processor.schema.SchemaExport.DIR_OPTION, dev.tenantdao.processor.schema.SchemaExport.GRANT_OPTION,
                dev.tenantdao.processor.write.ComponentModel.OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    /** The tables of every valid entity of the compilation, as the proof of @Sql methods knows them. */
    private final java.util.Map<String, dev.tenantdao.processor.query.TenantProof.KnownTable> knownTables =
            new java.util.HashMap<>();

    /** The DDL and repository statements of the compilation, verified against PostgreSQL when asked to. */
    private final dev.tenantdao.processor.verify.Verification verification =
            new dev.tenantdao.processor.verify.Verification();

    /** A repository of the compilation, where a failure to reach the verifying database is reported. */
    private Element firstRepository;

    /** One line per @CrossTenant method: the report written when processing is over. */
    private final List<String> crossTenant = new ArrayList<>();

    /** The DAOs generated so far in this compilation, for the index written when processing is over. */
    private final List<String> daos = new ArrayList<>();

    /** The entities and repositories the DAOs of {@link #daos} were generated from: the index's originating elements. */
    private final Set<Element> daoOrigins = new LinkedHashSet<>();

    /** The repositories implemented in this compilation: the cross-tenant report's originating elements. */
    private final Set<Element> repositoryOrigins = new LinkedHashSet<>();
    private boolean indexWritten;

    /** Every entity's tables, for the schema resource and the exported versions and migrations. */
    private final dev.tenantdao.processor.schema.SchemaExport schema = new dev.tenantdao.processor.schema.SchemaExport();

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Diagnostics diagnostics = new Diagnostics(processingEnv.getMessager());
        try {
            processRound(round, diagnostics);
            if (round.processingOver() && !daos.isEmpty() && !indexWritten) {
                indexWritten = true;
                writeDaoIndex();
                writeCrossTenantReport();
                verify(diagnostics);
                if (!round.errorRaised() && diagnostics.errorCount() == 0) {
                    schema.finish(processingEnv, diagnostics);
                }
            }
        } catch (Throwable failure) {
            // a last resort: every step below is guarded on its own element already
            rethrowIfFatal(failure);
            processingEnv.getMessager().printMessage(Message.PROCESSOR_FAILURE.kind(),
                    Message.PROCESSOR_FAILURE.format("a round", failure));
        }
        return true;
    }

    private void processRound(RoundEnvironment round, Diagnostics diagnostics) {
        if (componentModel(round, diagnostics) == null) {
            return;     // an unknown -Atenantdao.componentModel: reported once, nothing generated
        }
        if (!operatorRoleValid(round, diagnostics)) {
            return;     // a -Atenantdao.operatorRole that is no role name: reported once, nothing generated
        }
        schema.declarations(round);
        List<TypeElement> entities = new ArrayList<>();
        for (String name : deferred) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                entities.add(type);
            }
        }
        deferred.clear();
        RoundScan annotated = scan(round);
        for (Element element : annotated.of(Entity.class)) {
            entities.add((TypeElement) element);
        }
        EntityValidator placement = new EntityValidator(diagnostics, processingEnv.getElementUtils(),
                processingEnv.getTypeUtils());
        for (Element element : annotated.of(dev.tenantdao.annotations.Audited.class)) {
            guarded(element, diagnostics, () -> placement.validateAuditedPlacement(element));
        }
        for (Element element : annotated.of(dev.tenantdao.annotations.SoftDelete.class)) {
            guarded(element, diagnostics, () -> placement.validateSoftDeletePlacement(element));
        }
        for (Element element : annotated.of(dev.tenantdao.annotations.PartitionedByTenant.class)) {
            guarded(element, diagnostics, () -> placement.validatePartitionedPlacement(element));
        }
        for (Class<? extends java.lang.annotation.Annotation> mapping : MAPPING_ANNOTATIONS) {
            for (Element element : annotated.of(mapping)) {
                if (element instanceof ExecutableElement method) {
                    guarded(method, diagnostics, () -> placement.validateMappingOnMethod(method, mapping));
                }
            }
        }
        for (HookKind kind : HookKind.values()) {
            for (Element element : annotated.of(kind.annotation())) {
                if (element instanceof ExecutableElement method) {
                    guarded(method, diagnostics, () -> placement.validateHookPlacement(method, kind));
                }
            }
        }
        for (Element element : annotated.of(Polymorphic.class)) {
            guarded(element, diagnostics, () -> {
                if (element.getAnnotation(Entity.class) == null && !(element instanceof TypeElement type
                        && Hierarchies.root(type, processingEnv.getTypeUtils()) != null)) {
                    // (on a subtype, the root reports it as STRATEGY_ON_SUBTYPE)
                    diagnostics.report(Message.POLYMORPHIC_NOT_ENTITY, element,
                            Annotations.mirror(element, Polymorphic.class).orElse(null), element.getSimpleName());
                }
            });
        }
        List<Element> repositories = new ArrayList<>(annotated.of(REPOSITORY));
        for (TypeElement entity : entities) {
            guarded(entity, diagnostics, () -> {
                if (!Annotations.has(entity, Polymorphic.class)
                        && Hierarchies.root(entity, processingEnv.getTypeUtils()) != null) {
                    return;     // a subtype marked @Entity: its root reports it
                }
                if (unresolved(entity, diagnostics, round)) {
                    return;
                }
                if (beforeEach != null) {
                    beforeEach.accept(entity);
                }
                if (Annotations.has(entity, Polymorphic.class)) {
                    processHierarchy(entity, diagnostics, round);
                } else {
                    process(entity, diagnostics);
                }
            });
        }
        for (Element repository : repositories) {
            guarded(repository, diagnostics, () -> processRepository(repository, diagnostics));
        }
        if (!entities.isEmpty() && deferred.isEmpty()) {
            schema.check(processingEnv, diagnostics);
        }
        String verifyUrl = processingEnv.getOptions().get(dev.tenantdao.processor.verify.Verification.URL_OPTION);
        if (verifyUrl != null && !verifyUrl.isBlank() && firstRepository != null) {
            // in this round, while the methods still have their places in the source
            verification.run(verifyUrl,
                    processingEnv.getOptions().get(dev.tenantdao.processor.verify.Verification.USER_OPTION),
                    processingEnv.getOptions().get(dev.tenantdao.processor.verify.Verification.PASSWORD_OPTION),
                    diagnostics, firstRepository);
        }
    }

    /** The elements of {@code round} carrying each annotation {@link #processRound} reads, in one walk of it. */
    private RoundScan scan(RoundEnvironment round) {
        Set<String> read = new java.util.HashSet<>();
        read.add(Entity.class.getCanonicalName());
        read.add(dev.tenantdao.annotations.Audited.class.getCanonicalName());
        read.add(dev.tenantdao.annotations.SoftDelete.class.getCanonicalName());
        read.add(dev.tenantdao.annotations.PartitionedByTenant.class.getCanonicalName());
        MAPPING_ANNOTATIONS.forEach(mapping -> read.add(mapping.getCanonicalName()));
        for (HookKind kind : HookKind.values()) {
            read.add(kind.annotation().getCanonicalName());
        }
        read.add(Polymorphic.class.getCanonicalName());
        read.add(REPOSITORY);
        return new RoundScan(round, processingEnv.getElementUtils(), read);
    }

    /**
     * A Jakarta Data {@code @Repository} interface: its implementation, over the entity it names,
     * whose model is read again here (from this compilation's source or the class path) and must be
     * valid: an invalid entity's errors are reported with the entity, and its repository waits for it.
     */
    private void processRepository(Element element, Diagnostics diagnostics) throws IOException {
        if (element.getKind() != javax.lang.model.element.ElementKind.INTERFACE) {
            diagnostics.report(Message.REPOSITORY_NOT_INTERFACE, element, element.getSimpleName());
            return;
        }
        TypeElement repository = (TypeElement) element;
        List<TypeElement> named = dev.tenantdao.processor.write.RepositoryWriter.entitiesOf(repository,
                processingEnv.getTypeUtils(), processingEnv.getElementUtils(), this::isEntity);
        if (named.isEmpty()) {
            diagnostics.report(Message.REPOSITORY_NO_ENTITY, repository, repository.getSimpleName());
            return;
        }
        if (named.size() > 1) {
            diagnostics.report(Message.REPOSITORY_MANY_ENTITIES, repository, repository.getSimpleName(),
                    String.join(", ", named.stream().map(t -> t.getSimpleName().toString()).toList()));
            return;
        }
        TypeElement type = named.get(0);
        if (!Annotations.has(type, Entity.class) && Hierarchies.root(type, processingEnv.getTypeUtils()) == null) {
            diagnostics.report(Message.REPOSITORY_NOT_ENTITY, repository, repository.getSimpleName(),
                    type.getQualifiedName());
            return;
        }
        EntityModel entity = validEntity(type);
        if (entity == null) {
            return;
        }
        remember(entity);
        rememberViews(repository);
        rememberViews(processingEnv.getElementUtils().getPackageOf(repository));
        java.util.Optional<com.palantir.javapoet.JavaFile> file = dev.tenantdao.processor.write.RepositoryWriter.write(
                processingEnv.getElementUtils(), processingEnv.getTypeUtils(), diagnostics, repository, entity,
                knownTables, crossTenant, (method, sql) -> verification.statement(
                        // (a method inherited from Jakarta Data's interfaces has no place in the source: the repository)
                        ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString().startsWith("jakarta.")
                                ? repository : method,
                        repository.getSimpleName() + "." + method.getSimpleName(), sql));
        if (firstRepository == null) {
            firstRepository = repository;
        }
        repositoryOrigins.add(repository);
        if (file.isPresent()) {
            written(List.of(file.get()));       // in the index too: a container registers it like a DAO
        }
    }

    /**
     * Makes {@code entity}'s tables known to the proof of @Sql methods: its table, a joined subtype's
     * own, its history table; row-tenanted ones by their tenant column, schema-per-tenant ones as such
     * (database-per-tenant and shared tables need no tenant proof); a vendor-scoped entity's, in every
     * strategy, by their vendor column too.
     */
    private void remember(EntityModel entity) {
        if (!entity.isTenanted() || entity.tenancy().strategy() == dev.tenantdao.annotations.Tenanted.Strategy.DATABASE
                && !entity.isVendorScoped()) {
            if (entity.isSoftDeleted()) {
                // no tenant proof to run on it, but a native statement reading it is checked for its live rows
                knownTables.put(entity.table().toLowerCase(java.util.Locale.ROOT),
                        dev.tenantdao.processor.query.TenantProof.KnownTable.database(entity.table())
                                .softDeleted(entity.softDeletion().column()));
            }
            return;
        }
        List<String> tables = new ArrayList<>(List.of(entity.table()));
        // a joined subtype's own table, and those of the levels above it
        entity.joinedTables().forEach(joined -> tables.add(joined.name()));
        if (entity.isAudited()) {
            tables.add(entity.audit().table());
        }
        for (String table : tables) {
            dev.tenantdao.processor.query.TenantProof.KnownTable known = knownTable(entity, table);
            knownTables.put(table.toLowerCase(java.util.Locale.ROOT), entity.isSoftDeleted() && table.equals(entity.table())
                    ? known.softDeleted(entity.softDeletion().column()) : known);
        }
    }

    /** How the proof knows {@code table}, one of {@code entity}'s (or a view of them): by tenancy, and vendor. */
    private static dev.tenantdao.processor.query.TenantProof.KnownTable knownTable(EntityModel entity, String table) {
        dev.tenantdao.processor.model.Tenancy tenancy = entity.tenancy();
        dev.tenantdao.processor.query.TenantProof.KnownTable known = switch (tenancy.strategy()) {
            case ROW -> dev.tenantdao.processor.query.TenantProof.KnownTable.row(table, tenancy.column());
            case SCHEMA -> dev.tenantdao.processor.query.TenantProof.KnownTable.schema(table);
            case DATABASE -> dev.tenantdao.processor.query.TenantProof.KnownTable.database(table);
        };
        return entity.isVendorScoped() ? known.withVendor(tenancy.vendor().column()) : known;
    }

    /**
     * Without {@code -Atenantdao.verify.url}, a note, once, that the repositories' SQL was not verified
     * (with it, each round's statements are verified at the end of the round).
     */
    private void verify(Diagnostics diagnostics) {
        if (verification.isEmpty()) {
            return;
        }
        String url = processingEnv.getOptions().get(dev.tenantdao.processor.verify.Verification.URL_OPTION);
        if (url == null || url.isBlank()) {
            processingEnv.getMessager().printMessage(Message.VERIFY_SKIPPED.kind(), Message.VERIFY_SKIPPED.format());
        }
    }

    /**
     * Makes the views {@code @TenantedView} declares on {@code element} known to the proof, each as the
     * table of the tenanted entity it reads (its tenant column, or its schema).
     */
    private void rememberViews(Element element) {
        for (javax.lang.model.element.AnnotationMirror mirror : element.getAnnotationMirrors()) {
            String type = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
            if (type.equals(dev.tenantdao.annotations.TenantedView.class.getCanonicalName())) {
                rememberView(mirror);
            } else if (type.equals(dev.tenantdao.annotations.TenantedView.List.class.getCanonicalName())) {
                for (javax.lang.model.element.AnnotationValue value : mirror.getElementValues().values()) {
                    for (Object each : (List<?>) value.getValue()) {
                        rememberView((javax.lang.model.element.AnnotationMirror) ((javax.lang.model.element.AnnotationValue) each)
                                .getValue());
                    }
                }
            }
        }
    }

    private void rememberView(javax.lang.model.element.AnnotationMirror view) {
        String name = null;
        TypeElement entityType = null;
        for (java.util.Map.Entry<? extends javax.lang.model.element.ExecutableElement,
                ? extends javax.lang.model.element.AnnotationValue> entry : view.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("name")) {
                name = (String) entry.getValue().getValue();
            } else if (entry.getKey().getSimpleName().contentEquals("entity")) {
                entityType = (TypeElement) processingEnv.getTypeUtils().asElement(
                        (javax.lang.model.type.TypeMirror) entry.getValue().getValue());
            }
        }
        EntityModel entity = entityType == null ? null : validEntity(entityType);
        if (name == null || entity == null || !entity.isTenanted()
                || entity.tenancy().strategy() == dev.tenantdao.annotations.Tenanted.Strategy.DATABASE
                        && !entity.isVendorScoped()) {
            return;
        }
        knownTables.put(dev.tenantdao.processor.query.TenantProof.normalized(name), knownTable(entity, name));
    }

    /** The @CrossTenant methods of this compilation with their reasons ({@code Wire.CROSS_TENANT_REPORT}), if any. */
    private void writeCrossTenantReport() throws IOException {
        if (crossTenant.isEmpty()) {
            return;
        }
        FileObject report = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "",
                dev.tenantdao.annotations.internal.Wire.CROSS_TENANT_REPORT, repositoryOrigins.toArray(Element[]::new));
        try (java.io.Writer writer = report.openWriter()) {
            writer.write("# Methods whose native SQL may read or change every tenant's rows (@CrossTenant), with"
                    + " their reasons\n");
            for (String line : new java.util.TreeSet<>(crossTenant)) {
                writer.write(line + "\n");
            }
        }
    }

    /** Whether {@code type} is an entity: {@code @Entity}, or a subtype of a {@code @Polymorphic} root. */
    private boolean isEntity(TypeElement type) {
        return Annotations.has(type, Entity.class) || Hierarchies.root(type, processingEnv.getTypeUtils()) != null;
    }

    /** The model of {@code type} (an entity, or a subtype of a hierarchy), or null when it has errors. */
    private EntityModel validEntity(TypeElement type) {
        Diagnostics silent = new Diagnostics(new SilentMessager());
        EntityReader reader = reader();
        EntityValidator validator = new EntityValidator(silent, processingEnv.getElementUtils(),
                processingEnv.getTypeUtils());
        TypeElement root = Annotations.has(type, Polymorphic.class) ? type
                : Hierarchies.root(type, processingEnv.getTypeUtils());
        if (root == null) {
            if (!validator.validateShape(type)) {
                return null;
            }
            EntityModel entity = reader.read(type);
            return validator.validate(entity) ? entity : null;
        }
        EntityModel model = reader.readHierarchy(root);
        boolean valid = validator.validate(model);
        EntityModel wanted = root.equals(type) ? model : null;
        for (EntityModel subtype : HierarchyRoot.of(model).subtypes()) {
            valid &= validator.validate(subtype);
            if (subtype.element().equals(type)) {
                wanted = subtype;
            }
        }
        for (EntityModel level : HierarchyRoot.of(model).levels()) {
            // an intermediate level: its repository reads and writes as the level's DAO does
            valid &= validator.validateLevel(level);
            if (level.element().equals(type)) {
                wanted = level;
            }
        }
        return valid ? wanted : null;
    }

    /** Discards what it is given: the entity's own processing reports its problems. */
    private static final class SilentMessager implements javax.annotation.processing.Messager {
        @Override
        public void printMessage(javax.tools.Diagnostic.Kind kind, CharSequence message) {}

        @Override
        public void printMessage(javax.tools.Diagnostic.Kind kind, CharSequence message, Element element) {}

        @Override
        public void printMessage(javax.tools.Diagnostic.Kind kind, CharSequence message, Element element,
                javax.lang.model.element.AnnotationMirror annotation) {}

        @Override
        public void printMessage(javax.tools.Diagnostic.Kind kind, CharSequence message, Element element,
                javax.lang.model.element.AnnotationMirror annotation, javax.lang.model.element.AnnotationValue value) {}
    }

    /** One step of processing, run by {@link #guarded}. */
    private interface Step {
        void run() throws Exception;
    }

    /**
     * Runs {@code step}, turning anything it throws into a {@link Message#PROCESSOR_FAILURE} on
     * {@code element}, so that no exception reaches javac and the other entities are still
     * processed. Errors our code can cause ({@link StackOverflowError}, {@link AssertionError},
     * {@link LinkageError} such as {@link NoClassDefFoundError}) are reported too; only what says
     * the JVM itself is failing is let through (see {@link #rethrowIfFatal}).
     */
    private static void guarded(Element element, Diagnostics diagnostics, Step step) {
        try {
            step.run();
        } catch (Throwable failure) {
            rethrowIfFatal(failure);
            diagnostics.report(Message.PROCESSOR_FAILURE, element, element.getSimpleName(), failure);
        }
    }

    /**
     * Rethrows what no processor should catch: the JVM out of memory or broken
     * ({@link VirtualMachineError}, except a {@link StackOverflowError}, which our recursion can
     * cause and which leaves the JVM sound once unwound) and a thread being stopped.
     */
    private static void rethrowIfFatal(Throwable failure) {
        if (failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError)
                || failure instanceof ThreadDeath) {
            throw (Error) failure;
        }
    }

    private void process(TypeElement type, Diagnostics diagnostics) throws IOException {
        EntityValidator validator = new EntityValidator(diagnostics, processingEnv.getElementUtils(),
                processingEnv.getTypeUtils());
        if (!validator.validateShape(type)) {
            return;
        }
        EntityModel entity = reader().read(type);
        if (!validator.validate(entity)) {
            return;
        }
        EntitySql sql = new SqlBuilder(entity).build();
        written(DaoFiles.of(entity, sql));     // built whole before any is written
        remember(entity);
        schema.add(entity);
        verification.ddl(type, sql.ddl());
        writeDdl(type, sql.ddl());
    }

    /**
     * A {@code @Polymorphic} root: one DAO per subtype (its statements written like any entity's,
     * over the root's table or both tables) and one for the root, which loads every subtype; one
     * DDL resource for the whole hierarchy, under the root's name.
     */
    private void processHierarchy(TypeElement root, Diagnostics diagnostics, RoundEnvironment round)
            throws IOException {
        EntityReader reader = reader();
        HierarchyValidator hierarchy = new HierarchyValidator(diagnostics, processingEnv.getTypeUtils());
        List<TypeElement> subtypes = reader.subtypes(root);
        hierarchy.validateUnlisted(root, subtypes, round.getRootElements());
        if (!hierarchy.validateRoot(root, subtypes)) {
            return;
        }
        EntityModel model = reader.readHierarchy(root);
        EntityValidator validator = new EntityValidator(diagnostics, processingEnv.getElementUtils(),
                processingEnv.getTypeUtils());
        boolean valid = validator.validate(model);
        for (EntityModel subtype : HierarchyRoot.of(model).subtypes()) {
            valid &= validator.validate(subtype);
        }
        for (EntityModel level : HierarchyRoot.of(model).levels()) {
            valid &= validator.validateLevel(level);
        }
        int before = diagnostics.errorCount();
        hierarchy.validateSubtypes(model);
        if (!valid || diagnostics.errorCount() != before) {
            return;
        }
        HierarchySql sql = new SqlBuilder(model).buildHierarchy();
        verification.ddl(root, sql.ddl());
        remember(model);
        HierarchyRoot.of(model).subtypes().forEach(this::remember);
        schema.add(model);
        // every DAO of the hierarchy (root and subtypes) built before any is written: no partial output
        written(DaoFiles.ofHierarchy(model, sql));
        writeDdl(root, sql.ddl());
    }

    /** Writes {@code files} (all of one entity or hierarchy) and remembers their DAOs for the index. */
    private void written(List<com.palantir.javapoet.JavaFile> files) throws IOException {
        dev.tenantdao.processor.write.ComponentModel model = componentModel(null, null);
        files = files.stream().map(model::apply).toList();
        DaoFiles.write(files, processingEnv.getFiler());
        for (com.palantir.javapoet.JavaFile file : files) {
            daos.add(file.packageName().isEmpty() ? file.typeSpec().name()
                    : file.packageName() + "." + file.typeSpec().name());
            daoOrigins.addAll(file.typeSpec().originatingElements());
        }
    }

    /**
     * The DAO index ({@code Wire.DAO_INDEX}): every DAO this compilation generated, and those of an
     * earlier index in the output that still resolve (an incremental compilation of some sources),
     * one a line, in name order, written once when processing is over.
     */
    private void writeDaoIndex() throws IOException {
        java.util.Set<String> all = new java.util.TreeSet<>(daos);
        // an incremental compilation (some sources only) keeps the DAOs of the earlier one that still exist
        try {
            FileObject earlier = processingEnv.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "",
                    dev.tenantdao.annotations.internal.Wire.DAO_INDEX);
            for (String line : earlier.getCharContent(true).toString().split("\n")) {
                String dao = line.strip();
                if (!dao.isEmpty() && processingEnv.getElementUtils().getTypeElement(dao) != null) {
                    all.add(dao);
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException none) {
            // no earlier index
        }
        // every entity and repository of this compilation it lists (those of an earlier one are not elements now)
        FileObject index = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "",
                dev.tenantdao.annotations.internal.Wire.DAO_INDEX, daoOrigins.toArray(Element[]::new));
        try (java.io.Writer writer = index.openWriter()) {
            for (String dao : all) {
                writer.write(dao + "\n");
            }
        }
    }

    private void writeDdl(TypeElement type, String ddl) throws IOException {
        String binaryName = processingEnv.getElementUtils().getBinaryName(type).toString();
        FileObject resource = processingEnv.getFiler()
                .createResource(StandardLocation.CLASS_OUTPUT, "", DDL_LOCATION + binaryName + ".sql", type);
        try (Writer writer = resource.openWriter()) {
            writer.write(ddl);
        }
    }

    /** javac's source trees, or null under a compiler (or a wrapped environment) without them. */
    private Trees trees() {
        try {
            return Trees.instance(processingEnv);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private boolean componentModelReported;
    private boolean operatorRoleReported;

    /** What a role name given to {@code -Atenantdao.operatorRole} must be: a plain lower-case SQL identifier. */
    private static final java.util.regex.Pattern ROLE_NAME = java.util.regex.Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /**
     * Whether {@code -Atenantdao.operatorRole} is absent or a plain role name; when not, an error once per
     * compilation on the round's first entity (or without a position when there is none), and nothing is generated.
     */
    private boolean operatorRoleValid(RoundEnvironment round, Diagnostics diagnostics) {
        String value = processingEnv.getOptions().get(OPERATOR_ROLE_OPTION);
        if (value == null || ROLE_NAME.matcher(value).matches()) {
            return true;
        }
        List<? extends Element> entities = new ArrayList<>(round.getElementsAnnotatedWith(Entity.class));
        if (!operatorRoleReported && (!entities.isEmpty() || round.processingOver())) {
            operatorRoleReported = true;
            if (entities.isEmpty()) {
                processingEnv.getMessager().printMessage(Message.OPERATOR_ROLE_INVALID.kind(),
                        Message.OPERATOR_ROLE_INVALID.format(value));
            } else {
                diagnostics.report(Message.OPERATOR_ROLE_INVALID, entities.get(0), value);
            }
        }
        return false;
    }

    /**
     * The component model {@code -Atenantdao.componentModel} names, or null when it names none; then, given a
     * round, an error once per compilation on the round's first entity or repository (nothing is generated).
     */
    private dev.tenantdao.processor.write.ComponentModel componentModel(RoundEnvironment round, Diagnostics diagnostics) {
        String value = processingEnv.getOptions().get(dev.tenantdao.processor.write.ComponentModel.OPTION);
        dev.tenantdao.processor.write.ComponentModel model =
                dev.tenantdao.processor.write.ComponentModel.of(value).orElse(null);
        if (model == null && round != null && !componentModelReported) {
            TypeElement repository = processingEnv.getElementUtils().getTypeElement(REPOSITORY);
            List<Element> generating = new ArrayList<>(round.getElementsAnnotatedWith(Entity.class));
            if (repository != null) {
                generating.addAll(round.getElementsAnnotatedWith(repository));
            }
            Element first = generating.isEmpty() ? null : generating.get(0);
            if (first != null || round.processingOver()) {
                componentModelReported = true;
                if (first == null) {
                    processingEnv.getMessager().printMessage(Message.COMPONENT_MODEL_UNKNOWN.kind(),
                            Message.COMPONENT_MODEL_UNKNOWN.format(value,
                                    dev.tenantdao.processor.write.ComponentModel.names()));
                } else {
                    diagnostics.report(Message.COMPONENT_MODEL_UNKNOWN, first, value,
                            dev.tenantdao.processor.write.ComponentModel.names());
                }
            }
        }
        return model;
    }

    /** A reader of entities under this compilation's options. */
    private EntityReader reader() {
        return new EntityReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), rowLevelSecurityDefault(),
                processingEnv.getOptions().get(OPERATOR_ROLE_OPTION));
    }

    /** Processor option {@value #ROW_LEVEL_SECURITY_OPTION}: RLS for row-tenanted entities that do not say. */
    private boolean rowLevelSecurityDefault() {
        return !"false".equalsIgnoreCase(processingEnv.getOptions().get(ROW_LEVEL_SECURITY_OPTION));
    }

    /**
     * Whether {@code entity} depends on a type javac cannot resolve yet (see {@link Unresolved}).
     * Before the last round it is deferred to the next, when another processor may have generated
     * the type; in the last round each unresolved type is reported where the entity names it.
     */
    private boolean unresolved(TypeElement entity, Diagnostics diagnostics, RoundEnvironment round) {
        List<TypeElement> subtypes = !Annotations.has(entity, Polymorphic.class) ? List.of()
                : reader().subtypes(entity);
        List<Unresolved.Dependency> dependencies = Unresolved.of(entity, subtypes, processingEnv.getElementUtils(),
                trees());
        if (dependencies.isEmpty()) {
            return false;
        }
        if (!round.processingOver()) {
            deferred.add(entity.getQualifiedName().toString());
            return true;
        }
        for (Unresolved.Dependency dependency : dependencies) {
            diagnostics.report(Message.UNRESOLVED_TYPE, dependency.element(), dependency.annotation(),
                    dependency.value(), entity.getSimpleName(), dependency.type());
        }
        return true;
    }
}

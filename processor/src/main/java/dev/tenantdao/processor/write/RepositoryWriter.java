package dev.tenantdao.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tenantdao.processor.diagnostic.Diagnostics;
import dev.tenantdao.processor.diagnostic.Message;
import dev.tenantdao.processor.model.EntityKind.HierarchyRoot;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.HookKind;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.model.ValueType;
import dev.tenantdao.processor.query.Attributes;
import dev.tenantdao.processor.query.Condition;
import dev.tenantdao.processor.query.Expr;
import dev.tenantdao.processor.query.Jdql;
import dev.tenantdao.processor.query.MethodNames;
import dev.tenantdao.processor.query.Query;
import dev.tenantdao.processor.query.QueryException;
import dev.tenantdao.processor.query.QuerySql;
import dev.tenantdao.processor.read.EntityReader;
import dev.tenantdao.processor.read.Visibility;
import dev.tenantdao.processor.sql.Parameter;
import dev.tenantdao.processor.sql.Statement;
import dev.tenantdao.processor.sql.pass.TenancyPass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes the implementation of a Jakarta Data {@code @Repository} interface over one entity
 * ({@code <Repository>Impl}): lifecycle methods ({@code @Insert}, {@code @Update}, {@code @Save},
 * {@code @Delete} of entities) hand their entities to the entity's generated DAO, so hooks, audit,
 * versions and tenancy are the DAO's own; query methods ({@code @Find}, {@code @Query} in JDQL,
 * Query by Method Name, {@code @Delete} by attributes) are built as a {@link Query}, made a statement
 * by {@link QuerySql} through the same statement builder and tenancy and audit passes as the DAO's,
 * and bound by the same {@link Binder}. Every problem is reported on the method it concerns;
 * a repository with any problem gets no implementation.
 */
public final class RepositoryWriter {

    private static final String REPOSITORY_PACKAGE = "jakarta.data.repository.";
    private static final String LIMIT = "jakarta.data.Limit";
    private static final String PAGE_REQUEST = "jakarta.data.page.PageRequest";
    private static final String ORDER = "jakarta.data.Order";
    private static final String SORT = "jakarta.data.Sort";

    private final Elements elements;
    private final Types types;
    private final Diagnostics diagnostics;
    private final TypeElement repository;
    private final EntityModel entity;
    private final DaoContext dao;
    private final Attributes attributes;
    private final TypeSpec.Builder type;
    private final Set<String> constants = new LinkedHashSet<>();
    private final Map<String, MethodSpec> projections = new LinkedHashMap<>();
    /** A hierarchy root's reads (which column holds what of each subtype); null for any other entity. */
    private dev.tenantdao.processor.sql.HierarchySql hierarchy;
    private boolean sortable;
    private boolean failed;

    private final NativeSqlMethod nativeSql;

    private RepositoryWriter(Elements elements, Types types, Diagnostics diagnostics, TypeElement repository,
            EntityModel entity, Map<String, dev.tenantdao.processor.query.TenantProof.KnownTable> tables,
            List<String> crossTenant) {
        this.elements = elements;
        this.types = types;
        this.diagnostics = diagnostics;
        this.repository = repository;
        this.entity = entity;
        this.dao = new DaoContext(entity, null);
        this.attributes = new Attributes(entity);
        this.nativeSql = new NativeSqlMethod(this, tables, crossTenant);
        this.type = TypeSpec.classBuilder(implementationName(repository))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(TypeName.get(repository.asType()));
    }

    // ---- what the generators of one repository share ------------------------------------------------------

    DaoContext dao() {
        return dao;
    }

    EntityModel entity() {
        return entity;
    }

    Types types() {
        return types;
    }

    TypeElement repository() {
        return repository;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    /**
     * The name of a private helper of the implementation: {@code base}, unless the repository declares
     * or inherits a method of that name (then {@code base_}, ...), so a helper never overloads one.
     */
    String helperName(String base) {
        String name = base;
        while (isRepositoryMethod(name)) {
            name = name + "_";
        }
        return name;
    }

    private boolean isRepositoryMethod(String name) {
        return ElementFilter.methodsIn(elements.getAllMembers(repository)).stream()
                .anyMatch(m -> m.getSimpleName().contentEquals(name));
    }

    /** Whether some method reads whole entities: then the class has {@code map} (and the load hooks). */
    private boolean mapsEntities;

    /** Notes that a method reads whole entities through {@code map}. */
    void mapsEntities() {
        mapsEntities = true;
    }

    /** Records a problem already reported: no implementation is written. */
    void failed() {
        failed = true;
    }

    /** Adds a method the generated class needs besides the interface's (a mapper of a projection). */
    void addHelper(String name, java.util.function.Supplier<MethodSpec> method) {
        projections.computeIfAbsent(name, n -> method.get());
    }

    /** The implementation's name: {@code <Repository>Impl}, beside the interface. */
    public static ClassName implementationName(TypeElement repository) {
        ClassName declared = ClassName.get(repository);
        return ClassName.get(declared.packageName(), String.join("_", declared.simpleNames()) + "Impl");
    }

    /**
     * The entities a repository names: the first type argument of the {@code DataRepository} it
     * extends; else, in declaration order, the entities its methods take or return (in a {@code List},
     * {@code Optional}, {@code Stream}, {@code Page} or array) and those its JDQL queries name (in the
     * repository's package). Empty when none tells; more than one is the caller's error to report.
     */
    public static List<TypeElement> entitiesOf(TypeElement repository, Types types, Elements elements,
            java.util.function.Predicate<TypeElement> isEntity) {
        for (TypeMirror supertype : allSupertypes(repository.asType(), types)) {
            DeclaredType declared = (DeclaredType) supertype;
            if (((TypeElement) declared.asElement()).getQualifiedName().contentEquals(REPOSITORY_PACKAGE + "DataRepository")
                    && !declared.getTypeArguments().isEmpty()
                    && declared.getTypeArguments().get(0).getKind() == TypeKind.DECLARED) {
                return List.of((TypeElement) types.asElement(declared.getTypeArguments().get(0)));
            }
        }
        Set<TypeElement> found = new LinkedHashSet<>();
        String packageName = elements.getPackageOf(repository).getQualifiedName().toString();
        for (ExecutableElement method : ElementFilter.methodsIn(repository.getEnclosedElements())) {
            if (!method.getModifiers().contains(Modifier.ABSTRACT)) {
                continue;
            }
            List<TypeMirror> named = new ArrayList<>();
            named.add(resultElement(method.getReturnType()));
            if (lifecycle(method) != null && method.getParameters().size() == 1) {
                named.add(elementOf(method.getParameters().get(0).asType()));
            }
            for (TypeMirror type : named) {
                if (type != null && type.getKind() == TypeKind.DECLARED
                        && isEntity.test((TypeElement) types.asElement(type))) {
                    found.add((TypeElement) types.asElement(type));
                }
            }
            Optional<AnnotationMirror> query = mirror(method, "Query");
            if (query.isPresent()) {
                java.util.regex.Matcher entity = JDQL_ENTITY.matcher((String) value(query.get(), "value").getValue());
                while (entity.find()) {
                    TypeElement type = elements.getTypeElement(
                            packageName.isEmpty() ? entity.group(2) : packageName + "." + entity.group(2));
                    if (type != null && isEntity.test(type)) {
                        found.add(type);
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    /** {@code FROM <Entity>}, {@code UPDATE <Entity>} in JDQL. */
    private static final java.util.regex.Pattern JDQL_ENTITY =
            java.util.regex.Pattern.compile("(?i)\\b(FROM|UPDATE)\\s+([A-Za-z_$][A-Za-z0-9_$]*)");

    /** The element type of a result: of a List, Optional, Stream, Page or array; the type itself otherwise. */
    private static TypeMirror resultElement(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            return ((ArrayType) type).getComponentType();
        }
        if (type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).getTypeArguments().size() == 1) {
            return ((DeclaredType) type).getTypeArguments().get(0);
        }
        return type;
    }

    private static List<TypeMirror> allSupertypes(TypeMirror type, Types types) {
        List<TypeMirror> all = new ArrayList<>();
        for (TypeMirror supertype : types.directSupertypes(type)) {
            all.add(supertype);
            all.addAll(allSupertypes(supertype, types));
        }
        return all;
    }

    /**
     * The implementation of {@code repository} over {@code entity}, or empty when a method could not
     * be implemented (each reported on its method).
     */
    public static Optional<JavaFile> write(Elements elements, Types types, Diagnostics diagnostics,
            TypeElement repository, EntityModel entity) {
        return write(elements, types, diagnostics, repository, entity, Map.of(), new ArrayList<>(), (m, sql) -> { });
    }

    /**
     * @param tables the tables of every entity of the compilation, by lower-case name, as the proof of
     *     {@code @Sql} methods knows them
     * @param crossTenant where each {@code @CrossTenant} method's line of the report is added
     * @param statements told each statement a method runs, as rendered (for the build-time verification)
     */
    public static Optional<JavaFile> write(Elements elements, Types types, Diagnostics diagnostics,
            TypeElement repository, EntityModel entity, Map<String, dev.tenantdao.processor.query.TenantProof.KnownTable> tables,
            List<String> crossTenant, java.util.function.BiConsumer<ExecutableElement, String> statements) {
        RepositoryWriter writer = new RepositoryWriter(elements, types, diagnostics, repository, entity, tables,
                crossTenant);
        writer.statements = statements;
        return writer.write();
    }

    /** Told each statement the method being written runs. */
    private java.util.function.BiConsumer<ExecutableElement, String> statements = (m, sql) -> { };

    /** The method being written. */
    private ExecutableElement current;

    private Optional<JavaFile> write() {
        if (!accessible()) {
            return Optional.empty();
        }
        List<MethodSpec> methods = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(repository))) {
            if (!method.getModifiers().contains(Modifier.ABSTRACT)) {
                continue;
            }
            MethodSpec written = method(method);
            if (written != null) {
                methods.add(written);
            }
        }
        if (failed) {
            return Optional.empty();
        }
        DaoSkeleton skeleton = new DaoSkeleton(dao);
        type.addJavadoc("The implementation of {@link $T}, over {@link $T} rows$L.\n\n<p>Generated by tenantdao; do not"
                + " edit.\n", ClassName.get(repository), entity.type(), entity.isTenanted()
                        ? " of the current tenant only (every method" + (acrossTenants()
                                ? " but the @AcrossTenants ones, which only {@code Database.asOperator} serves," : "")
                                + " throws {@code NoTenantException} before any SQL without one)" : "");
        type.addField(skeleton.scopeConstant());
        List<Property> converted = new ArrayList<>(entity.properties());
        hierarchy().ifPresent(h -> HierarchyRoot.of(entity).subtypes().forEach(
                subtype -> converted.addAll(subtype.ownProperties())));
        dao.binder().addConverterConstants(type, converted);
        type.addFields(constantFields);
        if (sortable) {
            type.addField(sortableField());
        }
        skeleton.addDatabaseField(type);
        type.addField(dev.tenantdao.processor.write.Types.DATABASE, "database", Modifier.PRIVATE, Modifier.FINAL);
        type.addField(entity.daoType(), "dao", Modifier.PRIVATE, Modifier.FINAL);
        dao.hooks().addListenerFields(type);
        type.addMethod(MethodSpec.constructorBuilder()
                .addAnnotation(dev.tenantdao.processor.write.Types.INJECT)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(dev.tenantdao.processor.write.Types.DATABASE, "database")
                .addStatement("this.support = new $T(database, SCOPE)", dev.tenantdao.processor.write.Types.DAO_SUPPORT)
                .addStatement("this.database = database")
                .addStatement("this.dao = new $T(database)", entity.daoType())
                .build());
        type.addMethods(methods);
        if (mapsEntities) {
            // a root's rows are read as their subtypes, as its DAO reads them
            type.addMethods(hierarchy().map(h -> new SubtypeMapMethods(dao, h).methods())
                    .orElseGet(() -> new MapMethods(dao).methods()));
        }
        type.addMethods(projections.values());
        if (mapsEntities) {
            type.addMethods(dao.hooks().methods(Set.of(HookKind.AFTER_LOAD)));
        }
        return Optional.of(DaoFiles.file(ClassName.get(repository).packageName(), type,
                List.of(repository, entity.element())));
    }

    private final List<FieldSpec> constantFields = new ArrayList<>();

    /**
     * Whether the implementation, beside the repository, can create and read the entity (and a
     * root's subtypes): in another package than the entity's, only through public members. Reports
     * the first that is not, on the repository.
     */
    private boolean accessible() {
        String here = elements.getPackageOf(repository).getQualifiedName().toString();
        List<EntityModel> all = new ArrayList<>(List.of(entity));
        if (entity.kind() instanceof HierarchyRoot root) {
            all.addAll(root.subtypes());
        }
        for (EntityModel each : all) {
            if (elements.getPackageOf(each.element()).getQualifiedName().contentEquals(here)) {
                continue;
            }
            Optional<String> hidden = hiddenMember(each);
            if (hidden.isPresent()) {
                diagnostics.report(Message.REPOSITORY_PACKAGE, repository, repository.getSimpleName(), here,
                        hidden.get(), elements.getPackageOf(each.element()).getQualifiedName());
                failed = true;
                return false;
            }
        }
        return true;
    }

    /** The first member of {@code entity} the implementation uses that is not public, if any. */
    private Optional<String> hiddenMember(EntityModel each) {
        boolean setters = each.construction().kind() == dev.tenantdao.processor.model.Construction.Kind.SETTERS;
        Optional<String> type = Visibility.hiddenType(each.element())
                .or(() -> Visibility.hiddenConstructor(each.element(), setters ? 0 : each.construction().constructorOrder().size()));
        if (type.isPresent()) {
            return type;
        }
        for (Property property : each.properties()) {
            if (property.isEmbedded()) {
                // the value on the entity, then the value itself (its DAO's use of it: Visibility.hiddenInValue)
                dev.tenantdao.processor.model.Embedded embedded = property.embedded();
                Optional<String> hidden = Visibility.hiddenMember(elements, each.element(), embedded.read(),
                                setters ? embedded.write() : null)
                        .or(() -> Visibility.hiddenInValue(elements, embedded, property));
                if (hidden.isPresent()) {
                    return hidden;
                }
                continue;
            }
            Optional<String> hidden = Visibility.hiddenMember(elements, each.element(), property.read(),
                    setters ? property.write() : null);
            if (hidden.isPresent()) {
                return hidden;
            }
        }
        return Optional.empty();
    }

    /** The reads of a {@code @Polymorphic} root's rows, as its DAO has them; empty for any other entity. */
    private Optional<dev.tenantdao.processor.sql.HierarchySql> hierarchy() {
        if (!(entity.kind() instanceof HierarchyRoot)) {
            return Optional.empty();
        }
        if (hierarchy == null) {
            hierarchy = new dev.tenantdao.processor.sql.SqlBuilder(entity).buildHierarchy();
        }
        return Optional.of(hierarchy);
    }

    // ---- one method ----------------------------------------------------------------------------------

    private MethodSpec method(ExecutableElement method) {
        current = method;
        ExecutableType resolved = (ExecutableType) types.asMemberOf((DeclaredType) repository.asType(), method);
        String annotation = lifecycle(method);
        try {
            Optional<AnnotationMirror> sql = annotation(method, "dev.tenantdao.annotations.Sql");
            boolean across = annotation(method, "dev.tenantdao.annotations.AcrossTenants").isPresent();
            if (across && (sql.isPresent() || annotation != null)) {
                throw new Problem(Message.ACROSS_TENANTS_MISUSE, name(method), "only a find method can be (a derived"
                        + " find, @Find or a @Query select): a" + (sql.isPresent() ? " @Sql method" : "n @" + annotation
                        + " method") + " is not");
            }
            if (sql.isPresent()) {
                return nativeSql.method(method, resolved, sql.get(),
                        annotation(method, "dev.tenantdao.annotations.CrossTenant").orElse(null));
            }
            if (annotation != null && !(annotation.equals("Delete") && !takesEntities(method, resolved))) {
                return lifecycleMethod(method, resolved, annotation);
            }
            Optional<AnnotationMirror> query = mirror(method, "Query");
            Query built;
            if (query.isPresent()) {
                String text = (String) value(query.get(), "value").getValue();
                try {
                    built = Jdql.parse(text, attributes);
                } catch (QueryException e) {
                    diagnostics.report(Message.QUERY_INVALID, method, query.get(), value(query.get(), "value"),
                            name(method), e.describe(text));
                    failed = true;
                    return null;
                }
            } else if ("Delete".equals(annotation) && deletesById(method)) {
                return deleteById(method, resolved);
            } else if (mirror(method, "Find").isPresent() || "Delete".equals(annotation)) {
                built = byParameters(method, "Delete".equals(annotation) ? Query.Action.DELETE : Query.Action.FIND);
            } else if (method.getSimpleName().contentEquals("findAllAsOf")) {
                return findAllAsOf(method, resolved);
            } else if (MethodNames.isDerived(method.getSimpleName().toString())) {
                built = MethodNames.parse(method.getSimpleName().toString(), attributes);
            } else {
                diagnostics.report(Message.REPOSITORY_METHOD_UNKNOWN, where(method), name(method));
                failed = true;
                return null;
            }
            return queryMethod(method, resolved, built, query.isPresent(), across);
        } catch (Problem problem) {
            Element at = problem.element != null && where(method) == method ? problem.element : where(method);
            diagnostics.report(problem.message, at, at == problem.element ? problem.annotation : null,
                    at == problem.element ? problem.value : null, problem.arguments);
            failed = true;
            return null;
        } catch (QueryException e) {
            diagnostics.report(Message.QUERY_INVALID, where(method), name(method), e.getMessage());
            failed = true;
            return null;
        }
    }

    /** Where a problem with {@code method} is reported: on it, or on the repository when it is inherited from a library. */
    private Element where(ExecutableElement method) {
        String declaring = ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString();
        return declaring.startsWith("jakarta.data.") ? repository : method;
    }

    /** Whether an {@code @Delete} method takes only the id ({@code deleteById(@By(ID) K id)}). */
    private boolean deletesById(ExecutableElement method) {
        if (method.getParameters().size() != 1) {
            return false;
        }
        VariableElement parameter = method.getParameters().get(0);
        String attribute = mirror(parameter, "By").map(by -> (String) value(by, "value").getValue())
                .orElse(parameter.getSimpleName().toString());
        return attribute.equalsIgnoreCase("id(this)") || attribute.equals(entity.id().name());
    }

    /**
     * {@code @Delete} by the id: the DAO's {@code deleteById}, so a hierarchy's rows go from every
     * table, delete hooks and audit are the DAO's; no row is no error (Jakarta Data's
     * {@code deleteById}), a {@code boolean} result says whether there was one.
     */
    private MethodSpec deleteById(ExecutableElement method, ExecutableType resolved) throws Problem {
        String returned = TypeName.get(resolved.getReturnType()).toString();
        if (!returned.equals("void") && !returned.equals("boolean")) {
            throw new Problem(Message.QUERY_RETURN_TYPE, name(method), resolved.getReturnType(), "a delete by id",
                    "void or boolean");
        }
        TypeMirror idType = resolved.getParameterTypes().get(0);
        if (!types.isSameType(boxed(idType), boxed(entity.id().type()))) {
            throw new Problem(Message.QUERY_PARAMETER_TYPE, method.getParameters().get(0).getSimpleName(),
                    name(method), idType, entity.name() + "." + entity.id().name() + ", " + entity.id().type())
                    .at(method.getParameters().get(0), null, null);
        }
        String argument = Locals.forRepository(dao).newName(method.getParameters().get(0).getSimpleName().toString(),
                "parameter");
        MethodSpec.Builder builder = overriding(method, resolved, List.of(argument));
        return builder.addStatement(returned.equals("void") ? "dao.deleteById($L)" : "return dao.deleteById($L)",
                argument).build();
    }

    /** A problem with a method, reported as {@code message}. */
    static final class Problem extends QueryException {
        private static final long serialVersionUID = 1L;
        final transient Message message;
        final transient Object[] arguments;
        /** Where it is, when narrower than the method: a parameter, or an annotation (and its value) on one. */
        transient Element element;
        transient AnnotationMirror annotation;
        transient AnnotationValue value;

        Problem(Message message, Object... arguments) {
            super(message.format(arguments), -1);
            this.message = message;
            this.arguments = arguments;
        }

        Problem at(Element element, AnnotationMirror annotation, AnnotationValue value) {
            this.element = element;
            this.annotation = annotation;
            this.value = value;
            return this;
        }
    }

    /** {@code Repository.method}, as messages and operation names say it. */
    String name(ExecutableElement method) {
        return repository.getSimpleName() + "." + method.getSimpleName();
    }

    // ---- findAllAsOf: the DAO's page of the past --------------------------------------------------------

    /**
     * {@code CursoredPage<E> findAllAsOf(Instant at, PageRequest pageRequest)}: every row of an audited
     * entity as it was at {@code at}, a cursored page in id order, from the DAO's {@code findAllAsOf}.
     */
    private MethodSpec findAllAsOf(ExecutableElement method, ExecutableType resolved) throws Problem {
        if (!entity.isAudited()) {
            // (of a hierarchy's root, level or subtype too: each DAO has findAllAsOf, rows read as their subtypes)
            throw new Problem(Message.FIND_ALL_AS_OF_ENTITY, name(method), entity.name(), "is not audited");
        }
        List<? extends TypeMirror> parameters = resolved.getParameterTypes();
        TypeMirror returns = resolved.getReturnType();
        boolean shaped = parameters.size() == 2
                && isNamed(parameters.get(0), "java.time.Instant")
                && isNamed(parameters.get(1), "jakarta.data.page.PageRequest")
                && returns.getKind() == TypeKind.DECLARED
                && ((TypeElement) types.asElement(returns)).getQualifiedName().contentEquals("jakarta.data.page.CursoredPage")
                && ((DeclaredType) returns).getTypeArguments().size() == 1
                && types.isSameType(((DeclaredType) returns).getTypeArguments().get(0), entity.element().asType());
        if (!shaped) {
            throw new Problem(Message.FIND_ALL_AS_OF_SHAPE, name(method), entity.name());
        }
        Locals locals = Locals.forRepository(dao);
        String at = locals.newName(method.getParameters().get(0).getSimpleName().toString(), method.getParameters().get(0));
        String request = locals.newName(method.getParameters().get(1).getSimpleName().toString(),
                method.getParameters().get(1));
        String after = locals.newName("after", "the id after which a page starts");
        String limit = locals.newName("size", "the rows to read");
        String row = locals.newName(dao.var(), "a row read");
        TypeName key = TypeName.get(entity.id().type()).box();
        return overriding(method, resolved, List.of(at, request))
                .addStatement("return $T.asOfPage($L, $T.class,\n($L, $L) -> $L == null ? dao.findAllAsOf($L, $L)"
                        + " : dao.findAllAsOf($L, $L, $L),\n$L -> $L)",
                        dev.tenantdao.processor.write.Types.REPOSITORIES, request, key, after, limit, after, at, limit,
                        at, after, limit, row, DaoContext.read(entity.id(), row))
                .build();
    }

    private boolean isNamed(TypeMirror type, String name) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) types.asElement(type)).getQualifiedName().contentEquals(name);
    }

    // ---- lifecycle methods: the DAO's -------------------------------------------------------------------

    private static String lifecycle(ExecutableElement method) {
        for (String kind : List.of("Insert", "Update", "Save", "Delete")) {
            if (mirror(method, kind).isPresent()) {
                return kind;
            }
        }
        return null;
    }

    /** Whether a lifecycle method takes one entity, a collection of them or an array of them. */
    private boolean takesEntities(ExecutableElement method, ExecutableType resolved) {
        if (resolved.getParameterTypes().size() != 1) {
            return false;
        }
        TypeMirror parameter = resolved.getParameterTypes().get(0);
        if (parameter.getKind() == TypeKind.DECLARED && !isEntity(parameter) && !isCollection(parameter)) {
            return false;
        }
        TypeMirror element = elementOf(parameter);
        return element != null && isEntity(element);
    }

    boolean isEntity(TypeMirror type) {
        TypeMirror bound = type.getKind() == TypeKind.TYPEVAR ? ((javax.lang.model.type.TypeVariable) type).getUpperBound()
                : type.getKind() == TypeKind.WILDCARD && ((javax.lang.model.type.WildcardType) type).getExtendsBound() != null
                        ? ((javax.lang.model.type.WildcardType) type).getExtendsBound() : type;
        return types.isSameType(types.erasure(bound), types.erasure(entity.element().asType()));
    }

    /** The element type of a List, Collection or array parameter, or the type itself. */
    private static TypeMirror elementOf(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            return ((ArrayType) type).getComponentType();
        }
        if (type.getKind() == TypeKind.DECLARED && !((DeclaredType) type).getTypeArguments().isEmpty()
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString().startsWith("java.util.")) {
            return ((DeclaredType) type).getTypeArguments().get(0);
        }
        return type;
    }

    private MethodSpec lifecycleMethod(ExecutableElement method, ExecutableType resolved, String kind)
            throws Problem {
        if (resolved.getParameterTypes().size() != 1 || !takesEntities(method, resolved)) {
            throw new Problem(Message.LIFECYCLE_PARAMETER, name(method), entity.name(), entity.name(), entity.name());
        }
        TypeMirror parameterType = resolved.getParameterTypes().get(0);
        boolean many = parameterType.getKind() == TypeKind.ARRAY || !isEntity(parameterType);
        boolean array = parameterType.getKind() == TypeKind.ARRAY;
        TypeMirror returns = resolved.getReturnType();
        boolean returnsValue = returns.getKind() != TypeKind.VOID;
        if (returnsValue && !types.isSameType(types.erasure(returns), types.erasure(parameterType))) {
            throw new Problem(Message.QUERY_RETURN_TYPE, name(method), returns, "an @" + kind + " method",
                    "void or " + parameterType);
        }
        String argument = Locals.forRepository(dao).newName(method.getParameters().get(0).getSimpleName().toString(),
                "parameter");
        MethodSpec.Builder builder = overriding(method, resolved, List.of(argument));
        CodeBlock.Builder body = CodeBlock.builder().beginControlFlow("try");
        TypeName cast = returnsValue ? TypeName.get(returns) : null;
        TypeMirror stored = many ? types.getDeclaredType(elements.getTypeElement("java.util.List"),
                entity.element().asType()) : entity.element().asType();
        boolean exact = returnsValue && types.isSameType(returns, stored);
        if (!many) {
            CodeBlock call = call(kind, argument);
            if (!returnsValue && kind.equals("Save") && !upserts()) {
                body.beginControlFlow("if ($L == $L)", DaoContext.read(entity.id(), argument),
                                entity.id().type().getKind().isPrimitive() ? "0" : "null")
                        .addStatement("dao.insert($L)", argument)
                        .nextControlFlow("else")
                        .addStatement("dao.update($L)", argument)
                        .endControlFlow();
            } else if (!returnsValue || kind.equals("Delete")) {
                body.addStatement("$L", call);
                if (returnsValue) {
                    body.addStatement("return $L", argument);
                }
            } else if (exact) {
                body.addStatement("return $L", call);
            } else {
                body.addStatement("return ($T) ($L)", cast, call);
            }
        } else {
            CodeBlock list = array ? CodeBlock.of("$T.asList($L)", dev.tenantdao.processor.write.Types.ARRAYS, argument)
                    : CodeBlock.of("$L", argument);
            TypeName listType = ParameterizedTypeName.get(dev.tenantdao.processor.write.Types.LIST, entity.type());
            boolean listOfEntity = !array && types.isSameType(parameterType, stored);
            if (kind.equals("Insert")) {
                // insertAll: one statement for every row; a List<S> or an array is handed over as a List<E>
                CodeBlock rows = listOfEntity ? list : CodeBlock.of("$T.<$T>copyOf($L)",
                        dev.tenantdao.processor.write.Types.LIST, entity.type(), list);
                if (!returnsValue) {
                    body.addStatement("dao.insertAll($L)", rows);
                } else if (exact) {
                    body.addStatement("return dao.insertAll($L)", rows);
                } else if (array) {
                    body.addStatement("return dao.insertAll($L).toArray($L.clone())", rows, argument);
                } else {
                    body.addStatement("return ($T) dao.insertAll($L)", cast, rows);
                }
            } else if (!returnsValue || kind.equals("Delete")) {
                // one entity after the other through the DAO, all or none: in one transaction
                body.add("database.useTransaction(transaction -> {\n$>")
                        .beginControlFlow("for ($T each : $L)", entity.type(), list)
                        .addStatement("$L", call(kind, "each"))
                        .endControlFlow()
                        .add("$<});\n");
                if (returnsValue) {
                    body.addStatement("return $L", argument);
                }
            } else {
                body.add("$T stored = database.inTransaction(transaction -> {\n$>", listType)
                        .addStatement("$T all = new $T<>()", listType, dev.tenantdao.processor.write.Types.ARRAY_LIST)
                        .beginControlFlow("for ($T each : $L)", entity.type(), list)
                        .addStatement("all.add($L)", call(kind, "each"))
                        .endControlFlow()
                        .addStatement("return all")
                        .add("$<});\n");
                if (array) {
                    body.addStatement("return stored.toArray($L.clone())", argument);
                } else if (exact) {
                    body.addStatement("return stored");
                } else {
                    body.addStatement("return ($T) stored", cast);
                }
            }
        }
        body.nextControlFlow("catch ($T failure)", RuntimeException.class)
                .addStatement("throw $T.translate(failure)", dev.tenantdao.processor.write.Types.REPOSITORIES)
                .endControlFlow();
        if (returnsValue && !exact && !array && !kind.equals("Delete")) {
            builder.addAnnotation(com.palantir.javapoet.AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "$S", "unchecked").build());
        }
        return builder.addCode(body.build()).build();
    }


    /**
     * The DAO call of a lifecycle method on the entity in {@code var}. {@code @Save} is an upsert on
     * the id where the application assigns it; else an insert without an id, an update with one.
     */
    private CodeBlock call(String kind, String var) {
        switch (kind) {
            case "Insert":
                return CodeBlock.of("dao.insert($L)", var);
            case "Update":
                return CodeBlock.of("dao.update($L)", var);
            case "Delete":
                return CodeBlock.of("dao.delete($L)", var);
            default:
                break;
        }
        Property id = entity.id();
        if (upserts() && entity.version().isPresent()) {
            // an upsert would not check the version: a stale entity must not overwrite a newer row
            String helper = helperName("saved");
            projections.computeIfAbsent(helper, n -> MethodSpec.methodBuilder(helper)
                    .addJavadoc("Saves {@code $L}: its row updated at its version (a stale one is refused), or inserted"
                            + " when there is none.\n", dao.var())
                    .addModifiers(Modifier.PRIVATE)
                    .returns(entity.type())
                    .addParameter(entity.type(), dao.var())
                    .beginControlFlow("try")
                    .addStatement("return dao.update($L)", dao.var())
                    .nextControlFlow("catch ($T missing)", dev.tenantdao.processor.write.Types.ROW_NOT_FOUND)
                    .addStatement("return dao.insert($L)", dao.var())
                    .endControlFlow()
                    .build());
            return CodeBlock.of("$L($L)", helper, var);
        }
        if (upserts()) {
            return CodeBlock.of("dao.upsert($L)", var);
        }
        CodeBlock idValue = DaoContext.read(id, var);
        return CodeBlock.of("$L == $L ? dao.insert($L) : dao.update($L)", idValue,
                id.type().getKind().isPrimitive() ? "0" : "null", var, var);
    }

    /** Whether the DAO has {@code upsert}: on an id the application assigns, outside hierarchies. */
    private boolean upserts() {
        return !entity.id().generated()
                && !(entity.kind() instanceof dev.tenantdao.processor.model.EntityKind.InHierarchy);
    }

    // ---- queries --------------------------------------------------------------------------------------

    /** A method parameter of a query method: its local name, type and, for Limit and the like, its role. */
    private record Param(VariableElement element, String name, TypeMirror type, String special, String local) {}

    /** {@code @Find} or {@code @Delete} by attributes: each parameter equals the attribute it is named after (or {@code @By}). */
    private Query byParameters(ExecutableElement method, Query.Action action) throws QueryException {
        List<Condition> all = new ArrayList<>();
        int position = 0;
        for (VariableElement parameter : method.getParameters()) {
            if (special(parameter.asType()) != null) {
                continue;
            }
            position++;
            Optional<AnnotationMirror> by = mirror(parameter, "By");
            String attribute = by.map(b -> (String) value(b, "value").getValue())
                    .orElse(parameter.getSimpleName().toString());
            Property property = attribute(attribute, parameter, by.orElse(null), "@By");
            all.add(new Condition.Compare(new Expr.Attribute(property), "=", new Expr.Param(null, position, -1), false));
        }
        Condition where = all.isEmpty() ? null : all.size() == 1 ? all.get(0) : new Condition.Junction("AND", all);
        return new Query(action, List.of(), where, List.of(), null, List.of());
    }

    /**
     * The attribute {@code name} (or {@code id(this)}) that {@code annotation} on {@code element} names
     * (or, without it, the parameter's name names); unknown, a problem reported there, naming the
     * annotation.
     */
    private Property attribute(String name, Element element, AnnotationMirror annotation, String what)
            throws Problem {
        if (name.equalsIgnoreCase("id(this)")) {
            return entity.id();
        }
        try {
            return attributes.require(name, -1);
        } catch (QueryException e) {
            throw new Problem(Message.QUERY_INVALID, name((ExecutableElement) (element instanceof ExecutableElement
                    ? element : element.getEnclosingElement())), (annotation != null ? what + ": " : "") + e.getMessage())
                    .at(element, annotation, annotation == null ? null : value(annotation, "value"));
        }
    }

    private static String special(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            return special(((ArrayType) type).getComponentType()) != null ? "Sort[]" : null;
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
        return switch (name) {
            case LIMIT -> "Limit";
            case PAGE_REQUEST -> "PageRequest";
            case ORDER -> "Order";
            case SORT -> "Sort";
            default -> null;
        };
    }

    /** What a find method returns. */
    private enum Shape { ONE, OPTIONAL, LIST, ARRAY, STREAM, PAGE, CURSORED_PAGE }

    private MethodSpec queryMethod(ExecutableElement method, ExecutableType resolved, Query query, boolean jdql,
            boolean across) throws QueryException {
        if (!resolved.getTypeVariables().isEmpty()) {
            throw new Problem(Message.QUERY_GENERIC, name(method), String.join(", ", resolved.getTypeVariables()
                    .stream().map(TypeMirror::toString).toList()), entity.name());
        }
        Locals locals = Locals.forRepository(dao);
        List<Param> params = new ArrayList<>();
        for (int i = 0; i < method.getParameters().size(); i++) {
            VariableElement parameter = method.getParameters().get(i);
            // the implementation's parameters take names of their own, so none hides a generated local
            String local = locals.newName(parameter.getSimpleName().toString(), "parameter " + i);
            params.add(new Param(parameter, mirror(parameter, "Param").map(p -> (String) value(p, "value").getValue())
                    .orElse(parameter.getSimpleName().toString()), resolved.getParameterTypes().get(i),
                    special(resolved.getParameterTypes().get(i)), local));
        }
        MethodSpec.Builder builder = overriding(method, resolved, params.stream().map(Param::local).toList());

        List<Param> values = params.stream().filter(p -> p.special() == null).toList();
        Param limit = params.stream().filter(p -> "Limit".equals(p.special())).findFirst().orElse(null);
        Param pageRequest = params.stream().filter(p -> "PageRequest".equals(p.special())).findFirst().orElse(null);
        List<Param> sorts = params.stream().filter(p -> p.special() != null && !p.special().equals("Limit")
                && !p.special().equals("PageRequest")).toList();

        // order: @OrderBy, then the name's OrderBy (already in the query), then sorts given at run time
        List<Query.Ordering> annotated = new ArrayList<>();
        for (AnnotationMirror orderBy : orderBys(method)) {
            Property property = attribute((String) value(orderBy, "value").getValue(), method, orderBy, "@OrderBy");
            annotated.add(new Query.Ordering(property, bool(orderBy, "descending"), bool(orderBy, "ignoreCase")));
        }
        query = query.withOrder(annotated);

        String operation = name(method);
        TypeMirror returns = resolved.getReturnType();
        Set<Param> used = new LinkedHashSet<>();
        QuerySql.Parameters resolver = (param, context, use, match) -> bind(method, param, context, use, match,
                values, jdql, used);
        QuerySql sql = new QuerySql(entity, resolver);
        CodeBlock.Builder body = CodeBlock.builder();
        if (across) {
            return builder.addCode(acrossTenantsBody(method, query, returns, sql, locals, values, used, jdql, limit,
                    pageRequest, sorts)).build();
        }
        switch (query.action()) {
            case COUNT, EXISTS -> {
                checkNoPaging(method, limit, pageRequest, sorts, query.action() == Query.Action.COUNT ? "a count"
                        : "an exists");
                boolean count = query.action() == Query.Action.COUNT;
                String returned = TypeName.get(returns).toString();
                if (count ? !Set.of("long", "java.lang.Long", "int", "java.lang.Integer").contains(returned)
                        : !Set.of("boolean", "java.lang.Boolean").contains(returned)) {
                    throw new Problem(Message.QUERY_RETURN_TYPE, operation, returns, count ? "a count" : "an exists",
                            count ? "long or int" : "boolean");
                }
                String constant = constant(method, sql.statement(query, QuerySql.Paging.NONE));
                Statement statement = sql.statement(query, QuerySql.Paging.NONE);
                checkAllUsed(method, values, used, jdql);
                body.add(dao.tenant().preamble())
                        .add(dao.statements().begin("withConnection", operation, constant))
                        .beginControlFlow("try ($T statement = connection.prepareStatement($L))",
                                dev.tenantdao.processor.write.Types.PREPARED_STATEMENT, dao.statements().sql(constant))
                        .add(dao.binder().bind(statement, null, "null", locals))
                        .add(dao.statements().openRows())
                        .addStatement("rows.next()")
                        .add(StatementCode.oneRow())
                        .add(!count ? CodeBlock.builder().addStatement("return rows.getBoolean(1)").build()
                                : returned.contains("nt")
                                        ? CodeBlock.builder().addStatement("return $T.toIntExact(rows.getLong(1))",
                                                Math.class).build()
                                        : CodeBlock.builder().addStatement("return rows.getLong(1)").build())
                        .endControlFlow()
                        .endControlFlow()
                        .add(StatementCode.end());
            }
            case UPDATE, DELETE -> {
                checkNoPaging(method, limit, pageRequest, sorts, "a bulk " + query.action().name().toLowerCase(Locale.ROOT));
                bulkChecks(method, query.action());
                String returned = TypeName.get(returns).toString();
                if (!Set.of("void", "long", "java.lang.Long", "int", "java.lang.Integer", "boolean").contains(returned)) {
                    throw new Problem(Message.QUERY_RETURN_TYPE, operation, returns,
                            "a bulk " + query.action().name().toLowerCase(Locale.ROOT), "void, int, long or boolean");
                }
                Statement statement = sql.statement(query, QuerySql.Paging.NONE);
                String constant = constant(method, statement);
                checkAllUsed(method, values, used, jdql);
                CodeBlock count = entity.isAudited()
                        ? CodeBlock.builder().add(dao.statements().openRows()).addStatement("rows.next()")
                                .add(StatementCode.returnChanged(returned,
                                        StatementCode.rows(CodeBlock.of("rows.getLong(1)"))))
                                .endControlFlow().build()
                        : StatementCode.returnChanged(returned,
                                StatementCode.rows(CodeBlock.of("(long) $L", dao.statements().update())));
                body.add(dao.tenant().preamble())
                        .add(dao.statements().begin("withConnection", operation, constant))
                        .beginControlFlow("try ($T statement = connection.prepareStatement($L))",
                                dev.tenantdao.processor.write.Types.PREPARED_STATEMENT, dao.statements().sql(constant))
                        .add(dao.binder().bind(statement, null, "null", locals))
                        .add(count)
                        .endControlFlow()
                        .add(StatementCode.end());
            }
            default -> body.add(findBody(method, query, returns, sql, locals, values, used, jdql, limit, pageRequest,
                    sorts));
        }
        return builder.addCode(body.build()).build();
    }

    /**
     * An {@code @AcrossTenants} find method: every tenant's rows of its query, each a {@code TenantRow}, through
     * {@link QuerySql#acrossTenants} (the tenancy pass in operator mode); served only inside {@code
     * Database.asOperator}, and logged with the tenants whose rows it returned, as the DAO's reads across tenants.
     */
    private CodeBlock acrossTenantsBody(ExecutableElement method, Query query, TypeMirror returns, QuerySql sql,
            Locals locals, List<Param> values, Set<Param> used, boolean jdql, Param limit, Param pageRequest,
            List<Param> sorts) throws QueryException {
        String operation = name(method);
        if (!TenancyPass.hasTenantColumn(entity) || entity.tenancy().operatorRole() == null) {
            throw new Problem(Message.ACROSS_TENANTS_MISUSE, operation, "needs a row-tenanted entity and the processor"
                    + " option -Atenantdao.operatorRole: " + entity.name() + (TenancyPass.hasTenantColumn(entity)
                            ? " is row-tenanted, but the option is not given" : " has no tenant column"));
        }
        if (query.action() == Query.Action.COUNT) {
            checkNoPaging(method, limit, pageRequest, sorts, "an @AcrossTenants count");
            if (!isTenantCounts(returns)) {
                throw new Problem(Message.QUERY_RETURN_TYPE, operation, returns, "an @AcrossTenants count",
                        "Map<String, Long> (each tenant's count)");
            }
            Statement statement = sql.acrossTenants(query, QuerySql.Paging.NONE);
            String constant = constant(method, statement);
            checkAllUsed(method, values, used, jdql);
            return AcrossTenantsMethod.call(operation, constant, dao.binder().bind(statement, null, "null", locals),
                    CodeBlock.builder()
                            .addStatement("$T counts = new $T<>()", AcrossTenantsMethod.COUNTS,
                                    AcrossTenantsMethod.LINKED_HASH_MAP)
                            .add(AcrossTenantsMethod.readCounts("counts"))
                            .addStatement("return call.countsOfTenants(counts)")
                            .build());
        }
        if (query.action() != Query.Action.FIND) {
            throw new Problem(Message.ACROSS_TENANTS_MISUSE, operation, "only a find or a count method can be: a"
                    + (query.action() == Query.Action.EXISTS || query.action() == Query.Action.UPDATE ? "n " : " ")
                    + query.action().name().toLowerCase(Locale.ROOT) + " is not");
        }
        // List<TenantRow<X>> or Page<TenantRow<X>>, X the entity or a record of its attributes; CursoredPage<TenantRow<E>>
        Result result = returns.getKind() == TypeKind.DECLARED ? result(operation, returns) : null;
        Shape shape = result == null ? null : result.shape();
        TypeMirror row = result == null ? null : result.element();
        if (shape != Shape.LIST && shape != Shape.PAGE && shape != Shape.CURSORED_PAGE || !isNamed(row, "dev.tenantdao.runtime.TenantRow")
                || ((DeclaredType) row).getTypeArguments().size() != 1
                || ((DeclaredType) row).getTypeArguments().get(0).getKind() != TypeKind.DECLARED) {
            throw new Problem(Message.QUERY_RETURN_TYPE, operation, returns, "an @AcrossTenants method",
                    "List<TenantRow<X>>, Page<TenantRow<X>> or CursoredPage<TenantRow<" + entity.name() + ">>, X "
                            + entity.name() + " or a record of its attributes");
        }
        checkPaging(operation, shape, query, limit, pageRequest, sorts);
        if (sorts.size() > 1) {
            throw new Problem(Message.QUERY_SPECIAL_PARAMETER, operation, "second Order or Sort",
                    "is one more than a method can take; put every criterion in one Order");
        }
        TypeMirror element = ((DeclaredType) row).getTypeArguments().get(0);
        RowReader reader = rowReader(method, query, element);
        if (reader.single()) {
            throw new Problem(Message.ACROSS_TENANTS_MISUSE, operation, "reads entities or records of their attributes:"
                    + " a single attribute is not supported across tenants; declare a record of it");
        }
        query = query.withSelected(reader.selected());
        if (shape == Shape.CURSORED_PAGE) {
            return cursoredPage(method, query, element, sql, locals, values, used, jdql, pageRequest, sorts, reader,
                    true);
        }
        boolean paged = limit != null || pageRequest != null;
        boolean dynamic = !sorts.isEmpty();
        QuerySql.Paging paging = new QuerySql.Paging(paged ? Parameter.argument("limit", ValueType.PRIMITIVE_INT) : null,
                paged ? Parameter.argument("offset", ValueType.PRIMITIVE_LONG) : null, dynamic);
        Statement statement = sql.acrossTenants(query, paging);
        String constant = constant(method, statement);
        Statement count = shape == Shape.PAGE ? sql.acrossTenantsCount(query) : null;
        String countConstant = count == null ? null : constantNamed(constant + "_COUNT", count);
        checkAllUsed(method, values, used, jdql);

        CodeBlock.Builder body = CodeBlock.builder().add(pagingLocals(limit, pageRequest));
        CodeBlock text = CodeBlock.of("$L", constant);
        if (dynamic) {
            // the tenant stays the first key: in front of the criteria, the id after them
            body.add(dynamicOrder(sorts.get(0), sql.acrossTenantsOrderList(query.order()), sql.acrossTenantsLastKeys()));
            text = CodeBlock.of("$T.ordered($L, order)", dev.tenantdao.processor.write.Types.REPOSITORIES, constant);
        }
        CodeBlock bind = dao.binder().bind(statement, null, "null", locals);
        CodeBlock read = AcrossTenantsMethod.readTenantRows(reader.addTenantRow("found"));
        CodeBlock found = AcrossTenantsMethod.tenantRows(TypeName.get(element));
        if (shape == Shape.LIST) {
            return body.add(AcrossTenantsMethod.call(operation, constant, text, bind, CodeBlock.builder().add(found)
                    .add(read).addStatement("return call.rowsOfTenants(found)").build(), CodeBlock.of(""))).build();
        }
        // a page: its rows, then (when the request asks for it) each tenant's count of every row the query finds
        return body.add(found)
                .add(AcrossTenantsMethod.call(operation, constant, text, bind,
                        CodeBlock.builder().add(read).addStatement("call.rowsOfTenants(found)").build(),
                        acrossTenantsTotal(pageRequest, countConstant, count, locals, ParameterizedTypeName.get(
                                dev.tenantdao.processor.write.Types.PAGE, ParameterizedTypeName.get(
                                        dev.tenantdao.processor.write.Types.TENANT_ROW, TypeName.get(element))),
                                CodeBlock.of("$T.page($L, found, total)", dev.tenantdao.processor.write.Types.REPOSITORIES,
                                        pageRequest.local()))))
                .build();
    }

    /**
     * The rest of an {@code @AcrossTenants} page after its rows: when the request asks for the total, each tenant's
     * count of the rows the query finds (one statement, {@code GROUP BY} the tenant), summed; then the page, returned
     * through the call's log, which names the tenants of its rows and the tenants counted.
     */
    private CodeBlock acrossTenantsTotal(Param pageRequest, String countConstant, Statement count, Locals locals,
            TypeName pageType, CodeBlock page) {
        return CodeBlock.builder()
                .addStatement("$T counted = new $T<>()", AcrossTenantsMethod.COUNTS, AcrossTenantsMethod.LINKED_HASH_MAP)
                .addStatement("long total = -1")
                .beginControlFlow("if ($L.requestTotal())", pageRequest.local())
                .add(StatementCode.next(countConstant))
                .add(AcrossTenantsMethod.query(CodeBlock.of("$L", countConstant), dao.binder().bind(count, null, "null", locals),
                        AcrossTenantsMethod.readCounts("counted")))
                .addStatement("call.rows(counted.size())")
                .addStatement("total = counted.values().stream().mapToLong(Long::longValue).sum()")
                .endControlFlow()
                .addStatement("$T page = $L", pageType, page)
                .addStatement("return call.pageOfTenants(page, page.content(), counted)")
                .build();
    }

    /** Whether a method of the repository is {@code @AcrossTenants}. */
    private boolean acrossTenants() {
        return ElementFilter.methodsIn(repository.getEnclosedElements()).stream()
                .anyMatch(m -> annotation(m, "dev.tenantdao.annotations.AcrossTenants").isPresent());
    }

    /** Whether {@code type} is {@code Map<String, Long>}. */
    private boolean isTenantCounts(TypeMirror type) {
        return type instanceof DeclaredType map && isNamed(type, "java.util.Map") && map.getTypeArguments().size() == 2
                && isNamed(map.getTypeArguments().get(0), "java.lang.String")
                && isNamed(map.getTypeArguments().get(1), "java.lang.Long");
    }

    private void checkNoPaging(ExecutableElement method, Param limit, Param pageRequest, List<Param> sorts, String what)
            throws Problem {
        Param special = limit != null ? limit : pageRequest != null ? pageRequest : sorts.isEmpty() ? null : sorts.get(0);
        if (special != null) {
            throw new Problem(Message.QUERY_SPECIAL_PARAMETER, name(method), special.special(), what + " cannot use");
        }
    }

    /**
     * Whether {@code listener} implements hook {@code method} itself (or a superclass of it does),
     * rather than inheriting the listener interface's default that does nothing.
     */
    private boolean overrides(TypeElement listener, String method) {
        return ElementFilter.methodsIn(elements.getAllMembers(listener)).stream()
                .anyMatch(m -> m.getSimpleName().contentEquals(method) && !((TypeElement) m.getEnclosingElement())
                        .getQualifiedName().contentEquals("dev.tenantdao.runtime.EntityListener"));
    }

    /** A bulk update or delete runs no per-entity hooks: refused when the entity has them. */
    private void bulkChecks(ExecutableElement method, Query.Action action) throws Problem {
        if (entity.isJoinedSubtype() || entity.kind() instanceof dev.tenantdao.processor.model.EntityKind.HierarchyRoot) {
            throw new Problem(Message.QUERY_BULK_HIERARCHY, name(method), entity.name(), entity.isJoinedSubtype()
                    ? "a subtype of a joined hierarchy (its rows span several tables)"
                    : HierarchyRoot.of(entity).level()
                            ? "an intermediate level of a @Polymorphic hierarchy (its rows are of several subtypes)"
                            : "the root of a @Polymorphic hierarchy (its rows are of every subtype)");
        }
        boolean update = action == Query.Action.UPDATE;
        List<HookKind> kinds = update ? List.of(HookKind.BEFORE_UPDATE, HookKind.AFTER_UPDATE)
                : List.of(HookKind.BEFORE_DELETE, HookKind.AFTER_DELETE);
        List<String> present = new ArrayList<>();
        for (HookKind kind : kinds) {
            for (dev.tenantdao.processor.model.Hooks.Level level : entity.hooks().levels()) {
                if (level.method(kind) != null) {
                    present.add("@" + kind.annotation().getSimpleName());
                }
                for (dev.tenantdao.processor.model.Hooks.Listener listener : level.listeners()) {
                    if (overrides(listener.type(), kind.method())) {
                        present.add(listener.type().getSimpleName() + "." + kind.method());
                    }
                }
            }
        }
        if (!present.isEmpty()) {
            throw new Problem(Message.QUERY_BULK_HOOKS, name(method), update ? "updates" : "deletes", entity.name(),
                    entity.name(), update ? "update" : "delete", String.join(", ", present), update ? "update" : "delete");
        }
    }

    private CodeBlock findBody(ExecutableElement method, Query query, TypeMirror returns, QuerySql sql, Locals locals,
            List<Param> values, Set<Param> used, boolean jdql, Param limit, Param pageRequest, List<Param> sorts)
            throws QueryException {
        String operation = name(method);
        Result result = result(operation, returns);
        Shape shape = result.shape();
        TypeMirror element = result.element();
        checkPaging(operation, shape, query, limit, pageRequest, sorts);
        // what a row becomes
        RowReader reader = rowReader(method, query, element);
        query = query.withSelected(reader.selected());
        if (shape == Shape.CURSORED_PAGE) {
            return cursoredPage(method, query, element, sql, locals, values, used, jdql, pageRequest, sorts, reader);
        }

        boolean paged = limit != null || pageRequest != null;
        boolean dynamic = !sorts.isEmpty();
        Parameter limitBinding = paged ? Parameter.argument("limit", ValueType.PRIMITIVE_INT) : null;
        Parameter offsetBinding = paged ? Parameter.argument("offset", ValueType.PRIMITIVE_LONG) : null;
        if (paged && !dynamic && query.order().stream().noneMatch(o -> o.property().id())) {
            query = query.withOrder(List.of(new Query.Ordering(entity.id(), false, false)));  // stable pages
        }
        QuerySql.Paging paging = new QuerySql.Paging(limitBinding, offsetBinding, dynamic);
        boolean stream = shape == Shape.STREAM;
        Statement statement = stream ? sql.streamed(query, paging) : sql.statement(query, paging);
        String constant = constant(method, statement);
        String countConstant = null;
        Statement count = null;
        if (shape == Shape.PAGE) {
            count = sql.count(query);
            countConstant = constantNamed(constant + "_COUNT", count);
        }
        checkAllUsed(method, values, used, jdql);

        CodeBlock.Builder body = CodeBlock.builder().add(dao.tenant().preamble()).add(pagingLocals(limit, pageRequest));
        CodeBlock text = CodeBlock.of("$L", constant);
        if (dynamic) {
            body.add(dynamicOrder(sorts.get(0), sql.orderList(query.order()), paged ? sql.column(entity.id()) : ""));
            text = CodeBlock.of("$T.ordered($L, order)", dev.tenantdao.processor.write.Types.REPOSITORIES, constant);
        }
        CodeBlock sqlText = stream ? dao.statements().sqlWithoutSetting(text) : dao.statements().sql(text);
        TypeName elementType = TypeName.get(element);
        if (stream) {
            CodeBlock.Builder prepare = CodeBlock.builder();
            if (TenancyPass.setsTenant(entity)) {
                prepare.add(dao.tenant().setOnConnection());
            }
            prepare.addStatement("$T statement = connection.prepareStatement($L)",
                            dev.tenantdao.processor.write.Types.PREPARED_STATEMENT, sqlText)
                    .add(dao.binder().bind(statement, null, "null", locals))
                    .addStatement("return statement");
            return body.add(dao.statements().openStream("return ", operation, constant))
                    .add(prepare.build())
                    .add("$<}, rows -> {\n$>")
                    .add(reader.returnRow())
                    .add("$<}));\n")
                    .build();
        }
        body.add(dao.statements().begin("withConnection", operation, constant))
                .addStatement("$T found = new $T<>()", ParameterizedTypeName.get(dev.tenantdao.processor.write.Types.LIST,
                        elementType.box()), dev.tenantdao.processor.write.Types.ARRAY_LIST)
                .add(readInto(sqlText, statement, locals, reader));
        switch (shape) {
            case ONE -> body.addStatement("return $T.single(found, $S)", dev.tenantdao.processor.write.Types.REPOSITORIES,
                    operation);
            case OPTIONAL -> body.addStatement("return $T.optional(found, $S)",
                    dev.tenantdao.processor.write.Types.REPOSITORIES, operation);
            case LIST -> body.addStatement("return found");
            case ARRAY -> {
                if (element.getKind().isPrimitive()) {
                    body.addStatement("$T array = new $T[found.size()]", ArrayTypeName.of(TypeName.get(element)),
                                    TypeName.get(element))
                            .beginControlFlow("for (int i = 0; i < array.length; i++)")
                            .addStatement("array[i] = found.get(i)")
                            .endControlFlow()
                            .addStatement("return array");
                } else {
                    body.addStatement("return found.toArray(new $T[0])", types.erasure(element));
                }
            }
            case PAGE -> {
                body.add(total(pageRequest, countConstant, count, locals))
                        .addStatement("return $T.page($L, found, total)", dev.tenantdao.processor.write.Types.REPOSITORIES,
                                pageRequest.local());
            }
            default -> throw new IllegalStateException(shape.name());
        }
        return body.add(StatementCode.end()).build();
    }

    /** What a find method returns: its shape, and the type of its elements. */
    private record Result(Shape shape, TypeMirror element) {}

    /** What {@code returns}, the return type of find method {@code operation}, is: its shape and element type. */
    private Result result(String operation, TypeMirror returns) throws Problem {
        Shape shape;
        TypeMirror element;
        String container = returns.getKind() == TypeKind.DECLARED
                ? ((TypeElement) ((DeclaredType) returns).asElement()).getQualifiedName().toString() : "";
        if (returns.getKind() == TypeKind.ARRAY) {
            shape = Shape.ARRAY;
            element = ((ArrayType) returns).getComponentType();
        } else if (container.equals("java.util.List") || container.equals("java.util.Optional")
                || container.equals("java.util.stream.Stream") || container.equals("jakarta.data.page.Page")
                || container.equals("jakarta.data.page.CursoredPage")) {
            shape = switch (container) {
                case "java.util.List" -> Shape.LIST;
                case "java.util.Optional" -> Shape.OPTIONAL;
                case "java.util.stream.Stream" -> Shape.STREAM;
                case "jakarta.data.page.CursoredPage" -> Shape.CURSORED_PAGE;
                default -> Shape.PAGE;
            };
            List<? extends TypeMirror> arguments = ((DeclaredType) returns).getTypeArguments();
            if (arguments.isEmpty()) {
                throw new Problem(Message.QUERY_RETURN_TYPE, operation, returns, "a find method (a raw type)",
                        container.substring(container.lastIndexOf('.') + 1) + "<" + entity.name() + ">");
            }
            element = arguments.get(0);
        } else {
            shape = Shape.ONE;
            element = returns;
        }
        if (returns.getKind() == TypeKind.VOID || element.getKind() == TypeKind.WILDCARD) {
            throw new Problem(Message.QUERY_RETURN_TYPE, operation, returns, "a find method",
                    entity.name() + ", Optional, List, an array, Stream or Page of it, or of a record of its attributes");
        }
        return new Result(shape, element);
    }

    /** The checks of a find method's paging parameters against its shape and its {@code First} rows. */
    private static void checkPaging(String operation, Shape shape, Query query, Param limit, Param pageRequest,
            List<Param> sorts) throws Problem {
        if (query.first() != null && (limit != null || pageRequest != null)) {
            throw new Problem(Message.QUERY_SPECIAL_PARAMETER, operation, limit != null ? "Limit" : "PageRequest",
                    "a method reading First" + query.first() + " rows cannot also take; drop one of them");
        }
        if ((shape == Shape.ONE || shape == Shape.OPTIONAL) && (limit != null || pageRequest != null)) {
            throw new Problem(Message.QUERY_SPECIAL_PARAMETER, operation, limit != null ? "Limit" : "PageRequest",
                    "a method returning a single result cannot use");
        }
        if ((shape == Shape.PAGE || shape == Shape.CURSORED_PAGE) && pageRequest == null) {
            throw new Problem(Message.QUERY_SPECIAL_PARAMETER, operation, shape == Shape.PAGE ? "Page" : "CursoredPage",
                    "needs a PageRequest parameter; it");
        }
        if (pageRequest != null && shape != Shape.PAGE && shape != Shape.CURSORED_PAGE) {
            throw new Problem(Message.QUERY_SPECIAL_PARAMETER, operation, "PageRequest", "needs a Page result; a "
                    + shape.name().toLowerCase(Locale.ROOT) + " result cannot use");
        }
        if (sorts.size() > 1) {
            throw new Problem(Message.QUERY_SPECIAL_PARAMETER, operation, "second Order or Sort",
                    "is one more than a method can take; put every criterion in one Order");
        }
    }

    /**
     * {@code int limit} and {@code long offset}: the rows a find method reads, from its {@code Limit} or its
     * offset {@code PageRequest} (and one row more without a total, to tell whether a next page exists).
     */
    private static CodeBlock pagingLocals(Param limit, Param pageRequest) {
        CodeBlock.Builder body = CodeBlock.builder();
        if (limit != null) {
            body.addStatement("int limit = $L.maxResults()", limit.local())
                    .addStatement("long offset = $T.offset($L)", dev.tenantdao.processor.write.Types.REPOSITORIES,
                            limit.local());
        } else if (pageRequest != null) {
            body.addStatement("long offset = $T.offset($L)", dev.tenantdao.processor.write.Types.REPOSITORIES,
                            pageRequest.local())
                    .addStatement("int limit = $T.fetchSize($L)", dev.tenantdao.processor.write.Types.REPOSITORIES,
                            pageRequest.local());
        }
        return body.build();
    }

    /**
     * {@code String order}: the ORDER BY of a find method with sort criteria given at run time ({@code sort}):
     * {@code fixed}, the criteria, then {@code last} (the id, for stable pages; empty for none).
     */
    private CodeBlock dynamicOrder(Param sort, String fixed, String last) {
        sortable = true;
        CodeBlock criteria = switch (sort.special()) {
            case "Sort" -> CodeBlock.of("$T.of($L)", dev.tenantdao.processor.write.Types.LIST, sort.local());
            case "Sort[]" -> CodeBlock.of("$T.asList($L)", dev.tenantdao.processor.write.Types.ARRAYS, sort.local());
            default -> CodeBlock.of("$L", sort.local());
        };
        return CodeBlock.builder().addStatement("String order = $T.orderBy($S, $L, SORTABLE, $S, $S)",
                dev.tenantdao.processor.write.Types.REPOSITORIES, fixed, criteria, entity.name(), last).build();
    }

    /**
     * A {@code CursoredPage}: keyset paging. Three statements: the first page (by offset), the rows
     * after a cursor and the rows before one (read backwards, then turned around), each the query with
     * the keyset condition after the tenant's and the user's; the order ends with the id, so every
     * row has a cursor of its own. Read one row more than the page holds, to tell whether more follow.
     */
    private CodeBlock cursoredPage(ExecutableElement method, Query query, TypeMirror element, QuerySql sql,
            Locals locals, List<Param> values, Set<Param> used, boolean jdql, Param pageRequest, List<Param> sorts,
            RowReader reader) throws QueryException {
        return cursoredPage(method, query, element, sql, locals, values, used, jdql, pageRequest, sorts, reader, false);
    }

    /**
     * {@link #cursoredPage(ExecutableElement, Query, TypeMirror, QuerySql, Locals, List, Set, boolean, Param, List,
     * RowReader)}, or, {@code across}, a {@code CursoredPage<TenantRow<E>>} of an {@code @AcrossTenants} method: its
     * order, keyset and cursor begin with the tenant; its statements through the operator-mode pass, its total each
     * tenant's count (logged with the page's tenants).
     */
    private CodeBlock cursoredPage(ExecutableElement method, Query query, TypeMirror element, QuerySql sql,
            Locals locals, List<Param> values, Set<Param> used, boolean jdql, Param pageRequest, List<Param> sorts,
            RowReader reader, boolean across) throws QueryException {
        String operation = name(method);
        if (!sorts.isEmpty()) {
            throw new Problem(Message.QUERY_SPECIAL_PARAMETER, operation, sorts.get(0).special(),
                    "a CursoredPage cannot use: its cursor holds the values of a fixed order; declare it with"
                            + " @OrderBy, OrderBy in the name or ORDER BY in the query, and");
        }
        if (!isEntity(element) || !reader.selected().isEmpty()) {
            throw new Problem(Message.QUERY_RETURN_TYPE, operation, element, "a CursoredPage",
                    across ? "CursoredPage<TenantRow<" + entity.name() + ">>" : "CursoredPage<" + entity.name() + ">");
        }
        if (query.order().stream().noneMatch(o -> o.property().id())) {
            query = query.withOrder(List.of(new Query.Ordering(entity.id(), false, false)));
        }
        for (Query.Ordering ordering : query.order()) {
            Property property = ordering.property();
            if (!property.notNull() || ordering.ignoreCase() || property.valueType() == ValueType.LIST
                    || property.valueType() == ValueType.ARRAY || property.valueType() == ValueType.BYTES) {
                throw new Problem(Message.QUERY_CURSOR_ORDER, operation, entity.name() + "." + property.name(),
                        ordering.ignoreCase() ? "is ordered ignoring case" : !property.notNull()
                                ? "may be NULL (declare it @Column(nullable = false))" : "is not a single value");
            }
        }
        List<Parameter> keys = new ArrayList<>();
        CodeBlock.Builder declared = CodeBlock.builder();
        List<Query.Ordering> order = query.order();
        int size = order.size() + (across ? 1 : 0);
        if (across) {
            // the tenant first: its key the row's tenant, as text
            String local = locals.newName("tenantKey", "cursor key 0, the tenant");
            declared.addStatement("String $L = $T.key($L, 0, $L, String.class)", local,
                    dev.tenantdao.processor.write.Types.REPOSITORIES, pageRequest.local(), size);
            keys.add(Parameter.argument(local, ValueType.STRING));
        }
        for (int i = 0; i < order.size(); i++) {
            Property property = order.get(i).property();
            TypeMirror boxedType = boxed(property.type());
            int index = i + (across ? 1 : 0);
            String local = locals.newName(property.identifier() + "Key", "cursor key " + index);
            declared.addStatement("$T $L = $T.key($L, $L, $L, $T.class)", TypeName.get(boxedType), local,
                    dev.tenantdao.processor.write.Types.REPOSITORIES, pageRequest.local(), index, size,
                    TypeName.get(types.erasure(boxedType)));
            keys.add(Parameter.query(local, property, new Parameter.Query(entity.name(), boxedType,
                    EntityReader.valueType(boxedType), null, false, false)));
        }
        Parameter limit = Parameter.argument("limit", ValueType.PRIMITIVE_INT);
        Parameter offset = Parameter.argument("offset", ValueType.PRIMITIVE_LONG);
        QuerySql.Paging firstPaging = new QuerySql.Paging(limit, offset, false);
        QuerySql.Paging afterPaging = QuerySql.Paging.cursor(limit, null, keys, false);
        QuerySql.Paging beforePaging = QuerySql.Paging.cursor(limit, null, keys, true);
        Statement first = across ? sql.acrossTenants(query, firstPaging) : sql.statement(query, firstPaging);
        Statement after = across ? sql.acrossTenants(query, afterPaging) : sql.statement(query, afterPaging);
        Statement before = across ? sql.acrossTenants(query, beforePaging) : sql.statement(query, beforePaging);
        Statement count = across ? sql.acrossTenantsCount(query) : sql.count(query);
        String constant = constant(method, first);
        String afterConstant = constantNamed(constant + "_AFTER", after);
        String beforeConstant = constantNamed(constant + "_BEFORE", before);
        String countConstant = constantNamed(constant + "_COUNT", count);
        checkAllUsed(method, values, used, jdql);
        String sent = locals.newName("sql", "the statement sent");

        ClassName pageRequestType = dev.tenantdao.processor.write.Types.PAGE_REQUEST;
        List<CodeBlock> cursorKeys = new ArrayList<>();
        if (across) {
            cursorKeys.add(CodeBlock.of("row.tenant()"));
        }
        order.forEach(o -> cursorKeys.add(DaoContext.read(o.property(), across ? "row.entity()" : "row")));
        CodeBlock cursor = CodeBlock.builder().add("row -> $T.Cursor.forKey(", pageRequestType)
                .add(CodeBlock.join(cursorKeys, ", "))
                .add(")")
                .build();
        // the rows to read, the cursor's keys, and the statement the request's mode sends
        CodeBlock head = CodeBlock.builder()
                .addStatement("int limit = $T.cursorFetchSize($L)", dev.tenantdao.processor.write.Types.REPOSITORIES,
                        pageRequest.local())
                .addStatement("long offset = $T.cursorOffset($L)", dev.tenantdao.processor.write.Types.REPOSITORIES,
                        pageRequest.local())
                .add(declared.build())
                .addStatement("String $L = switch ($L.mode()) { case CURSOR_NEXT -> $L; case CURSOR_PREVIOUS -> $L;"
                        + " default -> $L; }", sent, pageRequest.local(), afterConstant, beforeConstant, constant)
                .build();
        if (across) {
            CodeBlock addRow = AcrossTenantsMethod.readTenantRows(reader.addTenantRow("found"));
            CodeBlock read = CodeBlock.builder()
                    .beginControlFlow("if ($L.mode() == $T.Mode.CURSOR_NEXT)", pageRequest.local(), pageRequestType)
                    .add(AcrossTenantsMethod.query(CodeBlock.of("$L", afterConstant),
                            dao.binder().bind(after, null, "null", locals), addRow))
                    .nextControlFlow("else if ($L.mode() == $T.Mode.CURSOR_PREVIOUS)", pageRequest.local(),
                            pageRequestType)
                    .add(AcrossTenantsMethod.query(CodeBlock.of("$L", beforeConstant),
                            dao.binder().bind(before, null, "null", locals), addRow))
                    .nextControlFlow("else")
                    .add(AcrossTenantsMethod.query(CodeBlock.of("$L", constant),
                            dao.binder().bind(first, null, "null", locals), addRow))
                    .endControlFlow()
                    .build();
            TypeName row = ParameterizedTypeName.get(dev.tenantdao.processor.write.Types.TENANT_ROW, entity.type());
            return CodeBlock.builder()
                    .add(head)
                    .add(AcrossTenantsMethod.tenantRows(entity.type()))
                    .add(AcrossTenantsMethod.begin(operation, sent))
                    .add(read)
                    .addStatement("call.rowsOfTenants(found)")
                    .add(acrossTenantsTotal(pageRequest, countConstant, count, locals, ParameterizedTypeName.get(
                            dev.tenantdao.processor.write.Types.CURSORED_PAGE, row), CodeBlock.of("$T.cursoredPage($L,"
                                    + " found, $L, total)", dev.tenantdao.processor.write.Types.REPOSITORIES,
                                    pageRequest.local(), cursor)))
                    .add(StatementCode.end())
                    .build();
        }
        return CodeBlock.builder()
                .add(dao.tenant().preamble())
                .add(head)
                .add(dao.statements().begin("withConnection", operation, sent))
                .addStatement("$T found = new $T<>()", ParameterizedTypeName.get(dev.tenantdao.processor.write.Types.LIST,
                        entity.type()), dev.tenantdao.processor.write.Types.ARRAY_LIST)
                .beginControlFlow("if ($L.mode() == $T.Mode.CURSOR_NEXT)", pageRequest.local(), pageRequestType)
                .add(readInto(afterConstant, after, locals, reader))
                .nextControlFlow("else if ($L.mode() == $T.Mode.CURSOR_PREVIOUS)", pageRequest.local(), pageRequestType)
                .add(readInto(beforeConstant, before, locals, reader))
                .nextControlFlow("else")
                .add(readInto(constant, first, locals, reader))
                .endControlFlow()
                .add(total(pageRequest, countConstant, count, locals))
                .addStatement("return $T.cursoredPage($L, found, $L, total)",
                        dev.tenantdao.processor.write.Types.REPOSITORIES, pageRequest.local(), cursor)
                .add(StatementCode.end())
                .build();
    }

    /** Runs {@code statement} (constant {@code constant}) and adds each row's element to {@code found}. */
    private CodeBlock readInto(String constant, Statement statement, Locals locals, RowReader reader) {
        return readInto(dao.statements().sql(constant), statement, locals, reader);
    }

    /** Runs {@code statement}, sent as {@code sqlText}, and adds each row's element to {@code found}. */
    private CodeBlock readInto(CodeBlock sqlText, Statement statement, Locals locals, RowReader reader) {
        return CodeBlock.builder()
                .beginControlFlow("try ($T statement = connection.prepareStatement($L))",
                        dev.tenantdao.processor.write.Types.PREPARED_STATEMENT, sqlText)
                .add(dao.binder().bind(statement, null, "null", locals))
                .add(dao.statements().openRows())
                .beginControlFlow("while (rows.next())")
                .add(reader.addRow("found"))
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .add(StatementCode.rowsOf("found"))
                .build();
    }

    /** {@code long total}: the count of every row the query finds when the request asks for it, else -1. */
    private CodeBlock total(Param pageRequest, String countConstant, Statement count, Locals locals) {
        return CodeBlock.builder()
                .addStatement("long total = -1")
                .beginControlFlow("if ($L.requestTotal())", pageRequest.local())
                .add(StatementCode.next(countConstant))
                .beginControlFlow("try ($T statement = connection.prepareStatement($L))",
                        dev.tenantdao.processor.write.Types.PREPARED_STATEMENT, dao.statements().sql(countConstant))
                .add(dao.binder().bind(count, null, "null", locals))
                .add(dao.statements().openRows())
                .addStatement("rows.next()")
                .add(StatementCode.oneRow())
                .addStatement("total = rows.getLong(1)")
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    // ---- what a row becomes: the entity, a record of attributes, or one attribute -------------------------

    /**
     * What a row of a find method becomes: the entity (through {@code map} and its load hooks), or
     * {@code value} (an attribute's column, a projection's mapper) of the attributes {@code selected}.
     */
    private final class RowReader {
        private final List<Property> selected;
        private final CodeBlock value;
        private final boolean single;

        /** The entity, whole: every column, its load hooks run. */
        RowReader() {
            this(List.of(), null, false);
            mapsEntities = true;
        }

        RowReader(List<Property> selected, CodeBlock value, boolean single) {
            this.selected = selected;
            this.value = value;
            this.single = single;
        }

        /** Whether a row becomes one attribute's value (rather than the entity or a record). */
        boolean single() {
            return single;
        }

        /** The attributes the query selects; empty for whole entities. */
        List<Property> selected() {
            return selected;
        }

        /** Adds the current row's element to {@code list}. */
        CodeBlock addRow(String list) {
            return value == null ? dao.hooks().addLoaded(list)
                    : CodeBlock.builder().addStatement("$L.add($L)", list, value).build();
        }

        /** Adds the current row's element to {@code list} with its tenant, a {@code TenantRow} (a read across tenants). */
        CodeBlock addTenantRow(String list) {
            return value == null ? dao.hooks().addLoadedWithTenant(list, AcrossTenantsMethod.tenant())
                    : CodeBlock.builder().addStatement("$L.add(new $T<>($L, $L))", list,
                            dev.tenantdao.processor.write.Types.TENANT_ROW, AcrossTenantsMethod.tenant(), value).build();
        }

        /** Returns the current row's element. */
        CodeBlock returnRow() {
            return value == null ? dao.hooks().returnLoaded() : CodeBlock.builder().addStatement("return $L", value).build();
        }
    }

    private RowReader rowReader(ExecutableElement method, Query query, TypeMirror element) throws Problem {
        String operation = name(method);
        if (isEntity(element) && query.selected().isEmpty()) {
            return new RowReader();
        }
        // one attribute: JDQL's SELECT attribute, read as its own type (an id column after it, for converter errors)
        if (query.selected().size() == 1 && (!isRecord(element)
                || types.isSameType(boxed(element), boxed(query.selected().get(0).type())))) {
            Property property = query.selected().get(0);
            if (!types.isSameType(boxed(element), boxed(property.type()))) {
                throw new Problem(Message.QUERY_RETURN_TYPE, operation, element, "a select of "
                        + entity.name() + "." + property.name(), property.type() + " (or a container of it)");
            }
            List<Property> selected = List.of(property, entity.id());
            CodeBlock value = dao.binder().readColumn(entity, property, 1, 2);
            return new RowReader(selected, value, true);
        }
        if (!isRecord(element)) {
            throw new Problem(Message.QUERY_RETURN_TYPE, operation, element, "a find method of " + entity.name(),
                    entity.name() + ", a record of its attributes, or a container of them");
        }
        // a projection: a record whose components name attributes (or their columns)
        TypeElement record = (TypeElement) types.asElement(element);
        List<Property> selected = new ArrayList<>();
        for (RecordComponentElement component : record.getRecordComponents()) {
            String componentName = component.getSimpleName().toString();
            Property property = attributes.find(componentName).orElse(null);
            if (property == null) {
                property = entity.properties().stream().filter(p -> !p.tenantId() && p.column().equals(
                        dev.tenantdao.processor.read.Names.snakeCase(componentName))).findFirst().orElse(null);
            }
            if (property == null) {
                throw new Problem(Message.QUERY_PROJECTION_COMPONENT, componentName, record.getSimpleName(),
                        entity.name(), attributes.names());
            }
            if (!types.isSameType(boxed(component.asType()), boxed(property.type()))) {
                throw new Problem(Message.QUERY_PROJECTION_TYPE, componentName, record.getSimpleName(),
                        component.asType(), entity.name(), property.name(), property.type());
            }
            selected.add(property);
        }
        if (!query.selected().isEmpty() && !query.selected().equals(selected)) {
            throw new Problem(Message.QUERY_RETURN_TYPE, operation, element, "a select of "
                    + String.join(", ", query.selected().stream().map(Property::name).toList()),
                    "a record whose components are those attributes, in that order");
        }
        List<Property> withId = new ArrayList<>(selected);
        withId.add(entity.id());
        String mapper = helperName("map" + String.join("_", ClassName.get(record).simpleNames()));
        projections.computeIfAbsent(mapper, m -> {
            List<CodeBlock> arguments = new ArrayList<>();
            for (int i = 0; i < selected.size(); i++) {
                arguments.add(dao.binder().readColumn(entity, selected.get(i), i + 1, selected.size() + 1));
            }
            return MethodSpec.methodBuilder(m)
                    .addJavadoc("The {@code $L} of the current row of {@code rows}: its columns in component order, then the"
                            + " id.\n", record.getSimpleName())
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(ClassName.get(record))
                    .addException(dev.tenantdao.processor.write.Types.SQL_EXCEPTION)
                    .addParameter(dev.tenantdao.processor.write.Types.RESULT_SET, "rows")
                    .addCode("return new $T(\n$>$>", ClassName.get(record))
                    .addCode(CodeBlock.join(arguments, ",\n"))
                    .addCode(");\n$<$<")
                    .build();
        });
        return new RowReader(withId, CodeBlock.of("$L(rows)", mapper), false);
    }

    /** {@code type} boxed when it is a primitive. */
    TypeMirror boxed(TypeMirror type) {
        return type.getKind().isPrimitive() ? types.boxedClass((javax.lang.model.type.PrimitiveType) type).asType() : type;
    }

    /**
     * The public method implementing {@code method} as the repository sees it ({@code resolved}: its
     * type variables bound), its parameters named {@code names}.
     */
    MethodSpec.Builder overriding(ExecutableElement method, ExecutableType resolved, List<String> names) {
        TypeName entityType = entity.type();
        MethodSpec.Builder builder = MethodSpec.methodBuilder(method.getSimpleName().toString())
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.get(resolved.getReturnType()));
        for (javax.lang.model.type.TypeVariable variable : resolved.getTypeVariables()) {
            // <S extends T> of BasicRepository: T is the entity (a method's bounds are not substituted)
            TypeMirror bound = variable.getUpperBound();
            builder.addTypeVariable(com.palantir.javapoet.TypeVariableName.get(variable.asElement().getSimpleName()
                    .toString(), bound.getKind() == TypeKind.TYPEVAR ? entityType : TypeName.get(bound)));
        }
        for (int i = 0; i < names.size(); i++) {
            builder.addParameter(TypeName.get(resolved.getParameterTypes().get(i)), names.get(i));
        }
        builder.varargs(method.isVarArgs());
        for (TypeMirror thrown : resolved.getThrownTypes()) {
            builder.addException(TypeName.get(thrown));
        }
        return builder;
    }

    boolean isRecord(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED && types.asElement(type).getKind() == ElementKind.RECORD;
    }

    // ---- parameters --------------------------------------------------------------------------------------

    /** The binding of a query's parameter, checked against how the query uses it. */
    private Parameter bind(ExecutableElement method, Expr.Param param, Property context, QuerySql.Parameters.Use use,
            Condition.Match match, List<Param> values, boolean jdql, Set<Param> used) throws QueryException {
        Param found = null;
        if (param.name() != null) {
            for (Param value : values) {
                if (value.name().equals(param.name())) {
                    found = value;
                }
            }
        } else if (param.position() <= values.size()) {
            found = values.get(param.position() - 1);
        }
        if (found == null) {
            if (!jdql) {
                throw new Problem(Message.QUERY_PARAMETER_COUNT, name(method), MethodNames.parameterCount(
                        MethodNames.parse(method.getSimpleName().toString(), attributes)), values.size());
            }
            AnnotationMirror query = mirror(method, "Query").orElse(null);
            throw new Problem(Message.QUERY_PARAMETER_MISSING, name(method), param.label(), values.isEmpty() ? "none"
                    : String.join(", ", values.stream().map(Param::name).toList()))
                    .at(method, query, query == null ? null : value(query, "value"));
        }
        used.add(found);
        TypeMirror javaType = found.type();
        boolean array = false;
        boolean arrayParameter = false;
        if (use == QuerySql.Parameters.Use.ARRAY) {
            if (javaType.getKind() == TypeKind.ARRAY && ((ArrayType) javaType).getComponentType().getKind() != TypeKind.BYTE) {
                array = true;
                arrayParameter = true;
                javaType = ((ArrayType) javaType).getComponentType();
            } else if (isCollection(javaType)) {
                array = true;
                javaType = elementOf(javaType);
                if (javaType.getKind() == TypeKind.WILDCARD) {
                    javaType = ((javax.lang.model.type.WildcardType) javaType).getExtendsBound();
                }
            }
        }
        ValueType valueType = javaType == null ? null : EntityReader.valueType(javaType);
        String usedAs;
        if (use == QuerySql.Parameters.Use.LIKE) {
            usedAs = "a LIKE pattern, a String";
            if (valueType != ValueType.STRING) {
                throw new Problem(Message.QUERY_PARAMETER_TYPE, found.name(), name(method), found.type(), usedAs).at(found.element(), null, null);
            }
        } else if (context != null) {
            usedAs = (array ? "a collection or array of " : "") + entity.name() + "." + context.name() + ", "
                    + context.type();
            boolean fits = javaType != null && types.isSameType(boxed(types.erasure(javaType)),
                    boxed(types.erasure(context.type())));
            if (!fits) {
                throw new Problem(Message.QUERY_PARAMETER_TYPE, found.name(), name(method), found.type(), usedAs).at(found.element(), null, null);
            }
            if (array && context.mapping().converter() == null && (context.valueType() == null
                    || context.valueType().unnestElementName() == null || context.mapping().customType() != null
                            && context.valueType() != ValueType.ENUM)) {
                throw new Problem(Message.QUERY_PARAMETER_TYPE, found.name(), name(method), found.type(),
                        "an IN list of " + entity.name() + "." + context.name() + ", whose type cannot travel in an array").at(found.element(), null, null);
            }
        } else if (valueType == null || array && valueType.unnestElementName() == null) {
            throw new Problem(Message.QUERY_PARAMETER_TYPE, found.name(), name(method), found.type(),
                    "a value of its own type, which tenantdao cannot bind (" + ValueType.SUPPORTED + ")").at(found.element(), null, null);
        }
        return Parameter.query(found.local(), context, new Parameter.Query(entity.name(), javaType, valueType,
                match == null ? null : match.name(), array, arrayParameter));
    }

    boolean isCollection(TypeMirror type) {
        TypeElement collection = elements.getTypeElement("java.util.Collection");
        return type.getKind() == TypeKind.DECLARED
                && types.isAssignable(types.erasure(type), types.erasure(collection.asType()));
    }

    private void checkAllUsed(ExecutableElement method, List<Param> values, Set<Param> used, boolean jdql)
            throws Problem {
        for (Param value : values) {
            if (!used.contains(value)) {
                if (!jdql && mirror(method, "Find").isEmpty() && lifecycle(method) == null) {
                    throw new Problem(Message.QUERY_PARAMETER_COUNT, name(method), used.size(), values.size());
                }
                throw new Problem(Message.QUERY_PARAMETER_UNUSED, value.name(), name(method))
                        .at(value.element(), null, null);
            }
        }
    }

    // ---- constants ----------------------------------------------------------------------------------------

    /** The SQL constant of {@code method}'s statement: its name in upper snake case, unique in the class. */
    String constant(ExecutableElement method, Statement statement) {
        String base = dev.tenantdao.processor.read.Names.snakeCase(method.getSimpleName().toString())
                .toUpperCase(Locale.ROOT);
        String name = base;
        for (int n = 2; constants.contains(name) || dao.fields().userFields().contains(name) || name.equals("SORTABLE")
                || name.equals("SCOPE"); n++) {
            name = base + "_" + n;
        }
        return constantNamed(name, statement);
    }

    String constantNamed(String name, Statement statement) {
        statements.accept(current, statement.sql());
        constants.add(name);
        constantFields.add(SqlConstants.constant(name, statement));
        return name;
    }

    /** {@code SORTABLE}: each attribute a sort given at run time may name, and its column. */
    private FieldSpec sortableField() {
        QuerySql columns = new QuerySql(entity, null);
        List<CodeBlock> entries = entity.queryProperties().stream().filter(p -> !p.tenantId())
                .map(p -> CodeBlock.of("$T.entry($S, $S)", dev.tenantdao.processor.write.Types.MAP, p.name(),
                        columns.column(p)))
                .toList();
        return FieldSpec.builder(ParameterizedTypeName.get(dev.tenantdao.processor.write.Types.MAP,
                        ClassName.get(String.class), ClassName.get(String.class)), "SORTABLE", Modifier.PRIVATE,
                        Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The attributes a sort given at run time may name, and their columns.\n")
                .initializer(CodeBlock.builder().add("$T.ofEntries(\n$>$>", dev.tenantdao.processor.write.Types.MAP)
                        .add(CodeBlock.join(entries, ",\n")).add("$<$<)").build())
                .build();
    }

    // ---- annotations, by name (the processor does not need Jakarta Data's classes) -----------------------

    /** The annotation {@code qualifiedName} on {@code element}, if present. */
    static Optional<AnnotationMirror> annotation(Element element, String qualifiedName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(qualifiedName)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    static Optional<AnnotationMirror> mirror(Element element, String simpleName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName()
                    .contentEquals(REPOSITORY_PACKAGE + simpleName)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    private static List<AnnotationMirror> orderBys(ExecutableElement method) {
        List<AnnotationMirror> all = new ArrayList<>();
        mirror(method, "OrderBy").ifPresent(all::add);
        mirror(method, "OrderBy.List").ifPresent(list -> {
            @SuppressWarnings("unchecked")
            List<? extends AnnotationValue> values = (List<? extends AnnotationValue>) value(list, "value").getValue();
            values.forEach(v -> all.add((AnnotationMirror) v.getValue()));
        });
        return all;
    }

    static AnnotationValue value(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        for (ExecutableElement element : ElementFilter.methodsIn(mirror.getAnnotationType().asElement()
                .getEnclosedElements())) {
            if (element.getSimpleName().contentEquals(name)) {
                return element.getDefaultValue();
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static boolean bool(AnnotationMirror mirror, String name) {
        return (Boolean) value(mirror, name).getValue();
    }
}

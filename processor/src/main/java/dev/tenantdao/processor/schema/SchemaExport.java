package dev.tenantdao.processor.schema;

import dev.tenantdao.annotations.DropColumn;
import dev.tenantdao.annotations.DropTable;
import dev.tenantdao.annotations.RenamedFrom;
import dev.tenantdao.annotations.Retyped;
import dev.tenantdao.annotations.internal.Wire;
import dev.tenantdao.annotations.internal.schema.SchemaModel;
import dev.tenantdao.annotations.internal.schema.SchemaModel.EnumType;
import dev.tenantdao.annotations.internal.schema.SchemaModel.Table;
import dev.tenantdao.processor.diagnostic.Diagnostics;
import dev.tenantdao.processor.diagnostic.Message;
import dev.tenantdao.processor.model.EntityKind;
import dev.tenantdao.processor.model.EntityKind.HierarchyRoot;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.sql.DdlBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The compilation's schema: every entity's tables gathered into one model, written to the class
 * output for the runtime ({@link Wire#SCHEMA_RESOURCE}: {@code database.verify()}), and, with
 * {@value #DIR_OPTION}, compared with the exported versions in that folder, the next version and
 * its Flyway migration written there when they differ ({@link SchemaVersions}), and every migration
 * copied to the class output ({@code db/tenantdao/<stream>/}) where Flyway finds them.
 */
public final class SchemaExport {

    /** The folder of the exported versions and migrations, which the user commits. */
    public static final String DIR_OPTION = "tenantdao.schema.dir";
    /** The application's role, granted what it needs on the tables the migrations create. */
    public static final String GRANT_OPTION = "tenantdao.schema.grantTo";

    private final List<SchemaModel> entities = new ArrayList<>();

    /** The entities of {@link #entities}: the originating elements of the schema resource and the migrations' copies. */
    private final List<javax.lang.model.element.Element> origins = new ArrayList<>();
    /**
     * Entity class, then column: the class and field to report a problem on, by name (an element of
     * an earlier round has lost its place in the source by the last one).
     */
    private final Map<String, Map<String, String[]>> columns = new HashMap<>();
    private final Declarations declarations = new Declarations();

    /** Adds a valid entity's (or hierarchy root's) tables and its declarations. */
    public void add(EntityModel entity) {
        SchemaModel model = new DdlBuilder(entity).model();
        entities.add(model);
        origins.add(entity.element());
        String name = entity.type().canonicalName();
        RenamedFrom table = entity.element().getAnnotation(RenamedFrom.class);
        if (table != null) {
            declarations.renameTable(entity.table(), table.value());
        }
        for (DropColumn drop : entity.element().getAnnotationsByType(DropColumn.class)) {
            declarations.dropColumn(name, drop.value());
        }
        Map<String, String[]> byColumn = columns.computeIfAbsent(name, n -> new HashMap<>());
        for (Property property : entity.properties()) {
            byColumn.putIfAbsent(property.column(), new String[] {name, property.element().getSimpleName().toString()});
        }
        List<Property> properties = new ArrayList<>(entity.properties());
        if (entity.kind() instanceof HierarchyRoot root) {
            for (EntityModel subtype : root.subtypes()) {
                properties.addAll(subtype.ownProperties());
                for (Property property : subtype.ownProperties()) {
                    byColumn.putIfAbsent(property.column(), new String[] {subtype.type().canonicalName(),
                            property.element().getSimpleName().toString()});
                }
                for (DropColumn drop : subtype.element().getAnnotationsByType(DropColumn.class)) {
                    declarations.dropColumn(name, drop.value());
                }
                // a level's fields under the level's name too: a problem of its table's rows is the level's
                for (EntityKind.JoinedTable joined : subtype.joinedTables()) {
                    if (!joined.own()) {
                        Map<String, String[]> ofLevel = columns.computeIfAbsent(joined.type(), n -> new HashMap<>());
                        for (Property property : joined.properties()) {
                            ofLevel.putIfAbsent(property.column(), new String[] {joined.type(),
                                    property.element().getSimpleName().toString()});
                        }
                    }
                }
            }
        }
        for (Property property : properties) {
            RenamedFrom renamed = property.element().getAnnotation(RenamedFrom.class);
            RenamedFrom value = property.isEmbedded() ? property.embedded().element().getAnnotation(RenamedFrom.class) : null;
            if (!property.isEmbedded() && renamed != null) {
                declarations.renameColumn(name, property.column(), renamed.value());
            } else if (renamed != null || value != null) {
                // a component of an @Embedded value: @RenamedFrom on the component names its previous column
                // within the value ("total" for price_total), on the @Embedded property the value's previous
                // column name ("charged" for charged_amount) or prefix ("was_"); each column is renamed from
                // the previous prefix and the previous component name
                String prefix = property.embedded().prefix();
                String previousPrefix = value == null ? prefix : value.value().endsWith("_") ? value.value() : value.value() + "_";
                String previousComponent = renamed != null ? renamed.value() : property.column().substring(prefix.length());
                declarations.renameColumn(name, property.column(), previousPrefix + previousComponent);
            }
            Retyped retyped = property.element().getAnnotation(Retyped.class);
            if (retyped != null) {
                declarations.retype(name, property.column(), retyped.using());
            }
        }
    }

    /** {@code @DropTable} anywhere in the round. */
    public void declarations(RoundEnvironment round) {
        for (Element element : round.getElementsAnnotatedWithAny(Set.of(DropTable.class, DropTable.List.class))) {
            for (DropTable drop : element.getAnnotationsByType(DropTable.class)) {
                declarations.dropTable(drop.value());
            }
        }
    }

    /** Problems reported so far (by their message), so that the last round does not repeat them. */
    private final Set<String> reported = new java.util.HashSet<>();

    /**
     * At the end of a round that read entities: the changes that need a declaration, reported while
     * the entities still have their places in the source (an element of an earlier round has lost
     * it by the last one). Nothing is written.
     */
    public void check(ProcessingEnvironment environment, Diagnostics diagnostics) {
        String dir = environment.getOptions().get(DIR_OPTION);
        if (entities.isEmpty() || dir == null || dir.isBlank()) {
            return;
        }
        SchemaModel model = merged();
        for (String stream : List.of("shared", "schema", "database")) {
            SchemaVersions versions = new SchemaVersions(Path.of(dir), stream);
            SchemaModel current = model.stream(stream);
            if (partial(versions, current, environment) == null) {
                report(environment, diagnostics, versions.update(current, declarations, null, false).problems());
            }
        }
    }

    private void report(ProcessingEnvironment environment, Diagnostics diagnostics, List<SchemaDiff.Problem> problems) {
        for (SchemaDiff.Problem problem : problems) {
            if (!reported.add(problem.message())) {
                continue;
            }
            Element element = element(environment, problem);
            if (element == null) {
                environment.getMessager().printMessage(Message.SCHEMA_CHANGE.kind(), Message.SCHEMA_CHANGE.format(problem.message()));
            } else {
                diagnostics.report(Message.SCHEMA_CHANGE, element, problem.message());
            }
        }
    }

    /** When processing is over, in a compilation without errors. */
    public void finish(ProcessingEnvironment environment, Diagnostics diagnostics) throws IOException {
        if (entities.isEmpty()) {
            return;
        }
        SchemaModel model = merged();
        Filer filer = environment.getFiler();
        javax.lang.model.element.Element[] originating = origins.toArray(javax.lang.model.element.Element[]::new);
        FileObject resource = filer.createResource(StandardLocation.CLASS_OUTPUT, "", Wire.SCHEMA_RESOURCE, originating);
        try (Writer writer = resource.openWriter()) {
            writer.write(model.toJson());
        }
        String dir = environment.getOptions().get(DIR_OPTION);
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path root = Path.of(dir);
        Messager messager = environment.getMessager();
        for (String stream : List.of("shared", "schema", "database")) {
            SchemaVersions versions = new SchemaVersions(root, stream);
            SchemaModel current = model.stream(stream);
            String partial = partial(versions, current, environment);
            if (partial != null) {
                messager.printMessage(Diagnostic.Kind.NOTE, Message.SCHEMA_NOTE.format("did not compare the " + stream
                        + " tables with their exported versions: " + partial + " was not compiled this time (an"
                        + " incremental build); a build of the whole module does"));
                copy(versions, stream, filer, originating);
                continue;
            }
            SchemaVersions.Outcome outcome = versions.update(current, declarations, environment.getOptions().get(GRANT_OPTION));
            report(environment, diagnostics, outcome.problems());
            if (outcome.migration() != null) {
                messager.printMessage(Diagnostic.Kind.NOTE, Message.SCHEMA_NOTE.format("wrote " + outcome.migration()
                        + ": review it and commit it"));
            } else if (outcome.note() != null) {
                messager.printMessage(Diagnostic.Kind.NOTE, Message.SCHEMA_NOTE.format(outcome.note()));
            }
            copy(versions, stream, filer, originating);
        }
    }

    /** Where a problem is reported: the field of its column, else its entity, looked up afresh. */
    private Element element(ProcessingEnvironment environment, SchemaDiff.Problem problem) {
        if (problem.entity() == null) {
            return null;
        }
        Element entity = environment.getElementUtils().getTypeElement(problem.entity());
        String[] field = problem.column() == null ? null : columns.getOrDefault(problem.entity(), Map.of()).get(problem.column());
        if (field != null) {
            TypeElement owner = environment.getElementUtils().getTypeElement(field[0]);
            if (owner != null) {
                for (Element member : owner.getEnclosedElements()) {
                    if (member.getSimpleName().contentEquals(field[1]) && (member.getKind() == javax.lang.model.element.ElementKind.FIELD)) {
                        return member;     // (a record component's private field: javac places it, not the component)
                    }
                }
            }
        }
        return entity;
    }

    /**
     * An entity of the latest version that still exists but was not compiled now (an incremental
     * compilation sees some sources only), or null: comparing without it would see its tables gone.
     */
    private String partial(SchemaVersions versions, SchemaModel current, ProcessingEnvironment environment) {
        SchemaModel latest = versions.latest();
        if (latest == null) {
            return null;
        }
        for (Table table : latest.tables()) {
            if (table.entity() != null && current.tables().stream().noneMatch(t -> table.entity().equals(t.entity()))
                    && environment.getElementUtils().getTypeElement(table.entity()) != null) {
                return table.entity();
            }
        }
        return null;
    }

    /** Every migration of the stream's folder into the class output, where Flyway finds them. */
    private static void copy(SchemaVersions versions, String stream, Filer filer,
            javax.lang.model.element.Element... originating) throws IOException {
        for (Path migration : versions.migrations().values()) {
            FileObject copy = filer.createResource(StandardLocation.CLASS_OUTPUT, "",
                    Wire.MIGRATIONS_LOCATION + stream + "/" + migration.getFileName(), originating);
            try (Writer writer = copy.openWriter()) {
                writer.write(Files.readString(migration, StandardCharsets.UTF_8));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    /**
     * One model: enum types once each, entities ordered so that referenced tables come first (by
     * table name where nothing decides), each entity's tables together.
     */
    SchemaModel merged() {
        Map<String, EnumType> types = new LinkedHashMap<>();
        List<SchemaModel> pending = new ArrayList<>(entities);
        pending.sort(Comparator.comparing(m -> m.tables().get(0).name()));
        List<Table> ordered = new ArrayList<>();
        java.util.Set<String> placed = new java.util.HashSet<>();
        while (!pending.isEmpty()) {
            SchemaModel next = pending.stream()
                    .filter(m -> m.tables().stream().flatMap(t -> t.foreignKeys().stream())
                            .allMatch(k -> placed.contains(k.table()) || m.table(k.table()).isPresent()
                                    || pending.stream().noneMatch(o -> o.table(k.table()).isPresent())))
                    .findFirst().orElse(pending.get(0));     // a cycle: keep name order
            pending.remove(next);
            next.enumTypes().forEach(t -> types.putIfAbsent(t.name(), t));
            for (Table table : next.tables()) {
                ordered.add(table);
                placed.add(table.name());
            }
        }
        return new SchemaModel(new ArrayList<>(types.values()), ordered);
    }
}

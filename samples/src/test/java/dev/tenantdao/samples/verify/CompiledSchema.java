package dev.tenantdao.samples.verify;

import dev.tenantdao.annotations.internal.Wire;
import dev.tenantdao.annotations.internal.schema.SchemaModel;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantDaoException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The tables of every entity the processor compiled here (main and test sources), created from
 * their generated DDL as an application would: what {@code Database.verify()} must find clean.
 */
final class CompiledSchema {

    private CompiledSchema() {}

    /** The entity classes whose tables are in {@code stream}, in the order the models list them. */
    static List<Class<?>> entities(String stream) {
        Set<Class<?>> entities = new LinkedHashSet<>();
        try {
            for (URL url : Collections.list(CompiledSchema.class.getClassLoader().getResources(Wire.SCHEMA_RESOURCE))) {
                try (InputStream in = url.openStream()) {
                    SchemaModel model = SchemaModel.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    for (SchemaModel.Table table : model.stream(stream).tables()) {
                        entities.add(load(table.entity()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (entities.isEmpty()) {
            throw new AssertionError("No entities of stream " + stream + " in the compiled schema models");
        }
        return List.copyOf(entities);
    }

    /** Creates the tables of every shared and row-tenanted entity in {@code dataSource}'s schema. */
    static void createShared(DataSource dataSource) {
        inDependencyOrder(entities("shared"), entity -> Schema.create(dataSource, entity));
    }

    /** Creates {@code tenant}'s tables of every entity of {@code stream} ({@code schema} or {@code database}). */
    static void createTenant(Database database, String tenant, String stream) {
        inDependencyOrder(entities(stream), entity -> database.createTenant(tenant, entity));
    }

    /**
     * Runs {@code create} for each entity, retrying those that fail (a table referencing one of a
     * later model: main and test sources are two compilations) until none is left or none succeeds.
     */
    private static void inDependencyOrder(List<Class<?>> entities, java.util.function.Consumer<Class<?>> create) {
        List<Class<?>> pending = new ArrayList<>(entities);
        while (!pending.isEmpty()) {
            List<Class<?>> failed = new ArrayList<>();
            TenantDaoException last = null;
            for (Class<?> entity : pending) {
                try {
                    create.accept(entity);
                } catch (TenantDaoException e) {
                    failed.add(entity);
                    last = e;
                }
            }
            if (failed.size() == pending.size()) {
                throw new AssertionError("Cannot create the tables of " + failed, last);
            }
            pending = failed;
        }
    }

    /** The class of an entity named by its canonical name (nested classes: {@code Outer.Inner}). */
    private static Class<?> load(String name) {
        String binary = name;
        while (true) {
            try {
                return Class.forName(binary, false, CompiledSchema.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                int dot = binary.lastIndexOf('.');
                if (dot < 0) {
                    throw new AssertionError("No entity class " + name, e);
                }
                binary = binary.substring(0, dot) + '$' + binary.substring(dot + 1);
            }
        }
    }
}

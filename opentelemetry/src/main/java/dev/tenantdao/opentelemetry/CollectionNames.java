package dev.tenantdao.opentelemetry;

import dev.tenantdao.annotations.internal.Wire;
import dev.tenantdao.annotations.internal.schema.SchemaModel;
import dev.tenantdao.runtime.StatementEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The entity's table, as the processor wrote it in the schema model ({@value Wire#SCHEMA_RESOURCE},
 * every one on the class path): for each entity, the first table it owns that is not a history
 * table (the root table of a class hierarchy), by the entity's simple name, which is what a
 * {@link StatementEvent} carries. Two entities of one simple name are left out (null): a wrong table
 * is worse than none.
 */
final class CollectionNames implements Function<StatementEvent, String> {

    private final Map<String, String> tables;

    CollectionNames(Map<String, String> tables) {
        this.tables = Map.copyOf(tables);
    }

    @Override
    public String apply(StatementEvent event) {
        return tables.get(event.entity());
    }

    Map<String, String> tables() {
        return tables;
    }

    /** From the schema models on the class path (the context class loader's, then this module's). */
    static CollectionNames load() {
        Map<String, String> tableOfEntity = new HashMap<>();   // qualified entity name -> its first table
        Set<String> seen = new LinkedHashSet<>();
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                CollectionNames.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            Enumeration<URL> found;
            try {
                found = loader.getResources(Wire.SCHEMA_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + Wire.SCHEMA_RESOURCE + " on the class path", e);
            }
            for (URL url : Collections.list(found)) {
                if (!seen.add(url.toExternalForm())) {
                    continue;
                }
                SchemaModel model;
                try (InputStream in = url.openStream()) {
                    model = SchemaModel.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + url, e);
                }
                for (SchemaModel.Table table : model.tables()) {
                    if (table.historyOf() == null && table.entity() != null) {
                        tableOfEntity.putIfAbsent(table.entity(), table.name());
                    }
                }
            }
        }
        Map<String, String> bySimpleName = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        tableOfEntity.forEach((entity, table) -> {
            String simple = entity.substring(entity.lastIndexOf('.') + 1);
            if (bySimpleName.putIfAbsent(simple, table) != null) {
                ambiguous.add(simple);
            }
        });
        bySimpleName.keySet().removeAll(ambiguous);
        return new CollectionNames(bySimpleName);
    }
}

package dev.tenantdao.processor.sql.model;

import dev.tenantdao.processor.sql.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * A leaf of the statement model: SQL text interleaved with bindings ({@link Parameter}, each a
 * {@code ?}), nested statements ({@link Sql}: subqueries, which the passes visit like any other) and
 * table names ({@link TableName}, as a string literal, qualified like the table) and the types
 * an entity's DDL creates ({@link TypeName}, in casts: qualified like its tables). An expression,
 * a condition, a column list.
 *
 * @param parts each a {@code String}, a {@link Parameter}, a {@link Sql}, a {@link TableName} or a {@link TypeName}
 */
public record Fragment(List<Object> parts) {

    public Fragment {
        for (Object part : parts) {
            if (!(part instanceof String || part instanceof Parameter || part instanceof Sql
                    || part instanceof TableName || part instanceof TypeName)) {
                throw new IllegalArgumentException("not a part of a fragment: " + part);
            }
        }
        parts = List.copyOf(parts);
    }

    /** {@code parts}, in order: SQL text, bindings, subqueries and table names. */
    public static Fragment of(Object... parts) {
        return new Fragment(List.of(parts));
    }

    /** Plain SQL text. */
    public static Fragment sql(String text) {
        return new Fragment(List.of(text));
    }

    /** One binding: {@code ?}. */
    public static Fragment bind(Parameter parameter) {
        return new Fragment(List.of(parameter));
    }

    /** {@code fragments} with {@code separator} between them. */
    public static Fragment join(String separator, List<Fragment> fragments) {
        List<Object> parts = new ArrayList<>();
        for (int i = 0; i < fragments.size(); i++) {
            if (i > 0) {
                parts.add(separator);
            }
            parts.addAll(fragments.get(i).parts());
        }
        return new Fragment(parts);
    }

    /** This fragment followed by {@code more}. */
    public Fragment append(Object... more) {
        List<Object> all = new ArrayList<>(parts);
        for (Object part : more) {
            if (part instanceof Fragment fragment) {
                all.addAll(fragment.parts());
            } else {
                all.add(part);
            }
        }
        return new Fragment(all);
    }

    /** This fragment with each nested statement, table name and type name replaced by {@code visitor}'s result. */
    public Fragment map(Sql.Visitor visitor) {
        List<Object> mapped = new ArrayList<>(parts.size());
        for (Object part : parts) {
            if (part instanceof Sql nested) {
                mapped.add(visitor.visit(nested));
            } else if (part instanceof TableName name) {
                mapped.add(new TableName(visitor.table(name.table())));
            } else if (part instanceof TypeName type) {
                mapped.add(visitor.type(type));
            } else {
                mapped.add(part);
            }
        }
        return new Fragment(mapped);
    }

    /** A table's name as a string literal ({@code 'invoice'}, {@code '{schema}.invoice'}), for functions taking one. */
    public record TableName(TableRef table) {}

    /**
     * A type the entity's DDL creates (the PostgreSQL enum type of an enum column), as a cast names
     * it: {@code staff_role}, or in the tenant's schema ({@code {schema}.staff_role}) once the tenancy
     * pass put it there, like the entity's tables; then {@code suffix} ({@code []}, or nothing).
     *
     * @param name the type's name as the entity declares it ({@code @Column(type)})
     * @param suffix what follows the name: {@code []} for an array of it, else empty
     * @param inSchema set by the tenancy pass: named in the tenant's schema
     */
    public record TypeName(String name, String suffix, boolean inSchema) {

        /** The entity's type {@code name}, unqualified. */
        public static TypeName of(String name) {
            return new TypeName(name, "", false);
        }

        /** An array of this type. */
        public TypeName array() {
            return new TypeName(name, suffix + "[]", inSchema);
        }

        /** This type named in the tenant's schema. */
        public TypeName inTenantSchema() {
            return new TypeName(name, suffix, true);
        }
    }
}

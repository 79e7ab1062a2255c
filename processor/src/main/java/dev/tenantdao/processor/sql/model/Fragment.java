package dev.tenantdao.processor.sql.model;

import dev.tenantdao.processor.sql.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * A leaf of the statement model: SQL text interleaved with bindings ({@link Parameter}, each a
 * {@code ?}), nested statements ({@link Sql}: subqueries, which the passes visit like any other) and
 * table names ({@link TableName}, as a string literal, qualified like the table). An expression,
 * a condition, a column list.
 *
 * @param parts each a {@code String}, a {@link Parameter}, a {@link Sql} or a {@link TableName}
 */
public record Fragment(List<Object> parts) {

    public Fragment {
        for (Object part : parts) {
            if (!(part instanceof String || part instanceof Parameter || part instanceof Sql
                    || part instanceof TableName)) {
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

    /** This fragment with each nested statement and table name replaced by {@code visitor}'s result. */
    public Fragment map(Sql.Visitor visitor) {
        List<Object> mapped = new ArrayList<>(parts.size());
        for (Object part : parts) {
            if (part instanceof Sql nested) {
                mapped.add(visitor.visit(nested));
            } else if (part instanceof TableName name) {
                mapped.add(new TableName(visitor.table(name.table())));
            } else {
                mapped.add(part);
            }
        }
        return new Fragment(mapped);
    }

    /** A table's name as a string literal ({@code 'invoice'}, {@code '{schema}.invoice'}), for functions taking one. */
    public record TableName(TableRef table) {}
}

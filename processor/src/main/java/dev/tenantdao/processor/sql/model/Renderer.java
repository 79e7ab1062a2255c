package dev.tenantdao.processor.sql.model;

import dev.tenantdao.annotations.internal.Wire;
import dev.tenantdao.processor.sql.Identifiers;
import dev.tenantdao.processor.sql.Parameter;
import dev.tenantdao.processor.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a statement of the model to its SQL text and, in the order of their {@code ?}, its
 * bindings: the one place SQL text is put together.
 */
public final class Renderer {

    private final StringBuilder sql = new StringBuilder();
    private final List<Parameter> bindings = new ArrayList<>();

    private Renderer() {}

    /** {@code statement} as SQL text and bindings. */
    public static Statement render(Sql statement) {
        Renderer renderer = new Renderer();
        renderer.statement(statement);
        return new Statement(renderer.sql.toString(), renderer.bindings);
    }

    /** How {@code table} is named in SQL: quoted where needed, in the tenant's schema when the pass put it there. */
    public static String name(TableRef table) {
        if (!table.entityTable()) {
            return table.name();
        }
        String quoted = Identifiers.quote(table.name());
        return table.inSchema() ? Wire.SCHEMA_PLACEHOLDER + "." + quoted : quoted;
    }

    /**
     * How a cast names {@code type}, a type the entity's DDL creates: as declared, in the tenant's
     * schema when the pass put it there ({@code {schema}.staff_role[]}).
     */
    public static String name(Fragment.TypeName type) {
        return (type.inSchema() ? Wire.SCHEMA_PLACEHOLDER + "." : "") + type.name() + type.suffix();
    }

    private void statement(Sql statement) {
        if (statement instanceof Sql.Select select) {
            select(select);
        } else if (statement instanceof Sql.Insert insert) {
            insert(insert);
        } else if (statement instanceof Sql.Update update) {
            update(update);
        } else if (statement instanceof Sql.Delete delete) {
            delete(delete);
        } else if (statement instanceof Sql.With with) {
            sql.append("WITH ");
            for (int i = 0; i < with.ctes().size(); i++) {
                Sql.Cte cte = with.ctes().get(i);
                sql.append(i == 0 ? "" : ", ").append(cte.name()).append(" AS (");
                statement(cte.statement());
                sql.append(')');
            }
            sql.append(' ');
            statement(with.body());
        } else if (statement instanceof Sql.Raw raw) {
            fragment(raw.text());
        } else {
            List<Sql> statements = ((Sql.Script) statement).statements();
            for (int i = 0; i < statements.size(); i++) {
                sql.append(i == 0 ? "" : "; ");
                statement(statements.get(i));
            }
        }
    }

    private void select(Sql.Select select) {
        sql.append("SELECT ");
        list(", ", select.columns());
        if (select.from() != null) {
            sql.append(" FROM ");
            table(select.from());
        }
        for (Sql.Join join : select.joins()) {
            sql.append(' ').append(join.kind()).append(' ');
            table(join.table());
            sql.append(" ON ");
            list(" AND ", join.on());
        }
        where(select.where());
        fragment(select.tail());
    }

    private void insert(Sql.Insert insert) {
        sql.append("INSERT INTO ").append(name(insert.table()));
        if (insert.table().alias() != null) {
            sql.append(" AS ").append(insert.table().alias());
        }
        sql.append(" (").append(String.join(", ", insert.columns())).append(')');
        if (insert.select() != null) {
            sql.append(' ');
            select(insert.select());
        } else {
            sql.append(" VALUES (");
            list(", ", insert.values());
            sql.append(')');
        }
        if (insert.onConflict() != null) {
            sql.append(" ON CONFLICT (").append(String.join(", ", insert.onConflict().target())).append(')');
            where(insert.onConflict().arbiter());
            sql.append(" DO UPDATE SET ");
            assignments(insert.onConflict().assignments());
            where(insert.onConflict().where());
        }
        returning(insert.returning());
    }

    private void update(Sql.Update update) {
        sql.append("UPDATE ");
        table(update.table());
        sql.append(" SET ");
        assignments(update.assignments());
        if (update.from() != null) {
            sql.append(" FROM ");
            table(update.from());
        }
        where(update.where());
        returning(update.returning());
    }

    private void delete(Sql.Delete delete) {
        sql.append("DELETE FROM ");
        table(delete.table());
        where(delete.where());
        returning(delete.returning());
    }

    private void table(TableRef table) {
        sql.append(name(table));
        if (table.alias() != null) {
            sql.append(' ').append(table.alias());
        }
    }

    private void where(List<Fragment> conditions) {
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ");
            list(" AND ", conditions);
        }
    }

    private void returning(Fragment returning) {
        if (returning != null) {
            sql.append(" RETURNING ");
            fragment(returning);
        }
    }

    private void assignments(List<Sql.Assignment> assignments) {
        for (int i = 0; i < assignments.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(assignments.get(i).column()).append(" = ");
            fragment(assignments.get(i).value());
        }
    }

    private void list(String separator, List<Fragment> fragments) {
        for (int i = 0; i < fragments.size(); i++) {
            sql.append(i == 0 ? "" : separator);
            fragment(fragments.get(i));
        }
    }

    private void fragment(Fragment fragment) {
        for (Object part : fragment.parts()) {
            if (part instanceof String text) {
                sql.append(text);
            } else if (part instanceof Parameter parameter) {
                sql.append('?');
                bindings.add(parameter);
            } else if (part instanceof Fragment.TableName table) {
                sql.append('\'').append(name(table.table()).replace("'", "''")).append('\'');
            } else if (part instanceof Fragment.TypeName type) {
                sql.append(name(type));
            } else {
                statement((Sql) part);
            }
        }
    }
}

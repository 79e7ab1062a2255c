package dev.tenantdao.processor.sql.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statement model: an immutable value per statement, built without tenancy or audit (those are
 * added by the passes, {@code TenancyPass} and {@code AuditPass}), rendered to SQL text and its
 * bindings by {@link Renderer}. Leaves are {@link Fragment}s.
 */
public sealed interface Sql {

    /**
     * {@code SELECT <columns> [FROM <from> <joins>] [WHERE <where, AND-ed>] <tail>}.
     *
     * @param from null for a SELECT without FROM ({@code SELECT EXISTS (...)})
     * @param tail what follows the WHERE: {@code ORDER BY ... LIMIT ?}, {@code FOR UPDATE}; may be empty
     */
    record Select(List<Fragment> columns, TableRef from, List<Join> joins, List<Fragment> where, Fragment tail)
            implements Sql {
        public Select {
            columns = List.copyOf(columns);
            joins = List.copyOf(joins);
            where = List.copyOf(where);
        }

        public static Select of(List<Fragment> columns, TableRef from) {
            return new Select(columns, from, List.of(), List.of(), Fragment.sql(""));
        }

        public Select join(Join join) {
            return new Select(columns, from, append(joins, join), where, tail);
        }

        public Select where(Fragment condition) {
            return new Select(columns, from, joins, append(where, condition), tail);
        }

        public Select tail(Fragment more) {
            return new Select(columns, from, joins, where, tail.append(more));
        }
    }

    /** {@code <kind> <table> ON <on, AND-ed>}: {@code JOIN}, {@code LEFT JOIN}. */
    record Join(String kind, TableRef table, List<Fragment> on) {
        public Join {
            on = List.copyOf(on);
        }
    }

    /**
     * {@code INSERT INTO <table> (<columns>) VALUES (<values>)} or {@code ... <select>}, then an
     * optional {@code ON CONFLICT} and {@code RETURNING}.
     *
     * @param values one per column, or empty when {@code select} is the source
     * @param select the rows to insert, or null
     * @param tenantFrom where the tenant column's value comes from (see {@link TenantSource})
     * @param onConflict the upsert's conflict clause, or null
     * @param returning what follows {@code RETURNING}, or null
     */
    record Insert(TableRef table, List<String> columns, List<Fragment> values, Select select, TenantSource tenantFrom,
            OnConflict onConflict, Fragment returning) implements Sql {
        public Insert {
            columns = List.copyOf(columns);
            values = List.copyOf(values);
        }

        public Insert returning(Fragment what) {
            return new Insert(table, columns, values, select, tenantFrom, onConflict, what);
        }

        /** This insert with one more column and its value (in VALUES, or in the source SELECT). */
        public Insert withColumn(String column, Fragment value) {
            return select == null
                    ? new Insert(table, append(columns, column), append(values, value), null, tenantFrom, onConflict,
                            returning)
                    : new Insert(table, append(columns, column), values,
                            new Select(append(select.columns(), value), select.from(), select.joins(), select.where(),
                                    select.tail()), tenantFrom, onConflict, returning);
        }
    }

    /**
     * Where an insert's tenant column gets its value: the current tenant (a binding), or the same
     * column of the source SELECT's table (a history row copying its row, a subtype's row copying
     * its root's), qualified by {@code qualifier}.
     */
    record TenantSource(String qualifier) {
        /** The current tenant, bound. */
        public static final TenantSource CURRENT = new TenantSource(null);

        /** Copied from the source's tenant column, qualified by {@code qualifier} ({@code ""}, {@code "root."}). */
        public static TenantSource copiedFrom(String qualifier) {
            return new TenantSource(qualifier);
        }

        public boolean isCurrent() {
            return qualifier == null;
        }
    }

    /**
     * {@code ON CONFLICT (<target>) [WHERE <arbiter>] DO UPDATE SET <assignments> [WHERE <where>]}.
     *
     * @param arbiter the predicate of the partial unique index the conflict is on, or empty
     * @param where the rows the update may change (the conflicting row, not EXCLUDED), or empty
     */
    record OnConflict(List<String> target, List<Fragment> arbiter, List<Assignment> assignments, List<Fragment> where) {
        public OnConflict {
            target = List.copyOf(target);
            arbiter = List.copyOf(arbiter);
            assignments = List.copyOf(assignments);
            where = List.copyOf(where);
        }

        public OnConflict(List<String> target, List<Assignment> assignments) {
            this(target, List.of(), assignments, List.of());
        }

        /** This clause with {@code target} in place of its target. */
        public OnConflict target(List<String> target) {
            return new OnConflict(target, arbiter, assignments, where);
        }

        /** This clause with {@code assignments} in place of its own. */
        public OnConflict assignments(List<Assignment> assignments) {
            return new OnConflict(target, arbiter, assignments, where);
        }
    }

    /** {@code <column> = <value>}; {@code column} as written (quoted where needed). */
    record Assignment(String column, Fragment value) {

        /** {@code <column> = <column> + 1}: how an update moves a {@code @Version} on (column quoted). */
        public static Assignment increment(String column) {
            return new Assignment(column, Fragment.sql(column + " + 1"));
        }
    }

    /**
     * {@code UPDATE <table> SET <assignments> [FROM <from>] [WHERE <where>] [RETURNING ...]}.
     *
     * @param from a second relation the update reads ({@code FROM root}), or null
     */
    record Update(TableRef table, List<Assignment> assignments, TableRef from, List<Fragment> where, Fragment returning)
            implements Sql {
        public Update {
            assignments = List.copyOf(assignments);
            where = List.copyOf(where);
        }

        public Update set(Assignment assignment) {
            return new Update(table, append(assignments, assignment), from, where, returning);
        }

        public Update returning(Fragment what) {
            return new Update(table, assignments, from, where, what);
        }
    }

    /** {@code DELETE FROM <table> [WHERE <where>] [RETURNING ...]}. */
    record Delete(TableRef table, List<Fragment> where, Fragment returning) implements Sql {
        public Delete {
            where = List.copyOf(where);
        }

        public Delete returning(Fragment what) {
            return new Delete(table, where, what);
        }
    }

    /** {@code WITH <ctes> <body>}. */
    record With(List<Cte> ctes, Sql body) implements Sql {
        public With {
            ctes = List.copyOf(ctes);
        }
    }

    /** {@code <name> AS (<statement>)}. */
    record Cte(String name, Sql statement) {}

    /** A statement given as text with its bindings: one the runtime defines too ({@code Wire.SET_TENANT}). */
    record Raw(Fragment text) implements Sql {}

    /**
     * Statements sent together, separated by {@code ; } (the row-level-security setting, then the
     * statement): one round trip in the extended protocol.
     */
    record Script(List<Sql> statements) implements Sql {
        public Script {
            statements = List.copyOf(statements);
        }
    }

    /**
     * Rewrites a statement tree: the passes. The default walks every node and leaves it as it
     * was; a pass overrides what it changes.
     */
    interface Visitor {
        default Sql visit(Sql sql) {
            if (sql instanceof Select select) {
                return select(select);
            } else if (sql instanceof Insert insert) {
                return insert(insert);
            } else if (sql instanceof Update update) {
                return update(update);
            } else if (sql instanceof Delete delete) {
                return delete(delete);
            } else if (sql instanceof With with) {
                return with(with);
            } else if (sql instanceof Raw raw) {
                return new Raw(raw.text().map(this));
            }
            return new Script(((Script) sql).statements().stream().map(this::visit).toList());
        }

        default Select select(Select select) {
            return new Select(fragments(select.columns()), select.from() == null ? null : table(select.from()),
                    select.joins().stream().map(this::join).toList(), fragments(select.where()),
                    select.tail().map(this));
        }

        default Join join(Join join) {
            return new Join(join.kind(), table(join.table()), fragments(join.on()));
        }

        default Insert insert(Insert insert) {
            return new Insert(table(insert.table()), insert.columns(), fragments(insert.values()),
                    insert.select() == null ? null : select(insert.select()), insert.tenantFrom(),
                    insert.onConflict() == null ? null : new OnConflict(insert.onConflict().target(),
                            fragments(insert.onConflict().arbiter()), assignments(insert.onConflict().assignments()),
                            fragments(insert.onConflict().where())),
                    insert.returning() == null ? null : insert.returning().map(this));
        }

        default Update update(Update update) {
            return new Update(table(update.table()), assignments(update.assignments()),
                    update.from() == null ? null : table(update.from()), fragments(update.where()),
                    update.returning() == null ? null : update.returning().map(this));
        }

        default Delete delete(Delete delete) {
            return new Delete(table(delete.table()), fragments(delete.where()),
                    delete.returning() == null ? null : delete.returning().map(this));
        }

        default With with(With with) {
            return new With(with.ctes().stream().map(cte -> new Cte(cte.name(), visit(cte.statement()))).toList(),
                    visit(with.body()));
        }

        default TableRef table(TableRef table) {
            return table;
        }

        default Fragment.TypeName type(Fragment.TypeName type) {
            return type;
        }

        private List<Fragment> fragments(List<Fragment> fragments) {
            return fragments.stream().map(f -> f.map(this)).toList();
        }

        private List<Assignment> assignments(List<Assignment> assignments) {
            return assignments.stream().map(a -> new Assignment(a.column(), a.value().map(this))).toList();
        }
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> all = new ArrayList<>(list);
        all.add(element);
        return all;
    }

    /** The first CTE named {@code name} of a WITH, if any. */
    static Optional<Cte> cte(With with, String name) {
        return with.ctes().stream().filter(c -> c.name().equals(name)).findFirst();
    }
}

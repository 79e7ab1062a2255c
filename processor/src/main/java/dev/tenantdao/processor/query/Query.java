package dev.tenantdao.processor.query;

import dev.tenantdao.processor.model.Property;
import java.util.List;

/**
 * A repository query on one entity, however it was written: a derived method name, a {@code @Find}
 * method's parameters, or JDQL. Built without tenancy or audit; {@link QuerySql} makes it a statement
 * of the statement model, which then goes through the same audit and tenancy passes as every
 * statement of the entity's DAO.
 *
 * @param selected the attributes a projection or single-attribute select reads; empty for whole entities
 * @param where the condition, or null for every row (of the tenant)
 * @param first the most rows to read ({@code findFirst10By}), or null
 * @param set the assignments of an update
 */
public record Query(Action action, List<Property> selected, Condition where, List<Ordering> order, Integer first,
        List<Assignment> set) {

    public Query {
        selected = List.copyOf(selected);
        order = List.copyOf(order);
        set = List.copyOf(set);
    }

    public enum Action { FIND, COUNT, EXISTS, UPDATE, DELETE }

    /** {@code ORDER BY column [DESC]}, through {@code lower} when ignoring case. */
    public record Ordering(Property property, boolean descending, boolean ignoreCase) {}

    /** {@code SET column = value}. */
    public record Assignment(Property property, Expr value) {}

    public Query withOrder(List<Ordering> more) {
        List<Ordering> all = new java.util.ArrayList<>(order);
        all.addAll(more);
        return new Query(action, selected, where, all, first, set);
    }

    public Query withSelected(List<Property> properties) {
        return new Query(action, properties, where, order, first, set);
    }

    /** Every parameter the query names, in the order written. */
    public List<Expr.Param> parameters() {
        List<Expr.Param> all = new java.util.ArrayList<>();
        set.forEach(a -> collect(a.value(), all));
        collect(where, all);
        return all;
    }

    private static void collect(Condition condition, List<Expr.Param> all) {
        if (condition instanceof Condition.Compare c) {
            collect(c.left(), all);
            collect(c.right(), all);
        } else if (condition instanceof Condition.Between b) {
            collect(b.value(), all);
            collect(b.low(), all);
            collect(b.high(), all);
        } else if (condition instanceof Condition.Like l) {
            collect(l.value(), all);
            collect(l.pattern(), all);
        } else if (condition instanceof Condition.In in) {
            collect(in.value(), all);
            in.items().forEach(i -> collect(i, all));
        } else if (condition instanceof Condition.Null n) {
            collect(n.value(), all);
        } else if (condition instanceof Condition.Truth t) {
            collect(t.value(), all);
        } else if (condition instanceof Condition.Not n) {
            collect(n.condition(), all);
        } else if (condition instanceof Condition.Junction j) {
            j.conditions().forEach(c -> collect(c, all));
        }
    }

    static void collect(Expr expr, List<Expr.Param> all) {
        if (expr instanceof Expr.Param p) {
            all.add(p);
        } else if (expr instanceof Expr.Arithmetic a) {
            collect(a.left(), all);
            collect(a.right(), all);
        } else if (expr instanceof Expr.Negative n) {
            collect(n.operand(), all);
        } else if (expr instanceof Expr.Call c) {
            c.arguments().forEach(a -> collect(a, all));
        }
    }
}

package dev.tenantdao.processor.query;

import java.util.List;

/** A condition of a repository query's WHERE, whichever way it was written; {@link QuerySql} renders it. */
public sealed interface Condition {

    /** {@code left <operator> right}, {@code =}, {@code <>}, {@code <}, {@code <=}, {@code >}, {@code >=}; optionally ignoring case. */
    record Compare(Expr left, String operator, Expr right, boolean ignoreCase) implements Condition {}

    /** {@code value [NOT] BETWEEN low AND high}. */
    record Between(Expr value, Expr low, Expr high, boolean negated, boolean ignoreCase) implements Condition {
        public Between(Expr value, Expr low, Expr high, boolean negated) {
            this(value, low, high, negated, false);
        }
    }

    /**
     * {@code value [NOT] LIKE pattern}: the pattern as given ({@code Like}), or made from a value
     * matched at the start, the end or anywhere ({@code StartsWith}, {@code EndsWith}, {@code Contains}).
     */
    record Like(Expr value, Expr pattern, boolean negated, boolean ignoreCase, Match match) implements Condition {}

    /** How a {@code LIKE} pattern is made from the value bound (the runtime's {@code Repositories.Match}). */
    enum Match { PATTERN, STARTS_WITH, ENDS_WITH, CONTAINS }

    /**
     * {@code value [NOT] IN (items)}; a single parameter item holding a collection or an array is
     * bound as one array ({@code = ANY(?)}).
     */
    record In(Expr value, List<Expr> items, boolean negated, boolean ignoreCase) implements Condition {
        public In {
            items = List.copyOf(items);
        }

        public In(Expr value, List<Expr> items, boolean negated) {
            this(value, items, negated, false);
        }
    }

    /** {@code value IS [NOT] NULL}. */
    record Null(Expr value, boolean negated) implements Condition {}

    /** {@code value = TRUE} or {@code FALSE} (derived {@code True}, {@code False}). */
    record Truth(Expr value, boolean expected) implements Condition {}

    /** {@code NOT (condition)}. */
    record Not(Condition condition) implements Condition {}

    /** {@code (a AND b AND ...)} or {@code (a OR b OR ...)}. */
    record Junction(String operator, List<Condition> conditions) implements Condition {
        public Junction {
            conditions = List.copyOf(conditions);
        }
    }
}

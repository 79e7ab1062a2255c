package dev.tenantdao.processor.query;

import dev.tenantdao.processor.model.Property;
import java.util.List;

/**
 * A value in a repository query, whichever way the query was written (a derived method name,
 * {@code @Find} parameters or JDQL): an entity attribute, a method parameter, a literal, or an
 * expression of them. {@link QuerySql} turns it into SQL.
 */
public sealed interface Expr {

    /** An attribute of the query's entity: its column. */
    record Attribute(Property property) implements Expr {}

    /**
     * A method parameter, by name ({@code :status}, or the parameter a derived or {@code @Find}
     * condition names) or by position ({@code ?1}, from 1; then {@code name} is null).
     *
     * @param at where it is written in the query text (for diagnostics), or -1
     */
    record Param(String name, int position, int at) implements Expr {
        public String label() {
            return name != null ? ":" + name : "?" + position;
        }
    }

    /** A literal, as SQL text ({@code 'PAID'}, {@code 42}, {@code TRUE}, {@code NULL}). */
    record Literal(String sql) implements Expr {}

    /** A constant of an enum ({@code Status.PAID}): compared with an enum attribute, it is its name ({@code 'PAID'}). */
    record EnumConstant(String name) implements Expr {}

    /** {@code left <operator> right}: {@code +}, {@code -}, {@code *}, {@code /}, {@code ||}. */
    record Arithmetic(Expr left, String operator, Expr right) implements Expr {}

    /** {@code -operand}. */
    record Negative(Expr operand) implements Expr {}

    /** A function call, by its PostgreSQL name ({@code abs}, {@code lower}, {@code length}, ...). */
    record Call(String function, List<Expr> arguments) implements Expr {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /** A value of the statement's time: {@code CURRENT_DATE}, {@code LOCALTIMESTAMP}, {@code LOCALTIME}. */
    record Now(String sql) implements Expr {}
}

package dev.tenantdao.processor.model;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a {@code @Column(type = ...)} names, where it matters: an enum column stores its constants'
 * names, either in a text type of PostgreSQL's or in an enum type the DDL creates; any other built-in
 * type cannot hold them.
 */
public final class SqlTypeNames {

    /** Text types an enum's names can be stored in as they are ({@code char(n)} would pad them). */
    private static final Pattern TEXT = Pattern.compile("text|citext|varchar(\\(\\d+\\))?|character varying(\\(\\d+\\))?");

    /** PostgreSQL's other built-in types a user may name (and their common aliases). */
    private static final Set<String> BUILT_IN = Set.of(
            "bigint", "int8", "bigserial", "serial8", "bit", "bit varying", "varbit", "boolean", "bool", "box",
            "bytea", "char", "character", "bpchar", "cidr", "circle", "date", "double precision", "float4",
            "float8", "float", "inet", "integer", "int", "int4", "int2", "interval", "json", "jsonb", "line",
            "lseg", "macaddr", "macaddr8", "money", "numeric", "decimal", "path", "pg_lsn", "point", "polygon",
            "real", "smallint", "smallserial", "serial", "serial2", "serial4", "time", "timetz", "timestamp",
            "timestamptz", "time with time zone", "time without time zone", "timestamp with time zone",
            "timestamp without time zone", "tsquery", "tsvector", "uuid", "xml", "oid", "name", "regclass");

    private SqlTypeNames() {}

    /** Whether {@code type} is one of PostgreSQL's text types an enum's names are stored in unchanged. */
    public static boolean isText(String type) {
        return TEXT.matcher(type.trim().toLowerCase(Locale.ROOT)).matches();
    }

    /**
     * Whether {@code type} is a built-in type of PostgreSQL's other than its text types (arrays of any
     * type included), so not the name of an enum type to create.
     */
    public static boolean isOtherBuiltIn(String type) {
        String name = type.trim().toLowerCase(Locale.ROOT);
        if (name.endsWith("[]")) {
            return true;
        }
        int parenthesis = name.indexOf('(');
        String bare = (parenthesis < 0 ? name : name.substring(0, parenthesis)).trim();
        return !isText(name) && BUILT_IN.contains(bare);
    }
}

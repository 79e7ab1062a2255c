package dev.tenantdao.processor.sql;

import java.util.Set;
import java.util.regex.Pattern;

/** Validates and, where PostgreSQL needs it, quotes table and column names. */
public final class Identifiers {

    private static final Pattern USABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    /** PostgreSQL's reserved key words (Appendix C), which cannot be used unquoted as names. */
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
            "binary", "both", "case", "cast", "check", "collate", "collation", "column", "concurrently",
            "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
            "current_schema", "current_time", "current_timestamp", "current_user", "default", "deferrable",
            "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "freeze",
            "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner", "intersect", "into",
            "is", "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime",
            "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order",
            "outer", "overlaps", "placing", "primary", "references", "returning", "right", "select",
            "session_user", "similar", "some", "symmetric", "system_user", "table", "tablesample", "then",
            "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when",
            "where", "window", "with");

    private Identifiers() {}

    /** Whether {@code name} can be a table or column name (checked at compile time). */
    public static boolean isUsable(String name) {
        return USABLE.matcher(name).matches();
    }

    /** {@code name} as it must appear in SQL: bare when it can be, double-quoted otherwise. */
    public static String quote(String name) {
        return plain(name) && !RESERVED.contains(name) ? name : '"' + name + '"';
    }

    /** Whether {@code name} matches {@code [a-z_][a-z0-9_]*} (a loop: it runs for every column of every statement). */
    private static boolean plain(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c == '_' || i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}

package dev.tenantdao.processor.write;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The SQL of a statement as Java source a person can read: a text block with one clause per line
 * ({@code WITH ... AS (}, {@code SELECT ...}, {@code FROM ...}, {@code WHERE ...}), each line but the
 * last ending in {@code \} so that the string sent to PostgreSQL is exactly the statement's SQL, with
 * no newline added. Short statements stay one string literal.
 */
final class SqlText {

    /** Statements up to this long stay on one line. */
    static final int ONE_LINE = 80;

    /** The keywords that start a clause on its own line, at the level of a query (not inside an expression). */
    private static final List<String> CLAUSES = List.of("SELECT", "FROM", "WHERE", "GROUP BY", "ORDER BY", "LIMIT",
            "VALUES", "SET", "ON CONFLICT", "RETURNING", "UNION");

    /** The words that open a query, which makes the parenthesis before them a query's (a CTE, a subquery). */
    private static final List<String> QUERIES = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "WITH");

    private SqlText() {}

    /** The initializer of a constant holding {@code sql}: a text block, or a string literal when short or unusual. */
    static CodeBlock literal(String sql) {
        List<String> lines = lines(sql);
        if (sql.length() <= ONE_LINE || lines.size() == 1 || !plain(sql)) {
            return CodeBlock.of("$S", sql);
        }
        StringBuilder block = new StringBuilder("\"\"\"\n");
        for (int i = 0; i < lines.size(); i++) {
            boolean last = i == lines.size() - 1;
            block.append(escapeQuotes(lines.get(i), last)).append(last ? "\"\"\"" : "\\\n");
        }
        return CodeBlock.of("$>$>$L$<$<", block);
    }

    /**
     * {@code line} with the quotes escaped that would end the text block: every third of a run of
     * quotes and, on the {@code last} line, a quote right before the closing delimiter.
     */
    private static String escapeQuotes(String line, boolean last) {
        StringBuilder escaped = new StringBuilder();
        int run = 0;        // the unescaped quotes just written
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '"') {
                escaped.append(c);
                run = 0;
            } else if (run == 2 || (last && i == line.length() - 1)) {
                escaped.append("\\\"");
                run = 0;
            } else {
                escaped.append(c);
                run++;
            }
        }
        return escaped.toString();
    }

    /**
     * Whether {@code sql} is printable ASCII without backslashes: then its text block needs no escape
     * but for quotes, and no character is lost to a text block's stripping of incidental white space
     * (every line but the last ends in the space before its {@code \}).
     */
    private static boolean plain(String sql) {
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c < ' ' || c > '~' || c == '\\') {
                return false;
            }
        }
        return !sql.startsWith(" ");
    }

    /**
     * {@code sql} cut into lines whose concatenation is {@code sql}: after each statement's
     * {@code "; "}, before each clause keyword of a query (outside quotes and expressions), and after
     * the {@code "), "} that ends a common table expression. Every line but the last ends in a space.
     */
    static List<String> lines(String sql) {
        List<String> lines = new ArrayList<>();
        Deque<Boolean> queryLevels = new ArrayDeque<>();   // per open parenthesis: whether a query is inside
        queryLevels.push(true);
        int start = 0;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '\'', '"' -> quote = c;
                case '(' -> queryLevels.push(startsWithAny(sql, skipSpaces(sql, i + 1), QUERIES));
                case ')' -> {
                    boolean query = queryLevels.size() > 1 ? queryLevels.pop() : false;
                    if (query && queryLevels.peek() && sql.startsWith(", ", i + 1)) {
                        start = cut(sql, lines, start, i + 3);      // the end of a CTE
                    }
                }
                case ';' -> {
                    if (queryLevels.size() == 1 && sql.startsWith("; ", i)) {
                        start = cut(sql, lines, start, i + 2);      // the next statement
                    }
                }
                case ' ' -> {
                    if (queryLevels.peek() && startsClause(sql, i + 1)) {
                        start = cut(sql, lines, start, i + 1);
                    }
                }
                default -> { }
            }
        }
        lines.add(sql.substring(start));
        return lines;
    }

    private static int cut(String sql, List<String> lines, int start, int at) {
        if (at > start && at < sql.length()) {
            lines.add(sql.substring(start, at));
            return at;
        }
        return start;
    }

    /** Whether a clause keyword starts at {@code at}, not as part of {@code DELETE FROM} or {@code IS DISTINCT FROM}. */
    private static boolean startsClause(String sql, int at) {
        if (!startsWithAny(sql, at, CLAUSES)) {
            return false;
        }
        if (!sql.startsWith("FROM", at)) {
            return true;
        }
        int end = at;       // the end of the word before, past the spaces
        while (end > 0 && Character.isWhitespace(sql.charAt(end - 1))) {
            end--;
        }
        return !(endsWith(sql, end, "DELETE") || endsWith(sql, end, "DISTINCT"));
    }

    /** Whether {@code sql} up to {@code end} ends with {@code word}. */
    private static boolean endsWith(String sql, int end, String word) {
        return end >= word.length() && sql.startsWith(word, end - word.length());
    }

    private static boolean startsWithAny(String sql, int at, List<String> words) {
        for (String word : words) {
            int end = at + word.length();
            if (sql.startsWith(word, at) && (end == sql.length() || sql.charAt(end) == ' ' || sql.charAt(end) == '(')) {
                return true;
            }
        }
        return false;
    }

    private static int skipSpaces(String sql, int at) {
        while (at < sql.length() && sql.charAt(at) == ' ') {
            at++;
        }
        return at;
    }
}

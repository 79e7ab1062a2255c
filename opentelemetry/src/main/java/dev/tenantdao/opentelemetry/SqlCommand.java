package dev.tenantdao.opentelemetry;

import dev.tenantdao.annotations.internal.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The SQL command ({@code SELECT}, {@code INSERT}, ...) of a statement tenantdao sent: the first word
 * of its first statement that is not tenantdao's own tenant setting ({@code SELECT set_config(
 * 'tenantdao.tenant', ?, ...)}, sent before a statement under row-level security and, outside a
 * transaction, after it); for {@code WITH}, the first data-changing command of its common table
 * expressions, else the command after them. Null
 * when there is none. Only the words are read, never values: none are in the text.
 */
final class SqlCommand {

    private static final String TENANT_SETTING = "select set_config('" + Wire.TENANT_SETTING + "'";

    private SqlCommand() {}

    static String of(String sql) {
        if (sql == null) {
            return null;
        }
        for (String statement : statements(sql)) {
            String text = statement.strip();
            if (text.isEmpty() || text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").startsWith(TENANT_SETTING)) {
                continue;
            }
            return command(text);
        }
        return null;
    }

    /** The statements of {@code sql}, split at semicolons outside quotes, comments and parentheses. */
    private static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipQuoted(sql, i, c);
            } else if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ';' && depth == 0) {
                out.add(sql.substring(start, i));
                start = i + 1;
            }
        }
        out.add(sql.substring(start));
        return out;
    }

    private static int skipQuoted(String sql, int from, char quote) {
        int i = from + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return sql.length();
    }

    /**
     * The first word of {@code statement}; for a {@code WITH}, the first data-changing command
     * starting a common table expression (an audited write changes its table in one, and its history
     * in the next), else the command after them.
     */
    private static String command(String statement) {
        List<Word> words = words(statement);
        if (words.isEmpty()) {
            return null;
        }
        String first = words.get(0).text();
        if (!first.equals("WITH")) {
            return first;
        }
        for (Word word : words) {
            if (word.depth() == 1 && word.opensGroup() && CHANGES.contains(word.text())) {
                return word.text();
            }
        }
        for (Word word : words) {
            if (word.depth() == 0 && MAIN.contains(word.text())) {
                return word.text();
            }
        }
        return first;
    }

    private static final Set<String> CHANGES = Set.of("INSERT", "UPDATE", "DELETE", "MERGE");
    private static final Set<String> MAIN = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "VALUES", "TABLE");

    /** A word, upper-cased: how many parentheses it is in, and whether it is the first thing in them. */
    private record Word(String text, int depth, boolean opensGroup) {}

    /** The words of {@code statement} outside quotes and comments. */
    private static List<Word> words(String statement) {
        List<Word> words = new ArrayList<>();
        int depth = 0;
        boolean groupOpened = false;
        int i = 0;
        while (i < statement.length()) {
            char c = statement.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipQuoted(statement, i, c) + 1;
                groupOpened = false;
            } else if (c == '-' && statement.startsWith("--", i)) {
                int end = statement.indexOf('\n', i);
                i = end < 0 ? statement.length() : end + 1;
            } else if (c == '/' && statement.startsWith("/*", i)) {
                int end = statement.indexOf("*/", i + 2);
                i = end < 0 ? statement.length() : end + 2;
            } else if (c == '(') {
                depth++;
                groupOpened = true;
                i++;
            } else if (c == ')') {
                depth--;
                groupOpened = false;
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < statement.length()
                        && (Character.isLetterOrDigit(statement.charAt(end)) || statement.charAt(end) == '_')) {
                    end++;
                }
                words.add(new Word(statement.substring(i, end).toUpperCase(Locale.ROOT), depth, groupOpened));
                groupOpened = false;
                i = end;
            } else {
                if (!Character.isWhitespace(c)) {
                    groupOpened = false;
                }
                i++;
            }
        }
        return words;
    }
}

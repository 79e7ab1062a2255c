package dev.tenantdao.processor.schema;

import java.util.List;

/**
 * The names PostgreSQL gives constraints declared without one (its {@code makeObjectName}):
 * {@code <table>_<columns>_<label>}, the two parts shortened in turn, the longer first, to fit 63
 * bytes. The migrations drop such constraints by these names.
 */
final class PostgresNames {

    private static final int MAX = 63;

    private PostgresNames() {}

    static String constraint(String table, List<String> columns, String label) {
        return make(table, String.join("_", columns), label);
    }

    static String make(String name1, String name2, String label) {
        int overhead = label.length() + 1 + (name2 == null ? 0 : 1);
        int available = MAX - overhead;
        int chars1 = name1.length();
        int chars2 = name2 == null ? 0 : name2.length();
        while (chars1 + chars2 > available) {
            if (chars1 > chars2) {
                chars1--;
            } else {
                chars2--;
            }
        }
        return name1.substring(0, chars1) + (name2 == null ? "" : "_" + name2.substring(0, chars2)) + "_" + label;
    }
}

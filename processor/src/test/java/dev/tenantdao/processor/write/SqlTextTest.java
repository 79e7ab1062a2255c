package dev.tenantdao.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SQL constants as text blocks: readable lines, and exactly the statement's SQL as their value. */
class SqlTextTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT set_config('tenantdao.tenant', ?, true); SELECT id, name FROM invoice WHERE tenant_id = ? AND id = ?",
            "SELECT 'FROM x WHERE', \"select\" FROM \"order\" WHERE \"limit\" = ? ORDER BY id LIMIT ? OFFSET ?",
            "WITH changed AS (UPDATE t SET a = ?, c = CASE WHEN (a) IS DISTINCT FROM (?) THEN 1 ELSE 0 END WHERE id = ?"
                    + " RETURNING *), history AS (INSERT INTO h (a) SELECT a FROM changed) SELECT a FROM changed",
            "INSERT INTO t (a, b) VALUES (?, ?) ON CONFLICT (a) DO UPDATE SET b = EXCLUDED.b RETURNING a, b, \"x\"\"\"",
            "SELECT EXISTS (SELECT 1 FROM a_long_table_name_for_the_test WHERE tenant_id = ? AND id = ?)",
            "DELETE FROM a_long_table_name_for_the_test WHERE tenant_id = ? AND id = ? AND name = 'a\"\"\"b'",
    })
    void theTextBlockHoldsExactlyTheStatement(String sql) {
        assertEquals(sql, String.join("", SqlText.lines(sql)));
        String literal = SqlText.literal(sql).toString();
        assertTrue(literal.startsWith("\"\"\"\n") && literal.endsWith("\"\"\""), literal);
        // what javac makes of a text block: its content, indentation stripped, escapes translated
        String value = literal.substring(4, literal.length() - 3).stripIndent().translateEscapes();
        assertEquals(sql, value, literal);
    }

    @Test
    void oneClausePerLine() {
        assertEquals(List.of("SELECT set_config('tenantdao.tenant', ?, true); ", "SELECT id, name ", "FROM invoice ",
                        "WHERE tenant_id = ? AND id = ? ", "ORDER BY id ", "LIMIT ?"),
                SqlText.lines("SELECT set_config('tenantdao.tenant', ?, true); SELECT id, name FROM invoice"
                        + " WHERE tenant_id = ? AND id = ? ORDER BY id LIMIT ?"));
        assertEquals(List.of("WITH changed AS (DELETE FROM t ", "WHERE id = ? ", "RETURNING *), ",
                        "history AS (INSERT INTO h (id) ", "SELECT id ", "FROM changed) ", "SELECT count(*) ",
                        "FROM changed"),
                SqlText.lines("WITH changed AS (DELETE FROM t WHERE id = ? RETURNING *), history AS (INSERT INTO h (id)"
                        + " SELECT id FROM changed) SELECT count(*) FROM changed"));
    }

    @Test
    void notInsideQuotesOrExpressions() {
        assertEquals(List.of("SELECT 'a FROM b', \"WHERE\", coalesce((x), 0) ", "FROM t"),
                SqlText.lines("SELECT 'a FROM b', \"WHERE\", coalesce((x), 0) FROM t"));
        assertEquals(List.of("UPDATE t ", "SET c = (a) IS DISTINCT FROM (?) ", "WHERE id = ?"),
                SqlText.lines("UPDATE t SET c = (a) IS DISTINCT FROM (?) WHERE id = ?"));
    }

    @Test
    void shortOrUnusualStatementsStayOneLiteral() {
        assertEquals("\"SELECT count(*) FROM country\"", SqlText.literal("SELECT count(*) FROM country").toString());
        String withNewline = "SELECT id, name, a_rather_long_column_name, another_long_column_name\nFROM t WHERE id = ?";
        assertEquals("\"SELECT id, name, a_rather_long_column_name, another_long_column_name\\n\"\n"
                + "    + \"FROM t WHERE id = ?\"", SqlText.literal(withNewline).toString());
    }
}

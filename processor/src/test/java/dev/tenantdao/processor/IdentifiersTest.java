package dev.tenantdao.processor;

import static dev.tenantdao.processor.Sources.compile;
import static dev.tenantdao.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.tenantdao.processor.read.Names;
import dev.tenantdao.processor.sql.Identifiers;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Default names, and quoting where PostgreSQL needs it. */
class IdentifiersTest {

    @Test
    void snakeCase() {
        assertEquals("invoice_line", Names.snakeCase("InvoiceLine"));
        assertEquals("issued_on", Names.snakeCase("issuedOn"));
        assertEquals("vat_id", Names.snakeCase("vatID"));
        assertEquals("http_status", Names.snakeCase("HTTPStatus"));
        assertEquals("line2_total", Names.snakeCase("line2Total"));
        assertEquals("id", Names.snakeCase("id"));
    }

    @Test
    void quoting() {
        assertEquals("invoice", Identifiers.quote("invoice"));
        assertEquals("\"order\"", Identifiers.quote("order"));
        assertEquals("\"user\"", Identifiers.quote("user"));
        assertEquals("\"InvoiceLines\"", Identifiers.quote("InvoiceLines"));
        assertEquals("position", Identifiers.quote("position"), "non-reserved key words need no quotes");
        assertEquals("line_2", Identifiers.quote("line_2"));
        assertEquals("_draft", Identifiers.quote("_draft"));
        assertEquals("\"2nd_line\"", Identifiers.quote("2nd_line"), "a digit cannot start a plain name");
        assertEquals("\"line-2\"", Identifiers.quote("line-2"));
        assertEquals("\"\"", Identifiers.quote(""));
        assertTrue(Identifiers.isUsable("a_b9"));
        assertFalse(Identifiers.isUsable("9ab"));
        assertFalse(Identifiers.isUsable("a\"b"));
        assertFalse(Identifiers.isUsable("x".repeat(64)));
    }

    @Test
    void reservedWordsAreQuotedInEveryStatementAndTheDdl() throws IOException {
        Compilation c = compile(source("t.Order", "package t;", "import dev.tenantdao.annotations.*;",
                "@Entity @Tenanted(column = \"user\")",
                "public record Order(@Id long id, String group, @Column(name = \"limit\") int max) {}"));
        // the SQL as sent (the constants' values), whatever their layout in the source
        String findById = GeneratedClasses.constant(c, "t.OrderDao", "FIND_BY_ID");
        assertTrue(findById.endsWith("true); SELECT id, \"group\", \"limit\" FROM \"order\" WHERE \"user\" = ? AND id = ?"),
                findById);
        String update = GeneratedClasses.constant(c, "t.OrderDao", "UPDATE");
        assertTrue(update.endsWith("true); UPDATE \"order\" SET \"group\" = ?, \"limit\" = ? WHERE \"user\" = ? AND id = ?"
                + " RETURNING id, \"group\", \"limit\""), update);
    }
}

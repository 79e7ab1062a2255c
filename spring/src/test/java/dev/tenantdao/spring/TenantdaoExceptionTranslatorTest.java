package dev.tenantdao.spring;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/** tenantdao's exceptions, as real DAO calls on PostgreSQL throw them, in Spring's hierarchy. */
class TenantdaoExceptionTranslatorTest {

    private static final TenantdaoExceptionTranslator TRANSLATOR = new TenantdaoExceptionTranslator();
    private static TagDao tags;
    private static NoteDao notes;

    @BeforeAll
    static void schema() {
        DataSource dataSource = Postgres.shared().freshSchema("spring_exceptions");
        Schema.create(dataSource, Note.class, Tag.class);
        Database database = new Database(dataSource);
        tags = new TagDao(database);
        notes = new NoteDao(database);
    }

    @Test
    void aDuplicateKeyIsADuplicateKeyException() {
        TenantContext.runAs("acme", () -> tags.insert(new Tag("urgent")));
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> TenantContext.runAs("acme", () -> tags.insert(new Tag("urgent"))));
        assertInstanceOf(DuplicateKeyException.class, TRANSLATOR.translateExceptionIfPossible(e));
    }

    @Test
    void noRowIsAnEmptyResultAndNoTenantAnApiMisuse() {
        RuntimeException missing = assertThrows(RuntimeException.class,
                () -> TenantContext.runAs("acme", () -> notes.update(new Note(424242L, "x"))));
        EmptyResultDataAccessException none =
                assertInstanceOf(EmptyResultDataAccessException.class, TRANSLATOR.translateExceptionIfPossible(missing));
        assertSame(missing, none.getCause());
        RuntimeException noTenant = assertThrows(RuntimeException.class, () -> notes.count());
        assertInstanceOf(InvalidDataAccessApiUsageException.class, TRANSLATOR.translateExceptionIfPossible(noTenant));
    }

    @Test
    void noVendorIsAnApiMisuseToo() {
        dev.tenantdao.runtime.NoVendorException noVendor = new dev.tenantdao.runtime.NoVendorException("Listing", "acme",
                "No current vendor");
        assertSame(noVendor, assertInstanceOf(InvalidDataAccessApiUsageException.class,
                TRANSLATOR.translateExceptionIfPossible(noVendor)).getCause());
    }

    @Test
    void anythingElseIsLeftAlone() {
        assertNull(TRANSLATOR.translateExceptionIfPossible(new IllegalStateException("not ours")));
    }
}

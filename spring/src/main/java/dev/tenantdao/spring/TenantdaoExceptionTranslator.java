package dev.tenantdao.spring;

import dev.tenantdao.runtime.ConversionException;
import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.InvalidTenantException;
import dev.tenantdao.runtime.MappingException;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.NoVendorException;
import dev.tenantdao.runtime.OptimisticLockException;
import dev.tenantdao.runtime.RowNotFoundException;
import dev.tenantdao.runtime.TenantMismatchException;
import java.sql.SQLException;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TypeMismatchDataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * tenantdao's exceptions as Spring's {@code DataAccessException} hierarchy, for code written against
 * it: a duplicate key is a {@code DuplicateKeyException} (from the SQL state, as Spring's JDBC support
 * translates it), a stale {@code @Version} an {@code OptimisticLockingFailureException}, no row an
 * {@code EmptyResultDataAccessException}, a missing, invalid or second tenant (or a missing or other
 * vendor) an {@code InvalidDataAccessApiUsageException}, a converter's failure a
 * {@code TypeMismatchDataAccessException}, a row that cannot be mapped a
 * {@code DataRetrievalFailureException}. The original is the cause. Register it as a bean for
 * Spring's {@code PersistenceExceptionTranslationPostProcessor}, or call it where you catch.
 */
public final class TenantdaoExceptionTranslator implements PersistenceExceptionTranslator {

    private final SQLExceptionTranslator sql = new SQLStateSQLExceptionTranslator();

    @Override
    public org.springframework.dao.DataAccessException translateExceptionIfPossible(RuntimeException e) {
        if (e instanceof OptimisticLockException stale) {
            return new OptimisticLockingFailureException(stale.getMessage(), stale);
        }
        if (e instanceof RowNotFoundException missing) {
            EmptyResultDataAccessException none = new EmptyResultDataAccessException(missing.getMessage(), 1);
            none.initCause(missing);
            return none;
        }
        if (e instanceof NoTenantException || e instanceof InvalidTenantException || e instanceof TenantMismatchException
                || e instanceof NoVendorException || e instanceof dev.tenantdao.runtime.VendorMismatchException) {
            return new InvalidDataAccessApiUsageException(e.getMessage(), e);
        }
        if (e instanceof ConversionException conversion) {
            return new TypeMismatchDataAccessException(conversion.getMessage(), conversion);
        }
        if (e instanceof MappingException mapping) {
            return new DataRetrievalFailureException(mapping.getMessage(), mapping);
        }
        if (e instanceof DataAccessException failure && failure.getCause() instanceof SQLException cause) {
            org.springframework.dao.DataAccessException translated =
                    sql.translate(failure.operation() == null ? "tenantdao" : failure.operation(), null, cause);
            if (translated != null) {
                return translated;
            }
        }
        return null;        // not one of ours, or nothing more specific to say
    }
}

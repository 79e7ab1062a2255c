package dev.tenantdao.runtime;

/** A {@link Converter} failed; the message names the entity, the field, the column and the row's id where known. */
public class ConversionException extends TenantDaoException {
    private static final long serialVersionUID = 1L;

    public ConversionException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores the field through a converter: a class implementing
 * {@code dev.tenantdao.runtime.Converter<FieldType, ColumnType>} with a public no-argument
 * constructor or a {@code public static final INSTANCE} field. The processor checks both at compile
 * time; generated code calls the converter directly, one instance per DAO. Nulls are not passed to
 * converters: a null field is a NULL column and back.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Convert {
    /** The converter class. */
    Class<?> value();
}

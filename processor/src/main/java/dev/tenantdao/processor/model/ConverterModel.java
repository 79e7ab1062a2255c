package dev.tenantdao.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * The converter a property is stored through, as found in the source. Facts only: the validator
 * reports a converter that is not one, does not fit, or cannot be created.
 *
 * @param declaredOn the field ({@code @Convert}) or entity/package ({@code @Converters}) naming it
 * @param javaType the converter's {@code J}, or null when it implements no {@code Converter}
 * @param databaseType the converter's {@code D}, or null likewise
 * @param instanceField a {@code public static final INSTANCE}-style field to use, or null
 * @param hasPublicConstructor whether it has a public no-argument constructor (and is concrete)
 */
public record ConverterModel(
        TypeElement converter,
        Element declaredOn,
        AnnotationMirror annotation,
        TypeMirror javaType,
        TypeMirror databaseType,
        String instanceField,
        boolean hasPublicConstructor) {

    public boolean isConverter() {
        return javaType != null;
    }

    public boolean isInstantiable() {
        return instanceField != null || hasPublicConstructor;
    }
}

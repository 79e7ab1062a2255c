package dev.tenantdao.processor.model;

import java.util.List;

/**
 * How generated code creates an entity from a row.
 *
 * @param kind a constructor taking every property, or a no-argument constructor plus setters
 * @param constructorOrder for {@link Kind#CONSTRUCTOR}, the property names in parameter order
 */
public record Construction(Kind kind, List<String> constructorOrder) {

    public enum Kind { CONSTRUCTOR, SETTERS }

    public static Construction constructor(List<String> parameterNames) {
        return new Construction(Kind.CONSTRUCTOR, List.copyOf(parameterNames));
    }

    public static Construction setters() {
        return new Construction(Kind.SETTERS, List.of());
    }
}

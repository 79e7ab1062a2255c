package dev.tenantdao.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * How generated DAOs and repository implementations present themselves to a dependency-injection
 * container, chosen for a whole compilation with the processor option {@value #OPTION}, in the style
 * of MapStruct's {@code componentModel}. Every model keeps the one public {@code @Inject} constructor
 * taking the {@code Database}.
 */
public enum ComponentModel {

    /**
     * The default: public classes whose constructor is {@code @jakarta.inject.Inject}, which Spring, Guice,
     * Dagger and Micronaut build (in CDI only when listed, as they carry no bean-defining annotation); not
     * final, with a protected no-argument constructor for class-based proxies and test doubles (a user's
     * fake in a unit test).
     */
    JSR330,

    /**
     * CDI: as {@link #JSR330}, and each class is {@code @ApplicationScoped} (a bean-defining annotation, so
     * the default "annotated" discovery finds it), proxyable by the container's client proxies.
     */
    CDI;

    /** The processor option: {@code -Atenantdao.componentModel=cdi}. */
    public static final String OPTION = "tenantdao.componentModel";

    static final ClassName APPLICATION_SCOPED = ClassName.get("jakarta.enterprise.context", "ApplicationScoped");

    /** The model an option value names (absent: {@link #JSR330}), or empty when it names none. */
    public static Optional<ComponentModel> of(String value) {
        if (value == null) {
            return Optional.of(JSR330);
        }
        return Arrays.stream(values()).filter(model -> model.optionValue().equals(value)).findFirst();
    }

    /** The option values, as the error of an unknown one lists them. */
    public static String names() {
        return Arrays.stream(values()).map(ComponentModel::optionValue).collect(Collectors.joining(", "));
    }

    /** This model as the option names it. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@code file} (a generated DAO or repository implementation) as this model wants it: in every model
     * not final, with no final method, and with a protected no-argument constructor besides the
     * injectable one, so that a proxy or a test double can extend it; for CDI also {@code @ApplicationScoped}.
     */
    public JavaFile apply(JavaFile file) {
        TypeSpec original = file.typeSpec();
        Set<Modifier> modifiers = EnumSet.noneOf(Modifier.class);
        modifiers.addAll(original.modifiers());
        modifiers.remove(Modifier.FINAL);
        TypeSpec.Builder type = TypeSpec.classBuilder(original.name())
                .addJavadoc(original.javadoc());
        if (this == CDI) {
            type.addJavadoc("\n<p>A CDI bean ({@code -A$L=$L}): {@code @ApplicationScoped}, built by the container through"
                    + " its\n{@code @Inject} constructor; not final, so that the container can proxy it.\n",
                    OPTION, optionValue());
        }
        type.addAnnotations(original.annotations());
        if (this == CDI) {
            type.addAnnotation(APPLICATION_SCOPED);
        }
        type.addModifiers(modifiers.toArray(Modifier[]::new))
                .addSuperinterfaces(original.superinterfaces())
                .addFields(original.fieldSpecs());
        if (!original.superclass().equals(ClassName.OBJECT)) {
            type.superclass(original.superclass());
        }
        if (!original.staticBlock().isEmpty()) {
            type.addStaticBlock(original.staticBlock());
        }
        if (!original.initializerBlock().isEmpty()) {
            type.addInitializerBlock(original.initializerBlock());
        }
        for (MethodSpec method : original.methodSpecs()) {
            if (method.modifiers().contains(Modifier.FINAL)) {
                throw new IllegalStateException("a replaceable class cannot have final method " + method.name());
            }
            type.addMethod(method);
            if (method.isConstructor()) {
                type.addMethod(proxyConstructor(original));
            }
        }
        type.addTypes(original.typeSpecs());
        original.originatingElements().forEach(type::addOriginatingElement);
        return JavaFile.builder(file.packageName(), type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    /**
     * The constructor proxies (CDI's client proxies, class-based proxies) and test doubles call: it leaves
     * every field the injectable constructor sets {@code null}, so an instance it builds is no DAO and
     * sends no SQL; a proxy sends each call to the container's instance, a fake overrides what its test
     * calls.
     */
    private static MethodSpec proxyConstructor(TypeSpec type) {
        CodeBlock.Builder body = CodeBlock.builder();
        for (FieldSpec field : type.fieldSpecs()) {
            if (field.modifiers().contains(Modifier.FINAL) && !field.modifiers().contains(Modifier.STATIC)
                    && field.initializer().isEmpty()) {
                body.addStatement("this.$N = $L", field.name(), !field.type().isPrimitive() ? "null"
                        : field.type().equals(TypeName.BOOLEAN) ? "false" : "0");
            }
        }
        return MethodSpec.constructorBuilder()
                .addJavadoc("For proxies and test doubles only: a container's proxy, which sends every call to the instance\n"
                        + "built by {@link #$L($T)}, or a fake subclass in a unit test. An instance this\n"
                        + "constructor builds has no database: it sends no SQL, and every method a subclass does not\n"
                        + "override throws {@link NullPointerException}. A fake makes no tenant check at all: test\n"
                        + "tenant isolation against the instance that constructor builds, on PostgreSQL.\n",
                        type.name(), Types.DATABASE)
                .addModifiers(Modifier.PROTECTED)
                .addCode(body.build())
                .build();
    }
}

package dev.tenantdao.processor;

import com.google.auto.service.AutoService;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * Claims {@code @Inject}, {@code @Generated} and CDI's {@code @ApplicationScoped} in a round only when
 * every element carrying them is a DAO tenantdao generated, so that {@code -Xlint:all -Werror} builds
 * do not fail on javac's "no processor claimed any of these annotations" for our own output. In any
 * other round (user code with {@code @Inject}) it claims nothing, and processors that run before it
 * always see everything.
 *
 * <p>A claimed annotation is not handed to the processors after it in that round, and Micronaut's
 * ({@code BeanDefinitionInjectProcessor}, which supports {@code "*"}, claims nothing itself and makes
 * beans only of the elements carrying the annotations it is handed) then never sees the DAOs: listed
 * after tenantdao's, it would make no bean of them, silently. So when Micronaut's processor is on
 * the processor path this one claims nothing at all (Micronaut's builds leave their own annotations
 * unclaimed anyway).
 */
@AutoService(Processor.class)
public final class GeneratedDaoAnnotations extends AbstractProcessor {

    private static final String INJECT = "jakarta.inject.Inject";
    private static final String GENERATED = "javax.annotation.processing.Generated";
    private static final String APPLICATION_SCOPED = "jakarta.enterprise.context.ApplicationScoped";

    /** Micronaut's bean processor (micronaut-inject-java), which must see the DAOs' {@code @Inject}. */
    static final String MICRONAUT = "io.micronaut.annotation.processing.BeanDefinitionInjectProcessor";

    private boolean claims = true;

    @Override
    public synchronized void init(javax.annotation.processing.ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        claims = !onProcessorPath(MICRONAUT, getClass().getClassLoader());
    }

    /** Whether {@code processor} can be loaded where this processor was (javac's processor path). */
    static boolean onProcessorPath(String processor, ClassLoader loader) {
        try {
            Class.forName(processor, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(INJECT, GENERATED, APPLICATION_SCOPED);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (!claims) {
            return false;
        }
        for (TypeElement annotation : annotations) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (!isGeneratedDao(element)) {
                    return false;
                }
            }
        }
        return !annotations.isEmpty();
    }

    private static boolean isGeneratedDao(Element element) {
        Element type = element;
        while (type != null && type.getKind() != ElementKind.CLASS) {
            type = type.getEnclosingElement();
        }
        if (type == null) {
            return false;
        }
        for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(GENERATED)) {
                return mirror.getElementValues().values().stream()
                        .anyMatch(v -> String.valueOf(v.getValue()).contains(TenantDaoProcessor.class.getName()));
            }
        }
        return false;
    }
}

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
 * Claims {@code @Inject} and {@code @Generated} in a round only when every element carrying them is
 * a DAO tenantdao generated, so that {@code -Xlint:all -Werror} builds do not fail on javac's
 * "no processor claimed any of these annotations" for our own output. In any other round (user
 * code with {@code @Inject}) it claims nothing, and processors that run before it always see
 * everything.
 */
@AutoService(Processor.class)
public final class GeneratedDaoAnnotations extends AbstractProcessor {

    private static final String INJECT = "jakarta.inject.Inject";
    private static final String GENERATED = "javax.annotation.processing.Generated";

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(INJECT, GENERATED);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
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

package dev.tenantdao.processor.diagnostic;

import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * The one way the processor reports problems: each {@link Message} attached to the narrowest
 * element (and annotation, and annotation value) so IDEs underline the right token.
 */
public final class Diagnostics {

    private final Messager messager;
    private int errors;
    /** What was printed, so a root's error seen again through each of its subtypes is printed once. */
    private final java.util.Set<java.util.List<Object>> printed = new java.util.HashSet<>();

    public Diagnostics(Messager messager) {
        this.messager = messager;
    }

    public void report(Message message, Element element, Object... arguments) {
        if (count(message, element, arguments)) {
            messager.printMessage(message.kind(), message.format(arguments), element);
        }
    }

    public void report(Message message, Element element, AnnotationMirror annotation, Object... arguments) {
        if (annotation == null) {
            report(message, element, arguments);
            return;
        }
        if (count(message, element, arguments)) {
            messager.printMessage(message.kind(), message.format(arguments), element, annotation);
        }
    }

    public void report(
            Message message, Element element, AnnotationMirror annotation, AnnotationValue value, Object... arguments) {
        if (value == null) {
            report(message, element, annotation, arguments);
            return;
        }
        if (count(message, element, arguments)) {
            messager.printMessage(message.kind(), message.format(arguments), element, annotation, value);
        }
    }

    /** How many errors were reported so far in this compilation. */
    public int errorCount() {
        return errors;
    }

    /** Counts the error (always, so each validation sees it) and says whether it is new. */
    private boolean count(Message message, Element element, Object... arguments) {
        if (message.kind() == javax.tools.Diagnostic.Kind.ERROR) {
            errors++;
        }
        return printed.add(List.of(message, element, message.format(arguments)));
    }
}

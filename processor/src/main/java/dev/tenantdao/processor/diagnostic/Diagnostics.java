package dev.tenantdao.processor.diagnostic;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one way the processor reports problems: each {@link Message}, with its kind, attached to the
 * narrowest element (and annotation, and annotation value) so IDEs underline the right token.
 * Every report is printed: each problem is judged once, where it is (a hierarchy's root properties
 * with the root, not again through each subtype), so nothing needs filtering here.
 */
public final class Diagnostics {

    private final Messager messager;
    private int errors;

    public Diagnostics(Messager messager) {
        this.messager = messager;
    }

    public void report(Message message, Element element, Object... arguments) {
        count(message);
        messager.printMessage(message.kind(), message.format(arguments), element);
    }

    public void report(Message message, Element element, AnnotationMirror annotation, Object... arguments) {
        if (annotation == null) {
            report(message, element, arguments);
            return;
        }
        count(message);
        messager.printMessage(message.kind(), message.format(arguments), element, annotation);
    }

    public void report(
            Message message, Element element, AnnotationMirror annotation, AnnotationValue value, Object... arguments) {
        if (value == null) {
            report(message, element, annotation, arguments);
            return;
        }
        count(message);
        messager.printMessage(message.kind(), message.format(arguments), element, annotation, value);
    }

    /** How many errors were reported so far in this compilation. */
    public int errorCount() {
        return errors;
    }

    private void count(Message message) {
        if (message.kind() == Diagnostic.Kind.ERROR) {
            errors++;
        }
    }
}

package dev.tenantdao.processor.model;

import javax.lang.model.element.AnnotationMirror;

/**
 * How a {@code @SoftDelete} entity marks its deleted rows.
 *
 * @param column the {@code timestamptz} column, NULL while a row is live
 * @param annotation the {@code @SoftDelete} mirror (the root's, for a hierarchy), for diagnostics
 */
public record SoftDeletion(String column, AnnotationMirror annotation) {}

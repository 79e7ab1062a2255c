package dev.tenantdao.processor.model;

import dev.tenantdao.annotations.AfterDelete;
import dev.tenantdao.annotations.AfterInsert;
import dev.tenantdao.annotations.AfterLoad;
import dev.tenantdao.annotations.AfterUpdate;
import dev.tenantdao.annotations.BeforeDelete;
import dev.tenantdao.annotations.BeforeInsert;
import dev.tenantdao.annotations.BeforeUpdate;
import java.lang.annotation.Annotation;

/** The lifecycle hooks, each with its annotation and the {@code EntityListener} method it matches. */
public enum HookKind {
    BEFORE_INSERT(BeforeInsert.class, "beforeInsert", true),
    AFTER_INSERT(AfterInsert.class, "afterInsert", false),
    BEFORE_UPDATE(BeforeUpdate.class, "beforeUpdate", true),
    AFTER_UPDATE(AfterUpdate.class, "afterUpdate", false),
    BEFORE_DELETE(BeforeDelete.class, "beforeDelete", false),
    AFTER_DELETE(AfterDelete.class, "afterDelete", false),
    AFTER_LOAD(AfterLoad.class, "afterLoad", false);

    private final Class<? extends Annotation> annotation;
    private final String method;
    private final boolean replacesEntity;

    HookKind(Class<? extends Annotation> annotation, String method, boolean replacesEntity) {
        this.annotation = annotation;
        this.method = method;
        this.replacesEntity = replacesEntity;
    }

    public Class<? extends Annotation> annotation() {
        return annotation;
    }

    /** The name of the DAO's private method that runs these hooks, equal to the listener method's. */
    public String method() {
        return method;
    }

    /** Whether the hook returns the entity to write (before insert and update). */
    public boolean replacesEntity() {
        return replacesEntity;
    }

    public String annotationName() {
        return annotation.getSimpleName();
    }
}

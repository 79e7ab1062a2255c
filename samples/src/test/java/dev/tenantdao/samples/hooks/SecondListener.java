package dev.tenantdao.samples.hooks;

import dev.tenantdao.runtime.EntityListener;

/** Logs inserts; refuses to delete a task titled "KEEP" after the row is gone (to prove rollback). */
public class SecondListener implements EntityListener<Object> {

    @Override
    public Object beforeInsert(Object entity) {
        Journal.log("second.beforeInsert");
        return entity;
    }

    @Override
    public void afterDelete(Object entity) {
        Journal.log("second.afterDelete");
        if (entity instanceof Task task && "KEEP".equals(task.title)) {
            throw new IllegalStateException("KEEP must stay");
        }
    }
}

package dev.tenantdao.samples.hooks;

import dev.tenantdao.runtime.EntityListener;

/** Logs every callback; upper-cases titles on insert (so its change is visible in the row). */
public class FirstListener implements EntityListener<Task> {

    @Override
    public Task beforeInsert(Task task) {
        Journal.log("first.beforeInsert " + task.title);
        task.title = task.title.toUpperCase(java.util.Locale.ROOT);
        return task;
    }

    @Override
    public void afterInsert(Task task) {
        Journal.log("first.afterInsert " + task.title);
    }

    @Override
    public Task beforeUpdate(Task task) {
        Journal.log("first.beforeUpdate " + task.title);
        return task;
    }

    @Override
    public void afterLoad(Task task) {
        Journal.log("first.afterLoad " + task.title);
    }

    @Override
    public void beforeDelete(Task task) {
        Journal.log("first.beforeDelete " + task.title);
    }
}

package dev.tenantdao.samples.hooks;

import dev.tenantdao.annotations.AfterDelete;
import dev.tenantdao.annotations.AfterInsert;
import dev.tenantdao.annotations.AfterLoad;
import dev.tenantdao.annotations.AfterUpdate;
import dev.tenantdao.annotations.BeforeDelete;
import dev.tenantdao.annotations.BeforeInsert;
import dev.tenantdao.annotations.BeforeUpdate;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Listeners;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.Transient;

/** A class entity with every hook, and two listeners after them. */
@Entity
@Tenanted
@Listeners({FirstListener.class, SecondListener.class})
public class Task {
    @Id(generated = true)
    Long id;
    String title;
    int revision;
    @Transient
    boolean failOnInsert;

    public Task() {}

    Task(String title) {
        this.title = title;
    }

    @BeforeInsert
    void beforeInsert() {
        Journal.log("entity.beforeInsert " + title);
        if (failOnInsert) {
            throw new IllegalStateException("refused: " + title);
        }
        title = title.strip();
    }

    @AfterInsert
    void afterInsert() {
        Journal.log("entity.afterInsert " + title);
    }

    @BeforeUpdate
    void beforeUpdate() {
        Journal.log("entity.beforeUpdate " + title);
        revision++;
    }

    @AfterUpdate
    void afterUpdate() {
        Journal.log("entity.afterUpdate " + title + " r" + revision);
    }

    @BeforeDelete
    void beforeDelete() {
        Journal.log("entity.beforeDelete " + title);
    }

    @AfterDelete
    void afterDelete() {
        Journal.log("entity.afterDelete " + title);
    }

    @AfterLoad
    void afterLoad() {
        Journal.log("entity.afterLoad " + title);
    }
}

package dev.tenantdao.di.guice;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** A row-tenanted entity: its DAO and its repository's implementation are what the container builds. */
@Entity(table = "project")
@Tenanted
public record Project(@Id(generated = true) Long id, @Column(nullable = false) String name) {

    public static Project named(String name) {
        return new Project(null, name);
    }
}

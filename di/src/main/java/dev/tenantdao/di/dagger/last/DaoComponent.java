package dev.tenantdao.di.dagger.last;

import dagger.Binds;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dev.tenantdao.runtime.Database;

/** A Dagger component exposing a generated DAO and a generated repository, given the application's Database. */
@Component(modules = DaoComponent.Repositories.class)
public interface DaoComponent {

    ProjectDao projectDao();

    Projects projects();

    @Component.Factory
    interface Factory {
        DaoComponent create(@BindsInstance Database database);
    }

    @Module
    interface Repositories {
        @Binds
        Projects projects(ProjectsImpl implementation);
    }
}

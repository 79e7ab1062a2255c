package dev.tenantdao.flyway.trial;

import com.google.testing.compile.Compilation;
import dev.tenantdao.flyway.TenantMigrations;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.testkit.Postgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** One project's shared (row-tenanted) tables, evolved build by build in a schema of its own. */
final class Evolution {

    final Path dir;
    final String schema;
    final DataSource admin;
    final Database database;
    final TenantMigrations migrations;
    List<String> options = List.of();

    Evolution(Path dir, String schema) {
        this.dir = dir;
        this.schema = schema;
        this.admin = Postgres.shared().freshSchema(schema);
        this.database = Database.builder(admin).sharedSchema(schema).build();
        this.migrations = TenantMigrations.builder(database).location("filesystem:" + dir).build();
    }

    Compilation build(String... sources) {
        return Trial.ok(dir, options, sources);
    }

    /** Builds and migrates; returns the version reached. */
    String step(String... sources) {
        build(sources);
        return migrations.migrateShared();
    }

    void sql(String... statements) throws SQLException {
        Trial.execute(admin, statements);
    }

    List<String> rows(String sql) throws SQLException {
        return Trial.rows(admin, sql);
    }

    List<String> files() throws Exception {
        return Trial.files(dir.resolve("shared"));
    }

    String migration(int version) throws Exception {
        return Trial.migration(dir.resolve("shared"), version);
    }

    /** The catalog lines in which the migrated schema differs from the last build's DDL run from nothing. */
    List<String> differenceFromFresh(Compilation last) throws SQLException {
        String fresh = schema + "_fresh";
        DataSource freshSource = Postgres.shared().freshSchema(fresh);
        Trial.createFromDdl(freshSource, Trial.ddl(last));
        return Trial.catalogDifference(admin, schema, freshSource, fresh);
    }
}

package dev.tenantdao.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeSpec;
import dev.tenantdao.processor.sql.EntitySql;
import dev.tenantdao.processor.sql.Statement;
import dev.tenantdao.processor.sql.pass.TenancyPass;
import javax.lang.model.element.Modifier;

/** The SQL constants of a DAO: the one place a statement's text becomes Java source. */
final class SqlConstants {

    private SqlConstants() {}

    /** {@code static final String <name> = <the statement's SQL>}, as text a person can read ({@link SqlText}). */
    static FieldSpec constant(String name, Statement statement) {
        return FieldSpec.builder(String.class, name, Modifier.STATIC, Modifier.FINAL)
                .initializer(SqlText.literal(statement.sql()))
                .build();
    }

    /** The constants of the reads across tenants (operator access): an entity's, or a hierarchy member's. */
    static void addAcrossTenants(TypeSpec.Builder type, dev.tenantdao.processor.sql.AcrossTenantsSql across) {
        type.addField(constant("FIND_ALL_ACROSS_TENANTS", across.page()));
        type.addField(constant("FIND_ALL_ACROSS_TENANTS_AFTER", across.after()));
        type.addField(constant("FIND_BY_ID_ACROSS_TENANTS", across.byId()));
        type.addField(constant("COUNT_ACROSS_TENANTS", across.count()));
    }

    /** Every statement of an entity's DAO, and the columns its writes read back as generated keys. */
    static void add(TypeSpec.Builder type, DaoContext dao) {
        EntitySql sql = dao.sql();
        type.addField(constant("INSERT", sql.insert()));
        sql.insertAll().ifPresent(insertAll -> type.addField(constant("INSERT_ALL", insertAll)));
        if (dao.batchesInserts() && TenancyPass.setsTenant(dao.entity())) {
            type.addField(constant("BATCH_INSERT", sql.batchInsert()));
        }
        sql.update().ifPresent(update -> type.addField(constant("UPDATE", update)));
        type.addField(constant("FIND_BY_ID", sql.findById()));
        type.addField(constant("FIND_ALL_AFTER", sql.findAllAfter()));
        type.addField(constant("FIND_ALL", sql.findAll()));
        type.addField(constant("COUNT", sql.count()));
        type.addField(constant("EXISTS_BY_ID", sql.existsById()));
        type.addField(constant("DELETE_BY_ID", sql.deleteById()));
        sql.acrossTenants().ifPresent(across -> addAcrossTenants(type, across));
        for (EntitySql.Upsert upsert : sql.upserts()) {
            type.addField(constant(upsert.constant(), upsert.statement()));
        }
        sql.deleteVersioned().ifPresent(delete -> type.addField(constant("DELETE_VERSIONED", delete)));
        sql.currentVersion().ifPresent(current -> type.addField(constant("CURRENT_VERSION", current)));
        sql.history().ifPresent(history -> {
            type.addField(constant("HISTORY", history.versions()));
            type.addField(constant("HISTORY_AS_OF", history.asOf()));
            type.addField(constant("HISTORY_BETWEEN", history.between()));
            type.addField(constant("HISTORY_IN_TRANSACTION", history.inTransaction()));
            history.allAsOf().ifPresent(all -> type.addField(constant("HISTORY_ALL_AS_OF", all)));
            history.allAsOfAfter().ifPresent(all -> type.addField(constant("HISTORY_ALL_AS_OF_AFTER", all)));
        });
        if (!dao.usesGeneratedKeys()) {
            return;     // every write returns its row from its own SQL
        }
        CodeBlock columns = sql.returnedColumns().stream()
                .map(c -> CodeBlock.of("$S", c))
                .collect(CodeBlock.joining(", ", "{", "}"));
        type.addField(FieldSpec.builder(ArrayTypeName.of(String.class), "RETURNED_COLUMNS",
                        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(sql.insertedColumns().size() < sql.returnedColumns().size()
                        ? "The columns {@code update} reads back, in the order of {@link #map}.\n"
                        : "The columns {@code insert} and {@code update} read back, in the order of {@link #map}.\n")
                .initializer(columns)
                .build());
        if (sql.insertedColumns().size() < sql.returnedColumns().size()) {
            type.addField(FieldSpec.builder(ArrayTypeName.of(String.class), "INSERTED_COLUMNS",
                            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The columns {@code insert} reads back (what the database fills in, or may store other than written),\n"
                            + "in the order {@code asInserted} reads them.\n")
                    .initializer(sql.insertedColumns().stream()
                            .map(c -> CodeBlock.of("$S", c))
                            .collect(CodeBlock.joining(", ", "{", "}")))
                    .build());
        }
    }
}

package dev.tenantdao.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.tenantdao.processor.sql.SoftDeleteSql;
import dev.tenantdao.processor.sql.Statement;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The methods a {@code @SoftDelete} entity's DAO adds (an entity's, a subtype's, a hierarchy root's):
 * {@code restore(id)}, {@code findDeletedById(id)}, {@code findAllDeleted(limit, offset)} and {@code
 * purge(id)}, and their SQL constants. The reads are the DAO's own generators, run on deleted rows.
 */
final class SoftDeleteMethods {

    private final DaoContext dao;
    private final SoftDeleteSql sql;

    SoftDeleteMethods(DaoContext dao, SoftDeleteSql sql) {
        this.dao = dao;
        this.sql = sql;
    }

    void addConstants(TypeSpec.Builder type) {
        type.addField(SqlConstants.constant("RESTORE", sql.restore()));
        type.addField(SqlConstants.constant("FIND_DELETED_BY_ID", sql.findDeletedById()));
        type.addField(SqlConstants.constant("FIND_ALL_DELETED", sql.findAllDeleted()));
        type.addField(SqlConstants.constant("PURGE", sql.purge()));
    }

    List<MethodSpec> methods() {
        return List.of(
                byId("restore", "RESTORE", sql.restore(), "Restores the deleted {@code $L} with {@code id}$L: it is live again.\n\n"
                        + "@return whether a row was restored; false when no deleted one exists$L\n"),
                new FindByIdMethod(dao).method(sql.findDeletedById(), "findDeletedById", "FIND_DELETED_BY_ID", " deleted"),
                new FindAllMethod(dao).method(sql.findAllDeleted(), "findAllDeleted", "FIND_ALL_DELETED", " deleted"),
                byId("purge", "PURGE", sql.purge(), "Removes the {@code $L} with {@code id}$L for good, deleted or not.\n\n"
                        + "@return whether a row was removed; false when none exists$L\n"));
    }

    /** {@code boolean <name>(id)}: one change to the row with the id, reported as whether it met one. */
    private MethodSpec byId(String name, String constant, Statement statement, String javadoc) {
        Locals locals = new Locals(dao);
        CodeBlock work = CodeBlock.builder()
                .add(dao.binder().bind(statement, "id", locals))
                .add(dao.statements().returnDeleted())
                .build();
        return MethodSpec.methodBuilder(name)
                .addJavadoc(javadoc, dao.name(), dao.inTenant(), dao.inTenant())
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addParameter(dao.idType(), "id")
                .addCode(dao.requireNonNullId("id"))
                .addCode(dao.tenant().preamble())
                .addCode(dao.statements().withStatement(name, constant, false, work))
                .build();
    }
}

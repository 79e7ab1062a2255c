package dev.tenantdao.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.tenantdao.processor.sql.Statement;
import javax.lang.model.element.Modifier;

/** {@code findAll(limit, offset)}: offset paging in id order. */
final class FindAllMethod {

    private final DaoContext dao;

    FindAllMethod(DaoContext dao) {
        this.dao = dao;
    }

    MethodSpec method(Statement statement) {
        return method(statement, "findAll", "FIND_ALL", "");
    }

    /** The same method as {@code name}, running {@code constant}; {@code which} qualifies the rows ({@code " deleted"}). */
    MethodSpec method(Statement statement, String name, String constant, String which) {
        Locals locals = new Locals(dao);
        CodeBlock work = CodeBlock.builder()
                .add(dao.binder().bind(statement, null, locals))
                .add(dao.statements().returnList())
                .build();
        return MethodSpec.methodBuilder(name)
                .addJavadoc("Offset paging: at most {@code limit}$L rows$L in id order, skipping the first {@code offset}.\n"
                        + (which.isEmpty() ? "Prefer {@link #findAllAfter} for deep pages.\n" : ""), which, dao.inTenant())
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(Types.LIST, dao.type()))
                .addParameter(int.class, "limit")
                .addParameter(long.class, "offset")
                .addCode(DaoContext.requireNotNegative("limit"))
                .addCode(DaoContext.requireNotNegative("offset"))
                .addCode(dao.tenant().preamble())
                .addCode(dao.statements().withStatement(name, constant, false, work))
                .build();
    }
}

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
        Locals locals = new Locals(dao);
        CodeBlock work = CodeBlock.builder()
                .add(dao.binder().bind(statement, null, locals))
                .add(dao.statements().returnList())
                .build();
        return MethodSpec.methodBuilder("findAll")
                .addJavadoc("Offset paging: at most {@code limit} rows$L in id order, skipping the first {@code offset}.\n"
                        + "Prefer {@link #findAllAfter} for deep pages.\n", dao.inTenant())
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(Types.LIST, dao.type()))
                .addParameter(int.class, "limit")
                .addParameter(long.class, "offset")
                .addCode(DaoContext.requireNotNegative("limit"))
                .addCode(DaoContext.requireNotNegative("offset"))
                .addCode(dao.tenant().preamble())
                .addCode(dao.statements().withStatement("findAll", "FIND_ALL", false, work))
                .build();
    }
}

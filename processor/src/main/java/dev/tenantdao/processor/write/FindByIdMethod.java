package dev.tenantdao.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.tenantdao.processor.sql.Statement;
import javax.lang.model.element.Modifier;

/** {@code findById(id)}: the row with the id, or empty. */
final class FindByIdMethod {

    private final DaoContext dao;

    FindByIdMethod(DaoContext dao) {
        this.dao = dao;
    }

    MethodSpec method(Statement statement) {
        return method(statement, "findById", "FIND_BY_ID", "");
    }

    /** The same method as {@code name}, running {@code constant}; {@code which} qualifies the row ({@code " deleted"}). */
    MethodSpec method(Statement statement, String name, String constant, String which) {
        Locals locals = new Locals(dao);
        CodeBlock work = CodeBlock.builder()
                .add(dao.binder().bind(statement, "id", locals))
                .add(dao.statements().openRows())
                .add(dao.hooks().returnFirstLoaded())
                .endControlFlow()
                .build();
        return MethodSpec.methodBuilder(name)
                .addJavadoc("The$L {@code $L} with {@code id}$L, or empty.\n", which, dao.name(), dao.inTenant())
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(Types.OPTIONAL, dao.type()))
                .addParameter(dao.idType(), "id")
                .addCode(dao.requireNonNullId("id"))
                .addCode(dao.tenant().preamble())
                .addCode(dao.statements().withStatement(name, constant, false, work))
                .build();
    }
}

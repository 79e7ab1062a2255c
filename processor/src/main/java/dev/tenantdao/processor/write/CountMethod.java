package dev.tenantdao.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.tenantdao.processor.sql.Statement;
import javax.lang.model.element.Modifier;

/** {@code count()}: the number of rows. */
final class CountMethod {

    private final DaoContext dao;

    CountMethod(DaoContext dao) {
        this.dao = dao;
    }

    MethodSpec method(Statement statement) {
        Locals locals = new Locals(dao);
        CodeBlock work = CodeBlock.builder()
                .add(dao.binder().bind(statement, null, locals))
                .add(dao.statements().openRows())
                .addStatement("rows.next()")
                .add(StatementCode.oneRow())
                .addStatement("return rows.getLong(1)")
                .endControlFlow()
                .build();
        return MethodSpec.methodBuilder("count")
                .addJavadoc("The number of {@code $L} rows$L.\n", dao.name(), dao.inTenant())
                .addModifiers(Modifier.PUBLIC)
                .returns(long.class)
                .addCode(dao.tenant().preamble())
                .addCode(dao.statements().withStatement("count", "COUNT", false, work))
                .build();
    }
}

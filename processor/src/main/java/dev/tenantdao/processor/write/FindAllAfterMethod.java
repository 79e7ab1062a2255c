package dev.tenantdao.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.tenantdao.processor.sql.Statement;
import javax.lang.model.element.Modifier;

/** {@code findAllAfter(afterId, limit)}: keyset paging in id order. */
final class FindAllAfterMethod {

    private final DaoContext dao;

    FindAllAfterMethod(DaoContext dao) {
        this.dao = dao;
    }

    MethodSpec method(Statement statement) {
        Locals locals = new Locals(dao);
        boolean primitiveId = dao.id().type().getKind().isPrimitive();
        CodeBlock work = CodeBlock.builder()
                .add(dao.binder().bind(statement, "afterId", locals))
                .add(dao.statements().returnList())
                .build();
        MethodSpec.Builder method = MethodSpec.methodBuilder("findAllAfter")
                .addJavadoc("Keyset paging: at most {@code limit} rows$L whose id is greater than {@code afterId},\n"
                        + "in id order. Pass the last id of a page to get the next one$L.\n", dao.inTenant(),
                        primitiveId ? "" : "; a null {@code afterId} starts at the first row")
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(Types.LIST, dao.type()))
                .addParameter(dao.idType(), "afterId")
                .addParameter(int.class, "limit");
        if (!primitiveId) {
            method.beginControlFlow("if (afterId == null)")
                    .addStatement("return findAll(limit, 0)")
                    .endControlFlow();
        }
        return method
                .addCode(DaoContext.requireNotNegative("limit"))
                .addCode(dao.tenant().preamble())
                .addCode(dao.statements().withStatement("findAllAfter", "FIND_ALL_AFTER", false, work))
                .build();
    }
}

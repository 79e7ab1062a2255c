package dev.tenantdao.testkit.junit;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.testkit.Postgres;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link TenantdaoTest}: prepares the annotated class's schema once (in the root
 * context's store, so {@code @Nested} classes share it) and resolves {@code Database}, {@code
 * DataSource} and {@link TestSchema} parameters.
 */
public final class TenantdaoExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TenantdaoExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        schema(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Database.class || type == DataSource.class || type == TestSchema.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestSchema schema = schema(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == Database.class) {
            return schema.database();
        }
        if (type == DataSource.class) {
            return schema.dataSource();
        }
        if (type == TestSchema.class) {
            return schema;
        }
        throw new ParameterResolutionException("@TenantdaoTest resolves no " + type.getName());
    }

    /** The schema of the class carrying {@code @TenantdaoTest} (this test class or one enclosing it), made once. */
    private static TestSchema schema(ExtensionContext context) {
        Class<?> annotated = annotatedClass(context.getRequiredTestClass());
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        synchronized (TenantdaoExtension.class) {
            TestSchema schema = store.get(annotated, TestSchema.class);
            if (schema == null) {
                schema = prepare(annotated, annotated.getAnnotation(TenantdaoTest.class));
                store.put(annotated, schema);
            }
            return schema;
        }
    }

    private static Class<?> annotatedClass(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            if (type.isAnnotationPresent(TenantdaoTest.class)) {
                return type;
            }
        }
        throw new ExtensionConfigurationException(testClass.getName() + " (nor a class enclosing it) is not @TenantdaoTest:"
                + " TenantdaoExtension needs it to know its entities");
    }

    private static TestSchema prepare(Class<?> annotated, TenantdaoTest test) {
        String name = test.schema().isEmpty() ? schemaName(annotated) : test.schema();
        Postgres postgres = Postgres.shared();
        DataSource owner = postgres.freshSchema(name);
        Schema.create(owner, test.entities());
        DataSource dataSource = test.role().isEmpty() ? owner : postgres.applicationRole(test.role(), name);
        return new TestSchema(name, owner, dataSource, new Database(dataSource));
    }

    /** {@code InvoiceServiceTest}: {@code invoice_service_test}; a nested class's name after its enclosing ones'. */
    static String schemaName(Class<?> type) {
        String simple = type.getName().substring(type.getPackageName().isEmpty() ? 0 : type.getPackageName().length() + 1)
                .replace('$', '_');
        String snake = simple.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (!Character.isLetter(snake.charAt(0))) {
            snake = "t_" + snake;
        }
        return snake.length() > 63 ? snake.substring(0, 63) : snake;
    }
}

package dev.tenantdao.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/** The classes a test compilation produced, loaded, to read the values generated code holds. */
final class GeneratedClasses {

    private GeneratedClasses() {}

    /** The value of the {@code static final String} {@code field} of generated class {@code className}. */
    static String constant(Compilation compilation, String className, String field) {
        try {
            Field constant = load(compilation, className).getDeclaredField(field);
            constant.setAccessible(true);
            return (String) constant.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no constant " + field + " in " + className, e);
        }
    }

    private static Class<?> load(Compilation compilation, String className) throws ClassNotFoundException {
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String path = file.toUri().getPath();
            String name = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(),
                    path.length() - ".class".length()).replace('/', '.');
            try (InputStream in = file.openInputStream()) {
                classes.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ClassLoader loader = new ClassLoader(GeneratedClasses.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        return Class.forName(className, false, loader);
    }
}

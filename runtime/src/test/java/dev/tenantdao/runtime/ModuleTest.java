package dev.tenantdao.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The runtime is a named module: it exports the API and what generated code calls, and nothing else;
 * an application module compiled against it can use the first two and cannot reach the rest.
 */
class ModuleTest {

    private static Path runtimeClasses() throws URISyntaxException {
        return Path.of(Database.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void exportsTheApiAndWhatGeneratedCodeCallsOnly() throws Exception {
        ModuleDescriptor descriptor;
        try (var in = Files.newInputStream(runtimeClasses().resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertEquals("dev.tenantdao.runtime", descriptor.name());
        assertEquals(Set.of("dev.tenantdao.runtime", "dev.tenantdao.runtime.internal"),
                descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
        assertTrue(Files.exists(runtimeClasses().resolve("dev/tenantdao/runtime/access/DatabaseAccess.class")),
                "access is in the module, unexported");
    }

    @Test
    void anApplicationModuleReachesTheApiButNotTheRuntimesInsides() throws Exception {
        Path root = Files.createTempDirectory("tenantdao-module-test");
        Path app = Files.createDirectories(root.resolve("src/com/example/app"));
        Files.writeString(root.resolve("src/module-info.java"),
                "module com.example.app { requires dev.tenantdao.runtime; }\n");
        Files.writeString(app.resolve("Uses.java"), "package com.example.app;\n"
                + "public class Uses {\n"
                + "    public static Object api(javax.sql.DataSource ds) { return new dev.tenantdao.runtime.Database(ds); }\n"
                + "    public static Class<?> generated() { return dev.tenantdao.runtime.internal.DaoSupport.class; }\n"
                + "}\n");
        Files.writeString(app.resolve("Reaches.java"), "package com.example.app;\n"
                + "public class Reaches {\n"
                + "    public static Object access() { return dev.tenantdao.runtime.access.DatabaseAccess.get(); }\n"
                + "}\n");
        assertEquals("", compile(root, "Uses.java"), "the API and what generated code calls are exported");
        String error = compile(root, "Reaches.java");
        assertTrue(error.contains("dev.tenantdao.runtime.access") && error.contains("not visible")
                || error.contains("does not export"), error);
        assertFalse(error.isEmpty());
    }

    /** Compiles the application module with {@code file}; the compiler's errors, or empty. */
    private static String compile(Path root, String file) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String modulePath = Stream.concat(Stream.of(runtimeClasses().toString()),
                        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                                .filter(entry -> entry.contains("tenantdao-annotations") || entry.contains("annotations/target")
                                        || entry.contains("jakarta.inject")))
                .collect(Collectors.joining(File.pathSeparator));
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        List<String> arguments = List.of("-d", Files.createDirectories(root.resolve("out-" + file)).toString(),
                "--module-path", modulePath,
                root.resolve("src/module-info.java").toString(),
                root.resolve("src/com/example/app/" + file).toString());
        int status = javac.run(null, errors, errors, arguments.toArray(String[]::new));
        return status == 0 ? "" : errors.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}

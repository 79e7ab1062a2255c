package dev.tenantdao.flyway.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.tenantdao.processor.TenantDaoProcessor;
import dev.tenantdao.testkit.Catalog;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** A library chain's builds, as its developers run them: compile, the schema folder, Flyway, catalogs. */
final class Trial {

    private Trial() {}

    private static final Pattern TYPE = Pattern.compile(
            "public (?:(?:sealed|non-sealed|abstract|final|static) )*(?:record|class|enum|interface) (\\w+)");

    static JavaFileObject[] files(String... sources) {
        JavaFileObject[] files = new JavaFileObject[sources.length];
        for (int i = 0; i < sources.length; i++) {
            Matcher matcher = TYPE.matcher(sources[i]);
            String name = sources[i].contains("\npackage lib;") && !matcher.find() ? "package-info" : null;
            if (name == null) {
                matcher = TYPE.matcher(sources[i]);
                if (!matcher.find()) {
                    throw new IllegalArgumentException("no public type in " + sources[i]);
                }
                name = matcher.group(1);
            }
            files[i] = JavaFileObjects.forSourceString("lib." + name, sources[i]);
        }
        return files;
    }

    static Compilation build(Path dir, List<String> options, String... sources) {
        return build(dir, options, null, sources);
    }

    static Compilation build(Path dir, List<String> options, List<File> classpath, String... sources) {
        List<String> all = new ArrayList<>(options);
        all.add("-Atenantdao.schema.dir=" + dir);
        Compiler compiler = Compiler.javac().withProcessors(new TenantDaoProcessor()).withOptions(all);
        if (classpath != null) {
            List<File> path = new ArrayList<>(classpath);
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                path.add(new File(entry));
            }
            compiler = compiler.withClasspath(path);
        }
        return compiler.compile(files(sources));
    }

    /** A build that must succeed. */
    static Compilation ok(Path dir, List<String> options, String... sources) {
        Compilation compilation = build(dir, options, sources);
        assertEquals(List.of(), errors(compilation));
        return compilation;
    }

    static Compilation ok(Path dir, String... sources) {
        return ok(dir, List.of(), sources);
    }

    static List<String> errors(Compilation compilation) {
        return compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getLineNumber() + ":" + d.getColumnNumber() + ": " + d.getMessage(Locale.ROOT)).toList();
    }

    static List<String> notes(Compilation compilation) {
        return compilation.diagnostics().stream().filter(d -> d.getKind() != Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    static String entity(String body) {
        return "package lib;\nimport dev.tenantdao.annotations.*;\nimport java.math.BigDecimal;\nimport java.time.*;\n"
                + body + "\n";
    }

    /** Writes every class-output file of {@code compilation} under {@code dir} (a class path entry). */
    static Path classOutput(Compilation compilation, Path dir) {
        try {
            for (JavaFileObject file : compilation.generatedFiles()) {
                String uri = file.toUri().getPath();
                String marker = "/CLASS_OUTPUT/";
                int at = uri.indexOf(marker);
                if (at < 0) {
                    continue;
                }
                Path target = dir.resolve(uri.substring(at + marker.length()));
                Files.createDirectories(target.getParent());
                try (InputStream in = file.openInputStream()) {
                    Files.write(target, in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Runs {@code body} with the compilation's schema model on the context class path, as an application's jar has it. */
    static <T> T withModel(Compilation compilation, Path dir, Callable<T> body) throws Exception {
        classOutput(compilation, dir);
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, Trial.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            return body.call();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** Every generated DDL resource of the build, less the strategy line. */
    static List<String> ddl(Compilation compilation) {
        List<String> ddl = new ArrayList<>();
        try {
            for (JavaFileObject file : compilation.generatedFiles()) {
                if (file.toUri().getPath().contains("META-INF/tenantdao/ddl/")) {
                    String text = file.getCharContent(false).toString();
                    ddl.add(text.substring(text.indexOf('\n') + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ddl;
    }

    /** The DDL of every entity run in {@code fresh}, referenced tables first (retried until all pass). */
    static void createFromDdl(DataSource fresh, List<String> ddl) throws SQLException {
        List<String> pending = new ArrayList<>(ddl);
        SQLException last = null;
        while (!pending.isEmpty()) {
            List<String> failed = new ArrayList<>();
            for (String sql : pending) {
                try (Connection connection = fresh.getConnection(); Statement statement = connection.createStatement()) {
                    connection.setAutoCommit(false);
                    statement.execute(sql);
                    connection.commit();
                } catch (SQLException e) {
                    failed.add(sql);
                    last = e;
                }
            }
            if (failed.size() == pending.size()) {
                throw last;
            }
            pending = failed;
        }
    }

    static void execute(DataSource dataSource, String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    static List<String> rows(DataSource dataSource, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(result.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    /** The catalog lines of {@code migrated} and of {@code fresh} that differ, each side marked. */
    static List<String> catalogDifference(DataSource migrated, String migratedSchema, DataSource fresh, String freshSchema)
            throws SQLException {
        List<String> a = Catalog.of(migrated, migratedSchema);
        List<String> b = Catalog.of(fresh, freshSchema);
        List<String> difference = new ArrayList<>();
        a.stream().filter(l -> !b.contains(l)).forEach(l -> difference.add("migrated only: " + l));
        b.stream().filter(l -> !a.contains(l)).forEach(l -> difference.add("fresh only:    " + l));
        return difference;
    }

    static List<String> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static String migration(Path folder, int version) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            Path file = list.filter(p -> p.getFileName().toString().startsWith("V" + version + "__")).findFirst()
                    .orElseThrow(() -> new AssertionError("no V" + version + " in " + folder));
            return Files.readString(file);
        }
    }
}

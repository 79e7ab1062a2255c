package dev.tenantdao.processor;

import static dev.tenantdao.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Gradle's incremental annotation processing (README: Gradle). The processor's jar (here its classes
 * directory, as built) declares every processor of {@code META-INF/services} in {@code
 * META-INF/gradle/incremental.annotation.processors} with a category Gradle knows, read as Gradle reads
 * it; the aggregating processor's annotations all have class or runtime retention (Gradle falls back
 * to full recompilation on a source-retention one); and, run in a wrapped processing environment as
 * Gradle runs it (no javac {@code Trees}), the processor writes the same files, each naming the
 * elements it was generated from.
 */
class IncrementalProcessingTest {

    private static final String SERVICES = "META-INF/services/javax.annotation.processing.Processor";
    private static final String GRADLE = "META-INF/gradle/incremental.annotation.processors";
    private static final Set<String> CATEGORIES = Set.of("isolating", "aggregating", "dynamic");

    /** Where the processor's classes were loaded from: the built classes directory or jar. */
    private static Path built() throws URISyntaxException {
        return Path.of(TenantDaoProcessor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The lines of {@code resource} in the built processor, without {@code #} comments and blanks, as Gradle reads them. */
    private static List<String> lines(String resource) throws Exception {
        Path built = built();
        String text;
        if (Files.isDirectory(built)) {
            Path file = built.resolve(resource);
            assertTrue(Files.isRegularFile(file), "no " + resource + " in " + built);
            text = Files.readString(file, StandardCharsets.UTF_8);
        } else {
            try (JarFile jar = new JarFile(built.toFile())) {
                assertNotEquals(null, jar.getEntry(resource), "no " + resource + " in " + built);
                try (InputStream in = jar.getInputStream(jar.getEntry(resource))) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            int comment = line.indexOf('#');
            String kept = (comment >= 0 ? line.substring(0, comment) : line).trim();
            if (!kept.isEmpty()) {
                lines.add(kept);
            }
        }
        return lines;
    }

    @Test
    void everyProcessorOfTheJarIsDeclaredWithACategoryGradleKnows() throws Exception {
        List<String> processors = lines(SERVICES);
        Map<String, String> declared = new LinkedHashMap<>();
        for (String line : lines(GRADLE)) {
            String[] parts = line.split(",", -1);
            assertEquals(2, parts.length, "not 'class,category': " + line);
            assertEquals(parts[0], parts[0].strip(), "Gradle does not trim the class name: " + line);
            assertTrue(CATEGORIES.contains(parts[1].toLowerCase(Locale.ROOT)), "not a category: " + line);
            assertEquals(null, declared.put(parts[0], parts[1].toLowerCase(Locale.ROOT)), "declared twice: " + parts[0]);
        }
        assertEquals(new TreeMap<>(Map.of(
                        TenantDaoProcessor.class.getName(), "aggregating",
                        GeneratedDaoAnnotations.class.getName(), "isolating")),
                new TreeMap<>(declared));
        assertEquals(Set.copyOf(processors), declared.keySet(), "every processor of " + SERVICES + ", none other");
        for (String processor : processors) {
            assertTrue(Processor.class.isAssignableFrom(Class.forName(processor)), processor);
        }
    }

    /**
     * Gradle makes the next build a full recompilation when an aggregating processor is handed a
     * source-retention annotation: every annotation TenantDaoProcessor supports has class or runtime
     * retention (ours, and Jakarta Data's repository annotations).
     */
    @Test
    void theAggregatingProcessorsAnnotationsAreNotSourceRetained() throws Exception {
        Set<String> supported = new TenantDaoProcessor().getSupportedAnnotationTypes();
        assertEquals(Set.of("dev.tenantdao.annotations.*", "jakarta.data.repository.*"), supported);
        List<Class<?>> annotations = new ArrayList<>();
        annotations.addAll(annotationsBeside(dev.tenantdao.annotations.Entity.class));
        annotations.addAll(annotationsBeside(jakarta.data.repository.Repository.class));
        assertTrue(annotations.size() > 30, annotations::toString);
        for (Class<?> annotation : annotations) {
            Retention retention = annotation.getAnnotation(Retention.class);
            // (no @Retention means CLASS)
            assertTrue(retention == null || retention.value() != RetentionPolicy.SOURCE, annotation.getName());
        }
    }

    /** Every annotation type of {@code sample}'s package (and its subpackages), from its jar or classes directory. */
    private static List<Class<?>> annotationsBeside(Class<?> sample) throws Exception {
        Path location = Path.of(sample.getProtectionDomain().getCodeSource().getLocation().toURI());
        String prefix = sample.getPackageName().replace('.', '/') + "/";
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location.resolve(prefix))) {
                files.map(p -> location.relativize(p).toString().replace('\\', '/')).forEach(names::add);
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(prefix)).forEach(names::add);
            }
        }
        List<Class<?>> annotations = new ArrayList<>();
        for (String name : names) {
            if (name.endsWith(".class") && !name.endsWith("module-info.class") && !name.endsWith("package-info.class")) {
                Class<?> type = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'));
                if (type.isAnnotation()) {
                    annotations.add(type);
                }
            }
        }
        return annotations;
    }

    @Test
    void inAWrappedEnvironmentEveryFileNamesTheElementsItWasGeneratedFrom() throws IOException {
        Recording recording = new Recording();
        Compilation c = Sources.compile(recording, List.of(),
                source("t.package-info", "@dev.tenantdao.annotations.Tenanted", "package t;"),
                source("t.Item", "package t;", "import dev.tenantdao.annotations.*;",
                        "@Entity", "public record Item(@Id long id, @Column(nullable = false) String name) {}"),
                source("t.Tag", "package t;", "import dev.tenantdao.annotations.*;",
                        "@Entity", "public record Tag(@Id long id, @References(Item.class) long itemId) {}"),
                source("t.Items", "package t;", "import dev.tenantdao.annotations.*;",
                        "import jakarta.data.repository.*;",
                        "@Repository",
                        "public interface Items extends DataRepository<Item, Long> {",
                        "    @CrossTenant(reason = \"operators' totals\") @Sql(\"SELECT count(*) FROM item\")",
                        "    long countAll();",
                        "}"));
        assertEquals(List.of(), Sources.diagnostics(c));
        assertEquals(Compilation.Status.SUCCESS, c.status());
        Map<String, List<String>> expected = new TreeMap<>(Map.of(
                "t.ItemDao", List.of("t.Item"),
                "t.TagDao", List.of("t.Tag"),
                "t.ItemsImpl", List.of("t.Items", "t.Item"),
                "META-INF/tenantdao/ddl/t.Item.sql", List.of("t.Item"),
                "META-INF/tenantdao/ddl/t.Tag.sql", List.of("t.Tag"),
                "META-INF/tenantdao/daos", List.of("t.Item", "t.Tag", "t.Items"),
                "META-INF/tenantdao/cross-tenant.txt", List.of("t.Items"),
                "META-INF/tenantdao/schema.json", List.of("t.Item", "t.Tag")));
        assertEquals(expected, new TreeMap<>(recording.files));
        assertTrue(c.generatedSourceFile("t.ItemDao").isPresent());
    }

    /**
     * TenantDaoProcessor behind a processing environment that is not javac's (as Gradle's incremental
     * compiler wraps it: javac's {@code Trees} refuse it), whose Filer records each file created and the
     * top-level types of its originating elements.
     */
    private static final class Recording extends AbstractProcessor {
        private final TenantDaoProcessor processor = new TenantDaoProcessor();
        final Map<String, List<String>> files = new LinkedHashMap<>();

        @Override
        public synchronized void init(ProcessingEnvironment environment) {
            super.init(environment);
            processor.init(new Wrapped(environment, new RecordingFiler(environment.getFiler())));
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return processor.getSupportedAnnotationTypes();
        }

        @Override
        public Set<String> getSupportedOptions() {
            return processor.getSupportedOptions();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return processor.getSupportedSourceVersion();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return processor.process(annotations, round);
        }

        private void record(String file, Element... originating) {
            List<String> types = new ArrayList<>();
            for (Element element : originating) {
                Element top = element;
                while (top.getEnclosingElement() instanceof TypeElement enclosing) {
                    top = enclosing;
                }
                types.add(((TypeElement) top).getQualifiedName().toString());
            }
            files.put(file, types.stream().distinct().toList());
        }

        private final class RecordingFiler implements Filer {
            private final Filer filer;

            RecordingFiler(Filer filer) {
                this.filer = filer;
            }

            @Override
            public JavaFileObject createSourceFile(CharSequence name, Element... originating) throws IOException {
                record(name.toString(), originating);
                return filer.createSourceFile(name, originating);
            }

            @Override
            public JavaFileObject createClassFile(CharSequence name, Element... originating) throws IOException {
                record(name.toString(), originating);
                return filer.createClassFile(name, originating);
            }

            @Override
            public FileObject createResource(JavaFileManager.Location location, CharSequence pkg, CharSequence name,
                    Element... originating) throws IOException {
                assertEquals(javax.tools.StandardLocation.CLASS_OUTPUT, location, "the only location Gradle tracks here");
                record(name.toString(), originating);
                return filer.createResource(location, pkg, name, originating);
            }

            @Override
            public FileObject getResource(JavaFileManager.Location location, CharSequence pkg, CharSequence name)
                    throws IOException {
                return filer.getResource(location, pkg, name);
            }
        }
    }

    /** A processing environment that is not javac's, with another Filer. */
    private record Wrapped(ProcessingEnvironment environment, Filer filer) implements ProcessingEnvironment {
        @Override
        public Map<String, String> getOptions() {
            return environment.getOptions();
        }

        @Override
        public Messager getMessager() {
            return environment.getMessager();
        }

        @Override
        public Filer getFiler() {
            return filer;
        }

        @Override
        public Elements getElementUtils() {
            return environment.getElementUtils();
        }

        @Override
        public Types getTypeUtils() {
            return environment.getTypeUtils();
        }

        @Override
        public SourceVersion getSourceVersion() {
            return environment.getSourceVersion();
        }

        @Override
        public Locale getLocale() {
            return environment.getLocale();
        }
    }

    @Test
    void javacsTreesRefuseTheWrappedEnvironment() {
        // what the test above relies on to run the processor as under Gradle: its fallback without Trees
        ProcessingEnvironment[] seen = new ProcessingEnvironment[1];
        Compilation c = Sources.compile(new AbstractProcessor() {
            @Override
            public Set<String> getSupportedAnnotationTypes() {
                return Set.of("*");
            }

            @Override
            public SourceVersion getSupportedSourceVersion() {
                return SourceVersion.latestSupported();
            }

            @Override
            public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
                seen[0] = processingEnv;
                return false;
            }
        }, List.of("-Xlint:-processing"), source("t.A", "package t;", "class A {}"));
        assertEquals(Compilation.Status.SUCCESS, c.status());
        ProcessingEnvironment wrapped = new Wrapped(seen[0], seen[0].getFiler());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> com.sun.source.util.Trees.instance(wrapped));
    }
}

package dev.tenantdao.samples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the README's excerpts of generated code (and of sample sources) true: a fenced code block
 * in {@code README.md} preceded by
 *
 * <pre>{@code <!-- excerpt: samples/target/generated-sources/annotations/dev/tenantdao/samples/invoicing/InvoiceDao.java -->}</pre>
 *
 * on the line right before its fence is an excerpt of that file (a path relative to the project
 * root): every non-blank line of the block, except lines that are only {@code ...}, must occur in the
 * file in the same order, compared after stripping leading and trailing white space. An excerpt may
 * skip lines of the file, never change or reorder them.
 *
 * <p>The generated files exist because this module's compile and test-compile ran the processor
 * before the tests: main entities' DAOs in {@code samples/target/generated-sources/annotations},
 * test entities' in {@code samples/target/generated-test-sources/test-annotations}, DDL in
 * {@code samples/target/classes/META-INF/tenantdao/ddl} (and {@code test-classes}). A marked file that
 * does not exist is a failure, never a skip.
 */
class ReadmeExcerptsTest {

    /** The marker, alone on its line (indentation allowed, for blocks in list items). */
    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*excerpt:\\s*(\\S+)\\s*-->\\s*$");
    /**
     * A line that starts like a marker, to catch a malformed or misplaced one instead of silently not
     * checking its block (prose that mentions the marker in backticks does not start with it).
     */
    private static final Pattern MARKER_LIKE = Pattern.compile("^\\s*<!--\\s*excerpts?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,}).*$");
    private static final String ELISION = "...";

    private static final Path ROOT = projectRoot();
    private static final Path README = ROOT.resolve("README.md");

    /** One marked block: where it is in the README, the file it quotes, its lines (README line numbers, 1-based). */
    record Excerpt(int markerLine, String file, List<Integer> lineNumbers, List<String> lines) {}

    /** A marker not right before a fence, a marker-like comment that is not a marker, an unclosed block. */
    record Problem(int line, String message) {}

    @Test
    void theReadmeHasMarkedExcerptsAndEveryMarkerIsWellFormed() {
        Parsed parsed = parse(readmeLines());
        assertFalse(parsed.excerpts().isEmpty(),
                "README.md has no marked excerpt (<!-- excerpt: path --> on the line before a code fence);"
                        + " its generated-code examples would no longer be checked");
        List<String> problems = parsed.problems().stream()
                .map(problem -> "README.md line " + problem.line() + ": " + problem.message())
                .toList();
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    @Test
    void everyMarkedFileExists() {
        List<String> missing = new ArrayList<>();
        for (Excerpt excerpt : parse(readmeLines()).excerpts()) {
            if (!Files.isRegularFile(resolve(excerpt.file()))) {
                missing.add("README.md line " + excerpt.markerLine() + ": excerpt of " + excerpt.file()
                        + ", which does not exist (" + resolve(excerpt.file()) + "). Generated files appear after"
                        + " `mvn -pl samples -am test-compile`; a renamed or removed file needs the README updated.");
            }
        }
        if (!missing.isEmpty()) {
            fail(String.join("\n", missing));
        }
    }

    /** One test per marked block, named by its README line and file, so a report names every stale block. */
    @TestFactory
    Stream<DynamicTest> everyExcerptQuotesItsFileInOrder() {
        return parse(readmeLines()).excerpts().stream().map(excerpt -> DynamicTest.dynamicTest(
                "README.md line " + excerpt.markerLine() + ": " + excerpt.file(), () -> check(excerpt)));
    }

    private static void check(Excerpt excerpt) throws IOException {
        Path file = resolve(excerpt.file());
        if (!Files.isRegularFile(file)) {
            fail("README.md line " + excerpt.markerLine() + ": excerpt of " + excerpt.file() + ", which does not exist ("
                    + file + ")");
        }
        List<String> fileLines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).toList();
        List<String> mismatches = new ArrayList<>();
        int next = 0;                 // the first file line (0-based) the next excerpt line may match
        String previous = null;       // the excerpt line matched last, for the message
        for (int i = 0; i < excerpt.lines().size(); i++) {
            String wanted = excerpt.lines().get(i).strip();
            if (wanted.isEmpty() || wanted.equals(ELISION)) {
                continue;
            }
            int found = indexOf(fileLines, wanted, next);
            if (found >= 0) {
                next = found + 1;
                previous = wanted;
                continue;
            }
            // report it and go on with the next line from the same place, so one run names every stale line
            int anywhere = indexOf(fileLines, wanted, 0);
            mismatches.add("README.md line " + excerpt.lineNumbers().get(i) + ":\n"
                    + "      " + wanted + "\n"
                    + (anywhere < 0
                            ? "    is not a line of the file."
                            : "    is line " + (anywhere + 1) + " of the file, but the excerpt needs it after "
                                    + (previous == null ? "the start" : "file line " + next + " (\"" + previous + "\")")
                                    + ": out of order."));
        }
        if (!mismatches.isEmpty()) {
            fail("README.md line " + excerpt.markerLine() + " marks an excerpt of " + excerpt.file()
                    + " that no longer matches it:\n  " + String.join("\n  ", mismatches)
                    + "\n  Update the block in README.md: every non-blank line of it, except '...', must be a line of "
                    + excerpt.file() + ", in the file's order (compared without leading and trailing white space).");
        }
    }

    private static int indexOf(List<String> lines, String wanted, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    record Parsed(List<Excerpt> excerpts, List<Problem> problems) {}

    /** The marked blocks of {@code readme}, and the markers that mark nothing. */
    static Parsed parse(List<String> readme) {
        List<Excerpt> excerpts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int i = 0;
        while (i < readme.size()) {
            String line = readme.get(i);
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                // a block: find its closing fence (same character, at least as long, nothing else on the line)
                String opening = fence.group(1);
                int close = i + 1;
                while (close < readme.size() && !closes(readme.get(close), opening)) {
                    close++;
                }
                if (close == readme.size()) {
                    problems.add(new Problem(i + 1, "a code block that is never closed"));
                }
                Matcher marker = i > 0 ? MARKER.matcher(readme.get(i - 1)) : null;
                if (marker != null && marker.matches()) {
                    List<Integer> numbers = new ArrayList<>();
                    List<String> body = new ArrayList<>();
                    for (int j = i + 1; j < close; j++) {
                        numbers.add(j + 1);
                        body.add(readme.get(j));
                    }
                    if (body.stream().allMatch(b -> b.isBlank() || b.strip().equals(ELISION))) {
                        problems.add(new Problem(i, "a marked excerpt without a line to check"));
                    }
                    excerpts.add(new Excerpt(i, marker.group(1), numbers, body));
                }
                i = close + 1;
                continue;
            }
            if (MARKER_LIKE.matcher(line).find()) {
                boolean beforeFence = i + 1 < readme.size() && FENCE.matcher(readme.get(i + 1)).matches();
                if (!MARKER.matcher(line).matches()) {
                    problems.add(new Problem(i + 1, "not a well-formed marker (expected `<!-- excerpt: path/from/project/root -->`"
                            + " alone on the line before a code fence): " + line.strip()));
                } else if (!beforeFence) {
                    problems.add(new Problem(i + 1, "an excerpt marker must be on the line right before a code fence: "
                            + line.strip()));
                }
            }
            i++;
        }
        for (Excerpt excerpt : excerpts) {
            Path normalized = Path.of(excerpt.file()).normalize();
            if (Path.of(excerpt.file()).isAbsolute() || normalized.startsWith("..")) {
                problems.add(new Problem(excerpt.markerLine(), "the path must be relative to the project root and inside it: "
                        + excerpt.file()));
            }
        }
        return new Parsed(List.copyOf(excerpts), List.copyOf(problems));
    }

    private static boolean closes(String line, String opening) {
        String stripped = line.strip();
        char c = opening.charAt(0);
        if (stripped.length() < opening.length()) {
            return false;
        }
        for (int k = 0; k < stripped.length(); k++) {
            if (stripped.charAt(k) != c) {
                return false;
            }
        }
        return true;
    }

    private static List<String> readmeLines() {
        try {
            return Files.readAllLines(README, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + README, e);
        }
    }

    private static Path resolve(String file) {
        return ROOT.resolve(file).normalize();
    }

    /**
     * The project root: the nearest directory above this class's location
     * ({@code samples/target/test-classes}) or else above the working directory (Maven runs tests in
     * {@code samples/}, IDEs usually too) that holds {@code README.md} and {@code samples/pom.xml}.
     */
    private static Path projectRoot() {
        List<Path> starts = new ArrayList<>();
        try {
            starts.add(Path.of(ReadmeExcerptsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            // no usable class location (not a file): the working directory must do
        }
        starts.add(Path.of("").toAbsolutePath());
        for (Path start : starts) {
            for (Path dir = start.normalize(); dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("README.md")) && Files.isRegularFile(dir.resolve("samples/pom.xml"))) {
                    return dir;
                }
            }
        }
        throw new IllegalStateException("no project root (a directory with README.md and samples/pom.xml) above " + starts);
    }
}

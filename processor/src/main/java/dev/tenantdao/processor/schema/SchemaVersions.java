package dev.tenantdao.processor.schema;

import dev.tenantdao.annotations.internal.schema.SchemaModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The exported schema versions of one stream, in the folder the user commits ({@code
 * -Atenantdao.schema.dir}, then {@code shared/}, {@code schema/} or {@code database/}): {@code
 * <n>.json}, the schema model of version n, and {@code V<n>__<description>.sql}, the Flyway
 * migration to it. A build compares the entities with the latest exported version and, when they
 * differ, writes the next version and its migration; it never rewrites a file that exists. A
 * migration written by hand after the latest version ({@code V<n>} without {@code <n>.json}) is
 * taken to reach the current entities: the build exports the model as its version.
 */
public final class SchemaVersions {

    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.json");

    /** What a build did for one stream. */
    public record Outcome(String stream, int version, Path migration, List<SchemaDiff.Problem> problems, String note) {}

    private final Path folder;
    private final String stream;

    public SchemaVersions(Path root, String stream) {
        this.folder = root.resolve(stream);
        this.stream = stream;
    }

    /**
     * Compares {@code current} (this stream's tables) with the latest version and writes the next
     * one if they differ; nothing is written when a change needs a declaration.
     */
    public Outcome update(SchemaModel current, Declarations declared, String grantTo) {
        return update(current, declared, grantTo, true);
    }

    /** With {@code write} false, only the problems: nothing is written. */
    public Outcome update(SchemaModel current, Declarations declared, String grantTo, boolean write) {
        TreeMap<Integer, Path> versions = files(VERSION);
        TreeMap<Integer, Path> migrations = files(MIGRATION);
        int latestMigration = migrations.isEmpty() ? 0 : migrations.lastKey();
        if (versions.isEmpty()) {
            if (current.tables().isEmpty()) {
                return new Outcome(stream, 0, null, List.of(), null);
            }
            int version = latestMigration + 1;
            if (!write) {
                return new Outcome(stream, 0, null, List.of(), null);
            }
            SchemaDiff.Result create = SchemaDiff.create(current, stream);
            return write(version, current, create, grantTo, 0);
        }
        int latest = versions.lastKey();
        if (latestMigration > latest) {
            if (!write) {
                return new Outcome(stream, latest, null, List.of(), null);
            }
            write(folder.resolve(latestMigration + ".json"), current.toJson());
            return new Outcome(stream, latestMigration, null, List.of(), "took " + migrations.get(latestMigration).getFileName()
                    + ", written after version " + latest + ", to reach the current entities: exported them as version "
                    + latestMigration);
        }
        SchemaModel previous;
        try {
            previous = SchemaModel.fromJson(Files.readString(versions.get(latest), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemaDiff.Result diff = SchemaDiff.between(previous, current, declared, stream);
        if (!diff.problems().isEmpty()) {
            return new Outcome(stream, latest, null, diff.problems(), null);
        }
        if (diff.isEmpty() || !write) {
            return new Outcome(stream, latest, null, List.of(), null);
        }
        return write(latest + 1, current, diff, grantTo, latest);
    }

    private Outcome write(int version, SchemaModel current, SchemaDiff.Result result, String grantTo, int from) {
        StringBuilder sql = new StringBuilder("-- tenantdao: version ").append(version).append(" of the ").append(stream)
                .append(" tables").append(from == 0 ? ", created from nothing" : ", from version " + from).append(".\n")
                .append("-- Generated from the entities; review it and commit it with ").append(version)
                .append(".json. Never edit it once it has run.\n");
        for (String statement : result.statements()) {
            sql.append('\n').append(statement);
        }
        if (grantTo != null) {
            String grants = Grants.of(result.created(), grantTo);
            if (!grants.isEmpty()) {
                sql.append('\n').append(grants);
            }
        }
        Path migration = folder.resolve("V" + version + "__" + result.description() + ".sql");
        write(migration, sql.toString());
        write(folder.resolve(version + ".json"), current.toJson());
        return new Outcome(stream, version, migration, List.of(), null);
    }

    /** The latest exported version, or null. */
    public SchemaModel latest() {
        TreeMap<Integer, Path> versions = files(VERSION);
        if (versions.isEmpty()) {
            return null;
        }
        try {
            return SchemaModel.fromJson(Files.readString(versions.lastEntry().getValue(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every migration of the stream, by version, to copy to the class output for Flyway. */
    public Map<Integer, Path> migrations() {
        return files(MIGRATION);
    }

    private TreeMap<Integer, Path> files(Pattern pattern) {
        TreeMap<Integer, Path> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.toList()) {
                Matcher matcher = pattern.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    files.put(Integer.parseInt(matcher.group(1)), file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

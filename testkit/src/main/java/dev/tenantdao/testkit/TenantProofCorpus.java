package dev.tenantdao.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The corpus of native SQL statements the tenant proof is judged by ({@code tenant-proof-corpus.tsv}
 * beside this class): each statement with its verdict. One place, read by the processor's test of the
 * verdicts and by the samples' test that runs every proven statement on PostgreSQL.
 */
public final class TenantProofCorpus {

    /**
     * One statement of the corpus.
     *
     * @param section the construct it exercises ("joins", "CTEs", ...)
     * @param findings empty when it is proven; else what the proof cannot confine, in order
     * @param error the start of the message of a statement refused before any proof, or null
     */
    public record Statement(String section, String sql, List<String> findings, String error) {
        public boolean proven() {
            return findings.isEmpty() && error == null;
        }
    }

    private TenantProofCorpus() {}

    /** Every statement, in the file's order. */
    public static List<Statement> statements() {
        try (InputStream in = TenantProofCorpus.class.getResourceAsStream("tenant-proof-corpus.tsv")) {
            if (in == null) {
                throw new IllegalStateException("tenant-proof-corpus.tsv is missing beside " + TenantProofCorpus.class);
            }
            List<Statement> all = new ArrayList<>();
            String section = "";
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("## ")) {
                    section = line.substring(3).strip();
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    int tab = line.indexOf('\t');
                    String verdict = line.substring(0, tab);
                    String sql = line.substring(tab + 1);
                    if (verdict.startsWith("error: ")) {
                        all.add(new Statement(section, sql, List.of(), verdict.substring("error: ".length())));
                    } else {
                        all.add(new Statement(section, sql, verdict.equals("proven") ? List.of()
                                : List.of(verdict.split(";")), null));
                    }
                }
            }
            return List.copyOf(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

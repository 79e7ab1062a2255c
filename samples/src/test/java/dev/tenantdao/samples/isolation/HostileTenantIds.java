package dev.tenantdao.samples.isolation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Tenant ids an attacker (or a buggy resolver) might send: quotes, semicolons, SQL and path
 * injection, placeholders, unicode tricks, NUL and control characters, very long, empty and
 * white space, and names of real schemas. At least 1,000 of them, the same ones for a seed.
 */
final class HostileTenantIds {

    private static final List<String> SEEDS = List.of(
            "", " ", "  ", "\t", "\n", "\r\n", "\u0000", "a\u0000b", "\u0007", "\u001b[31m", "\u007f",
            "'", "''", "\"", "\"\"", "`", ";", ";;", "--", "/*", "*/", "#",
            "' OR '1'='1", "' OR 1=1 --", "\"; DROP TABLE row_note; --", "x'); DELETE FROM row_note; --",
            "t0' --", "t0\"; --", "t0; SELECT pg_sleep(1)", "$$", "$1", "?", ":tenant", "%s", "%n", "{schema}",
            "{schema}.x", "\\", "\\'", "../", "../../etc/passwd", "..", ".", "/", "NULL", "null", "DEFAULT",
            "public", "pg_catalog", "information_schema", "pg_toast", "iso_t0", "tenant_t0", "t0 ", " t0",
            "T0", "t0\u200b", "\u200bt0", "t\u00A00", "\uFEFFt0", "t0\u202e", "\u202Eevil", "e\u0301",
            "\u00e9", "租户", "テナント", "арендатор", "Ωmega", "ünïcödé", "🚀", "👩‍💻", "\uD83D", "ｔ０",
            "x".repeat(63), "x".repeat(64), "x".repeat(128), "x".repeat(129), "x".repeat(5000),
            "a b", "a\tb", "a,b", "a=b", "a&b", "a|b", "a>b", "<script>", "${jndi:ldap://x}",
            "0", "-1", "9223372036854775808", "1e9", "0x10", "true", "00000000-0000-0000-0000-000000000000");

    private HostileTenantIds() {}

    static List<String> generate(long seed) {
        Random random = new Random(seed);
        Set<String> ids = new LinkedHashSet<>(SEEDS);
        for (String a : SEEDS) {
            ids.add("t1" + a);
            ids.add(a + "t1");
            ids.add(a + a);
        }
        List<String> seeds = new ArrayList<>(SEEDS);
        while (ids.size() < 1_200) {
            String a = seeds.get(random.nextInt(seeds.size()));
            String b = seeds.get(random.nextInt(seeds.size()));
            ids.add(a + random.nextInt(1000) + b);
        }
        return List.copyOf(ids);
    }
}

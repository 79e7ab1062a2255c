package dev.tenantdao.runtime;

import java.util.List;

/**
 * The live database does not match the tables the entities were compiled for (see
 * {@link Database#verify()} and {@link Database#verifyTenant(String)}): missing tables or columns,
 * other types, nullability or primary keys, row-level security not enabled, not forced or with
 * another policy, missing append-only triggers, or a connecting role that row-level security
 * would not hold. Thrown before any tenant data is touched; the message lists every mismatch, one
 * per line.
 */
public class SchemaMismatchException extends TenantDaoException {
    private static final long serialVersionUID = 1L;

    private final List<String> mismatches;

    /**
     * @param where what was compared, e.g. {@code schema "app"}, for the message's first line
     * @param mismatches each mismatch, naming the table (and column), what was expected and what was found
     */
    public SchemaMismatchException(String where, List<String> mismatches) {
        super(message(where, mismatches));
        this.mismatches = List.copyOf(mismatches);
    }

    private static String message(String where, List<String> mismatches) {
        StringBuilder message = new StringBuilder("The database (").append(where).append(") does not match the entities: ")
                .append(mismatches.size()).append(mismatches.size() == 1 ? " mismatch" : " mismatches");
        for (String mismatch : mismatches) {
            message.append("\n  - ").append(mismatch);
        }
        return message.toString();
    }

    /** Every mismatch found, in the order found: tables in creation order, then the connecting role. */
    public List<String> mismatches() {
        return mismatches;
    }
}

package dev.tenantdao.runtime;

/** The rules every tenant id obeys, wherever it comes from (a block, a resolver). */
final class TenantIds {

    /** Long enough for any UUID, slug or number; short enough to index and to log. */
    static final int MAX_LENGTH = 128;

    private TenantIds() {}

    /**
     * @throws InvalidTenantException when {@code tenant} is empty, blank, too long or holds a
     *     control character (NUL included)
     */
    static String check(String tenant) {
        if (tenant == null) {
            throw new NullPointerException("tenant");
        }
        String problem = null;
        if (tenant.isBlank()) {
            problem = "is empty or blank";
        } else if (tenant.length() > MAX_LENGTH) {
            problem = "is longer than " + MAX_LENGTH + " characters";
        } else if (tenant.chars().anyMatch(Character::isISOControl)) {
            problem = "contains a control character";
        } else if (!tenant.equals(tenant.strip())) {
            problem = "starts or ends with white space";
        }
        if (problem != null) {
            throw new InvalidTenantException("Tenant id " + printable(tenant) + " " + problem, null);
        }
        return tenant;
    }

    /** The id quoted for a message, control characters escaped and cut to a readable length. */
    static String printable(String tenant) {
        StringBuilder out = new StringBuilder("'");
        tenant.codePoints().limit(64).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(tenant.length() > 64 ? "...'" : "'").toString();
    }
}

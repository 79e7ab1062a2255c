package dev.tenantdao.runtime;

/** The rules every tenant id obeys, wherever it comes from (a block, a resolver). */
final class TenantIds {

    /** Long enough for any UUID, slug or number; short enough to index and to log. */
    static final int MAX_LENGTH = 128;

    private TenantIds() {}

    /**
     * @throws InvalidTenantException when {@code tenant} is empty, blank, too long, holds a
     *     control character (NUL included) or a lone surrogate
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
        } else if (!wellFormed(tenant)) {
            // the driver would encode a lone surrogate as '?', so two different ids would meet as one tenant
            problem = "is not well-formed UTF-16 (a lone surrogate)";
        } else if (!tenant.equals(tenant.strip())) {
            problem = "starts or ends with white space";
        }
        if (problem != null) {
            throw new InvalidTenantException(tenant, null, "Tenant id " + printable(tenant) + " " + problem, null);
        }
        return tenant;
    }

    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The id quoted for a message, control characters escaped and cut to a readable length. */
    static String printable(String tenant) {
        StringBuilder out = new StringBuilder("'");
        tenant.codePoints().limit(64).forEach(c -> {
            if (Character.isISOControl(c) || Character.isSurrogate((char) c) && Character.isBmpCodePoint(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(tenant.length() > 64 ? "...'" : "'").toString();
    }
}

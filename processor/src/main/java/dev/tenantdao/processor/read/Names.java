package dev.tenantdao.processor.read;

import java.util.Locale;

/** Default SQL names derived from Java names. */
public final class Names {

    private Names() {}

    /**
     * {@code InvoiceLine -> invoice_line}, {@code issuedOn -> issued_on}, {@code vatID -> vat_id},
     * {@code HTTPStatus -> http_status}, {@code line2Total -> line2_total}.
     */
    public static String snakeCase(String javaName) {
        StringBuilder out = new StringBuilder(javaName.length() + 8);
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                char previous = javaName.charAt(i - 1);
                boolean nextIsLower = i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
                if (Character.isLowerCase(previous) || Character.isDigit(previous)
                        || Character.isUpperCase(previous) && nextIsLower) {
                    out.append('_');
                }
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** {@code number -> Number}, for accessor names. */
    public static String capitalize(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}

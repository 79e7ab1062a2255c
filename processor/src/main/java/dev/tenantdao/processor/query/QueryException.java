package dev.tenantdao.processor.query;

/**
 * A query that cannot be built: an unknown attribute, a JDQL syntax error, a construct not
 * supported. {@code at} is the offset in the query text it concerns, or -1 for a derived name.
 */
public class QueryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int at;

    public QueryException(String message, int at) {
        super(message, null, false, false);
        this.at = at;
    }

    public int at() {
        return at;
    }

    /**
     * The message and, for a query text, where in it: {@code "... at 'FORM' (column 18 of the query)"}
     * followed by the query and a caret under the place.
     */
    public String describe(String text) {
        if (at < 0 || text == null) {
            return getMessage();
        }
        int column = Math.min(at, text.length());
        return getMessage() + " (column " + (column + 1) + " of the query)\n    " + text.replace('\n', ' ') + "\n    "
                + " ".repeat(column) + "^";
    }
}

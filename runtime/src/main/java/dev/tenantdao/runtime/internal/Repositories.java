package dev.tenantdao.runtime.internal;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.OptimisticLockException;
import dev.tenantdao.runtime.RowNotFoundException;
import jakarta.data.Limit;
import jakarta.data.Sort;
import jakarta.data.exceptions.EmptyResultException;
import jakarta.data.exceptions.EntityExistsException;
import jakarta.data.exceptions.NonUniqueResultException;
import jakarta.data.exceptions.OptimisticLockingFailureException;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.page.impl.CursoredPageRecord;
import jakarta.data.page.impl.PageRecord;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What generated Jakarta Data repositories call besides {@link DaoSupport}: results shaped as
 * the method declares them, Jakarta Data's exceptions, paging, dynamic sorting, and the binding of
 * {@code IN} lists and {@code LIKE} patterns. Only generated code calls it; not API. (It needs
 * {@code jakarta.data-api}, which an application declaring repositories has.)
 */
public final class Repositories {

    private Repositories() {}

    /** The one element of {@code results}: EmptyResultException or NonUniqueResultException otherwise. */
    public static <T> T single(List<T> results, String operation) {
        if (results.isEmpty()) {
            throw new EmptyResultException(operation + " found no result");
        }
        if (results.size() > 1) {
            throw new NonUniqueResultException(operation + " found more than one result");
        }
        return results.get(0);
    }

    /** The one element of {@code results} or empty; NonUniqueResultException when there are more. */
    public static <T> java.util.Optional<T> optional(List<T> results, String operation) {
        if (results.size() > 1) {
            throw new NonUniqueResultException(operation + " found more than one result");
        }
        return results.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(results.get(0));
    }

    // ---- paging ------------------------------------------------------------------------------------

    /** The rows a page of {@code request} skips. */
    public static long offset(PageRequest request) {
        java.util.Objects.requireNonNull(request, "pageRequest");
        if (request.mode() != PageRequest.Mode.OFFSET) {
            throw new IllegalArgumentException("This method pages by offset; a cursor was given: " + request);
        }
        return (request.page() - 1) * (long) request.size();
    }

    /**
     * How many rows to read for a page of {@code request}: its size, and one more without the total,
     * to tell whether a next page exists.
     */
    public static int fetchSize(PageRequest request) {
        return request.requestTotal() ? request.size() : request.size() + 1;
    }

    /**
     * The page of {@code request} from {@code rows} (read with {@link #fetchSize}) and, when the
     * request asked for it, the {@code total} rows across all pages (else ignored).
     */
    public static <T> Page<T> page(PageRequest request, List<T> rows, long total) {
        if (request.requestTotal()) {
            return new PageRecord<>(request, rows, total);
        }
        boolean more = rows.size() > request.size();
        return new PageRecord<>(request, more ? List.copyOf(rows.subList(0, request.size())) : rows, -1, more);
    }

    // ---- cursors (keyset paging) ---------------------------------------------------------------------

    /** How many rows to read for a cursored page of {@code request}: one more than its size, to tell whether more follow. */
    public static int cursorFetchSize(PageRequest request) {
        java.util.Objects.requireNonNull(request, "pageRequest");
        return request.size() + 1;
    }

    /** The rows a cursored page skips: none after a cursor; the pages before it, for an offset request past the first. */
    public static long cursorOffset(PageRequest request) {
        return request.mode() == PageRequest.Mode.OFFSET ? (request.page() - 1) * (long) request.size() : 0;
    }

    /**
     * Key {@code index} of the request's cursor, of the sort attribute's type {@code type}; null
     * without a cursor. A cursor of another length or type than the method's order is refused
     * before any SQL.
     */
    public static <K> K key(PageRequest request, int index, int keys, Class<K> type) {
        if (request.mode() == PageRequest.Mode.OFFSET) {
            return null;
        }
        PageRequest.Cursor cursor = request.cursor().orElseThrow();
        if (cursor.size() != keys) {
            throw new IllegalArgumentException("The cursor has " + cursor.size() + " keys, but this method orders by "
                    + keys + ": " + cursor);
        }
        Object key = cursor.get(index);
        if (!type.isInstance(key)) {
            throw new IllegalArgumentException("Key " + (index + 1) + " of the cursor is " + key + ", not a "
                    + type.getSimpleName() + ": " + cursor);
        }
        return type.cast(key);
    }

    /**
     * The cursored page of {@code request} from {@code rows}, read with {@link #cursorFetchSize} in
     * the direction the request goes (backwards for a previous page), with each row's cursor from
     * {@code cursorOf}; {@code total} when the request asked for it.
     */
    public static <T> CursoredPage<T> cursoredPage(PageRequest request, List<T> rows,
            Function<? super T, PageRequest.Cursor> cursorOf, long total) {
        boolean more = rows.size() > request.size();
        List<T> content = new java.util.ArrayList<>(more ? rows.subList(0, request.size()) : rows);
        boolean backwards = request.mode() == PageRequest.Mode.CURSOR_PREVIOUS;
        if (backwards) {
            java.util.Collections.reverse(content);
        }
        List<PageRequest.Cursor> cursors = content.stream().<PageRequest.Cursor>map(cursorOf).toList();
        PageRequest next = null;
        PageRequest previous = null;
        if (!content.isEmpty()) {
            PageRequest.Cursor first = cursors.get(0);
            PageRequest.Cursor last = cursors.get(cursors.size() - 1);
            if (backwards || more) {
                next = PageRequest.afterCursor(last, request.page() + 1, request.size(), request.requestTotal());
            }
            boolean before = backwards ? more : request.mode() == PageRequest.Mode.CURSOR_NEXT || request.page() > 1;
            if (before) {
                previous = PageRequest.beforeCursor(first, Math.max(1, request.page() - 1), request.size(),
                        request.requestTotal());
            }
        }
        return new CursoredPageRecord<>(List.copyOf(content), cursors, request.requestTotal() ? total : -1, request,
                next, previous);
    }

    /**
     * A repository's {@code findAllAsOf(at, pageRequest)}: the first page (an offset request for page
     * 1) or the page after a cursor (its one key, the id, of type {@code key}), read by {@code read}
     * (the DAO's {@code findAllAsOf}: the id after which to start, or null, and how many rows) one
     * row more than the page, to tell whether more follow; each row's cursor is its id. It pages
     * forward only and counts no total (the page has none).
     */
    public static <T, K> CursoredPage<T> asOfPage(PageRequest request, Class<K> key,
            java.util.function.BiFunction<K, Integer, List<T>> read, Function<? super T, K> id) {
        java.util.Objects.requireNonNull(request, "pageRequest");
        if (request.mode() == PageRequest.Mode.CURSOR_PREVIOUS) {
            throw new UnsupportedOperationException("findAllAsOf pages forward only: " + request);
        }
        if (request.mode() == PageRequest.Mode.OFFSET && request.page() != 1) {
            throw new UnsupportedOperationException("findAllAsOf pages by cursor: ask for page 1, then its nextPageRequest(),"
                    + " not page " + request.page());
        }
        K after = key(request, 0, 1, key);
        List<T> rows = read.apply(after, cursorFetchSize(request));
        PageRequest withoutTotal = request.requestTotal() ? request.withoutTotal() : request;
        return cursoredPage(withoutTotal, rows, row -> PageRequest.Cursor.forKey(id.apply(row)), -1);
    }

    /** The first row a {@code Limit} reads, from 0. */
    public static long offset(Limit limit) {
        java.util.Objects.requireNonNull(limit, "limit");
        return limit.startAt() - 1;
    }

    // ---- sorting -----------------------------------------------------------------------------------

    /**
     * {@code fixed} followed by the sort criteria given at run time, as an {@code ORDER BY} list:
     * {@code columns} maps each sortable attribute of the entity to its column (case-insensitive
     * criteria through {@code lower}); an attribute not in it fails before any SQL; then {@code last}
     * (the id, so pages are stable), if not empty. Empty when there is nothing to order by.
     */
    public static String orderBy(String fixed, Iterable<? extends Sort<?>> sorts, Map<String, String> columns,
            String entity, String last) {
        StringBuilder order = new StringBuilder(fixed);
        if (sorts != null) {
            for (Sort<?> sort : sorts) {
                java.util.Objects.requireNonNull(sort, "sort");
                String column = columns.get(sort.property());
                if (column == null) {
                    throw new IllegalArgumentException("Cannot sort by " + sort.property() + ": " + entity
                            + " has no such attribute (it has " + String.join(", ", columns.keySet()) + ")");
                }
                order.append(order.length() == 0 ? "" : ", ")
                        .append(sort.ignoreCase() ? "lower(" + column + ")" : column)
                        .append(sort.isDescending() ? " DESC" : " ASC");
            }
        }
        if (!last.isEmpty()) {
            order.append(order.length() == 0 ? "" : ", ").append(last);
        }
        return order.length() == 0 ? "" : " ORDER BY " + order;
    }

    /** {@code sql} with its order placeholder replaced by {@code orderBy}. */
    public static String ordered(String sql, String orderBy) {
        return sql.replace(dev.tenantdao.annotations.internal.Wire.ORDER_PLACEHOLDER, orderBy);
    }


    // ---- binding -----------------------------------------------------------------------------------

    /** How a {@code LIKE} pattern is made from a value: as given, or matching it at the start, end or anywhere. */
    public enum Match { PATTERN, STARTS_WITH, ENDS_WITH, CONTAINS }

    /**
     * The pattern matching {@code value} as {@code match} says, its {@code %}, {@code _} and
     * {@code \} escaped (so a value is matched literally); null stays null.
     */
    public static String like(String value, Match match) {
        if (value == null || match == Match.PATTERN) {
            return value;
        }
        String literal = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return switch (match) {
            case STARTS_WITH -> literal + "%";
            case ENDS_WITH -> "%" + literal;
            case CONTAINS -> "%" + literal + "%";
            case PATTERN -> value;
        };
    }

    /**
     * Binds the values of an {@code IN} list as one array ({@code column = ANY(?)}), each through
     * {@code toDatabase} (a converter, or the value itself), as elements of type {@code elementType};
     * {@code asText} when the column's values travel as text and are cast by the statement.
     */
    public static <T> void setAny(PreparedStatement statement, int index, String elementType, Collection<T> values,
            Function<? super T, ?> toDatabase, boolean asText) throws SQLException {
        java.util.Objects.requireNonNull(values, "values");
        Object[] elements = new Object[values.size()];
        int i = 0;
        for (T value : values) {
            Object database = toDatabase.apply(value);
            elements[i++] = asText ? Jdbc.text(database) : database;
        }
        statement.setArray(index, statement.getConnection().createArrayOf(elementType, elements));
    }

    // ---- exceptions --------------------------------------------------------------------------------

    /**
     * {@code failure} of a lifecycle method as Jakarta Data names it: a row that was not found or
     * not at the entity's version is an {@link OptimisticLockingFailureException}, an insert of an
     * existing key an {@link EntityExistsException}; anything else as it is.
     */
    public static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof RowNotFoundException || failure instanceof OptimisticLockException) {
            return new OptimisticLockingFailureException(failure.getMessage(), failure);
        }
        if (failure instanceof DataAccessException access && "23505".equals(access.sqlState())) {
            return new EntityExistsException(failure.getMessage(), failure);
        }
        return failure;
    }
}

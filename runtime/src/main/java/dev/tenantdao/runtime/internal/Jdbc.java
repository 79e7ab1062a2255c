package dev.tenantdao.runtime.internal;

import dev.tenantdao.annotations.internal.Wire;
import dev.tenantdao.runtime.MappingException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * JDBC reads and writes that generated DAOs share, where the plain driver call would lose a NULL or
 * needs a conversion. Not public API: only generated code calls it.
 */
public final class Jdbc {

    private Jdbc() {}

    /**
     * The SQL of a statement of a table under row-level security ({@code SELECT set_config(...,
     * true); <statement>}) as it must run on {@code connection}: as it is in a transaction. Outside one
     * (autocommit), the two statements would be two implicit transactions whenever the driver puts a
     * Sync between them, which pgjdbc does before a statement it has described whose rows have no
     * bounded size (after a parameter's type changed, a null sent untyped, or with
     * {@code prepareThreshold=-1}); the statement would then run without the transaction-local tenant
     * and see no rows. So outside a transaction the tenant is set for the session and cleared again by
     * a third statement of the same round trip ({@code ...; SELECT set_config(..., '', false)}):
     * correct whatever Syncs the driver adds, one round trip, and the pooled connection keeps no
     * tenant (if the statement fails, {@link #queryWithTenant} clears it).
     */
    public static String withTenantSetting(java.sql.Connection connection, String sql) throws SQLException {
        return connection.getAutoCommit() ? forSession(sql) : sql;
    }

    /**
     * {@code sql} ({@code SELECT set_config(..., true); <statement>}) as it runs outside a transaction:
     * {@code SELECT set_config(..., false); <statement>; SELECT set_config(..., '', false)}.
     */
    public static String forSession(String sql) {
        String local = Wire.SET_TENANT + "; ";
        if (sql.startsWith(local)) {
            return Wire.SET_TENANT_FOR_SESSION + "; " + sql.substring(local.length()) + "; " + Wire.CLEAR_TENANT;
        }
        String localWithVendor = Wire.SET_TENANT_AND_VENDOR + "; ";
        if (sql.startsWith(localWithVendor)) {
            return Wire.SET_TENANT_AND_VENDOR_FOR_SESSION + "; " + sql.substring(localWithVendor.length()) + "; "
                    + Wire.CLEAR_TENANT_AND_VENDOR;
        }
        throw new IllegalArgumentException("not a statement under row-level security: " + sql);
    }

    /**
     * Executes a statement of a table under row-level security, prepared with the SQL of
     * {@link #withTenantSetting}; returns the rows of the statement itself (the second).
     */
    public static ResultSet queryWithTenant(PreparedStatement statement) throws SQLException {
        try {
            statement.execute();
            statement.getMoreResults(java.sql.Statement.KEEP_CURRENT_RESULT);
            return statement.getResultSet();
        } catch (SQLException | RuntimeException e) {
            clearAfterFailure(statement, e);
            throw e;
        }
    }

    /** Like {@link #queryWithTenant}, for a statement returning no rows: its update count. */
    public static int updateWithTenant(PreparedStatement statement) throws SQLException {
        try {
            statement.execute();
            statement.getMoreResults(java.sql.Statement.KEEP_CURRENT_RESULT);
            return statement.getUpdateCount();
        } catch (SQLException | RuntimeException e) {
            clearAfterFailure(statement, e);
            throw e;
        }
    }

    /**
     * Outside a transaction, a statement that failed never ran the clearing statement behind it:
     * clears the session's tenant, so the pooled connection keeps none.
     */
    private static void clearAfterFailure(PreparedStatement statement, Exception failure) {
        try {
            java.sql.Connection connection = statement.getConnection();
            if (connection.getAutoCommit()) {
                try (java.sql.Statement clear = connection.createStatement()) {
                    clear.execute(Wire.CLEAR_TENANT_AND_VENDOR);
                }
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    public static long getLong(ResultSet rs, int index, String entity, String column) throws SQLException {
        long value = rs.getLong(index);
        if (value == 0 && rs.wasNull()) {
            throw nullInPrimitive(entity, column, "long");
        }
        return value;
    }

    public static int getInt(ResultSet rs, int index, String entity, String column) throws SQLException {
        int value = rs.getInt(index);
        if (value == 0 && rs.wasNull()) {
            throw nullInPrimitive(entity, column, "int");
        }
        return value;
    }

    public static short getShort(ResultSet rs, int index, String entity, String column) throws SQLException {
        short value = rs.getShort(index);
        if (value == 0 && rs.wasNull()) {
            throw nullInPrimitive(entity, column, "short");
        }
        return value;
    }

    public static double getDouble(ResultSet rs, int index, String entity, String column) throws SQLException {
        double value = rs.getDouble(index);
        if (value == 0 && rs.wasNull()) {
            throw nullInPrimitive(entity, column, "double");
        }
        return value;
    }

    public static float getFloat(ResultSet rs, int index, String entity, String column) throws SQLException {
        float value = rs.getFloat(index);
        if (value == 0 && rs.wasNull()) {
            throw nullInPrimitive(entity, column, "float");
        }
        return value;
    }

    public static boolean getBoolean(ResultSet rs, int index, String entity, String column) throws SQLException {
        boolean value = rs.getBoolean(index);
        if (!value && rs.wasNull()) {
            throw nullInPrimitive(entity, column, "boolean");
        }
        return value;
    }

    public static Long getBoxedLong(ResultSet rs, int index) throws SQLException {
        long value = rs.getLong(index);
        return value == 0 && rs.wasNull() ? null : value;
    }

    public static Integer getBoxedInt(ResultSet rs, int index) throws SQLException {
        int value = rs.getInt(index);
        return value == 0 && rs.wasNull() ? null : value;
    }

    public static Short getBoxedShort(ResultSet rs, int index) throws SQLException {
        short value = rs.getShort(index);
        return value == 0 && rs.wasNull() ? null : value;
    }

    public static Double getBoxedDouble(ResultSet rs, int index) throws SQLException {
        double value = rs.getDouble(index);
        return value == 0 && rs.wasNull() ? null : value;
    }

    public static Float getBoxedFloat(ResultSet rs, int index) throws SQLException {
        float value = rs.getFloat(index);
        return value == 0 && rs.wasNull() ? null : value;
    }

    public static Boolean getBoxedBoolean(ResultSet rs, int index) throws SQLException {
        boolean value = rs.getBoolean(index);
        return !value && rs.wasNull() ? null : value;
    }

    public static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    public static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    public static void setShort(PreparedStatement ps, int index, Short value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.SMALLINT);
        } else {
            ps.setShort(index, value);
        }
    }

    public static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    public static void setFloat(PreparedStatement ps, int index, Float value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.REAL);
        } else {
            ps.setFloat(index, value);
        }
    }

    public static void setBoolean(PreparedStatement ps, int index, Boolean value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BOOLEAN);
        } else {
            ps.setBoolean(index, value);
        }
    }

    /** {@code timestamptz}: the driver speaks {@link OffsetDateTime}; the entity holds an {@link Instant}. */
    public static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    public static Instant getInstant(ResultSet rs, int index) throws SQLException {
        OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Enums are stored by {@link Enum#name()}. */
    public static void setEnum(PreparedStatement ps, int index, Enum<?> value) throws SQLException {
        ps.setString(index, value == null ? null : value.name());
    }

    public static <E extends Enum<E>> E getEnum(
            ResultSet rs, int index, Function<String, E> valueOf, String entity, String column) throws SQLException {
        String name = rs.getString(index);
        if (name == null) {
            return null;
        }
        try {
            return valueOf.apply(name);
        } catch (IllegalArgumentException e) {
            throw new MappingException(entity, column, "Column " + column + " of " + entity + " holds '" + name
                    + "', which is not a constant of the field's enum", e);
        }
    }

    /**
     * A value of a column whose PostgreSQL type the Java type does not imply ({@code jsonb}, an enum
     * type): sent as text of unspecified type, so PostgreSQL casts it to the column's type.
     */
    public static void setOther(PreparedStatement ps, int index, String value) throws SQLException {
        ps.setObject(index, value, Types.OTHER);
    }

    /** An enum stored in a column of a PostgreSQL enum type: its name, cast by PostgreSQL. */
    public static void setOther(PreparedStatement ps, int index, Enum<?> value) throws SQLException {
        setOther(ps, index, value == null ? null : value.name());
    }

    /** A {@code text[]} of enum names from a list of enums. */
    public static void setEnumList(PreparedStatement ps, int index, java.util.List<? extends Enum<?>> values)
            throws SQLException {
        setList(ps, index, "text", values == null ? null : values.stream().map(v -> v == null ? null : v.name()).toList());
    }

    /** A {@code text[]} of enum names from an array of enums. */
    public static void setEnumArray(PreparedStatement ps, int index, Enum<?>[] values) throws SQLException {
        setEnumList(ps, index, values == null ? null : java.util.Arrays.asList(values));
    }

    /** A PostgreSQL array of {@code elementType} ({@code text}, {@code int8}, ...) from a list; null stays NULL. */
    public static void setList(PreparedStatement ps, int index, String elementType, java.util.List<?> values)
            throws SQLException {
        if (values == null) {
            ps.setNull(index, Types.ARRAY);
        } else {
            ps.setArray(index, ps.getConnection().createArrayOf(elementType, values.toArray()));
        }
    }

    /** A PostgreSQL array of {@code elementType} from a Java array; null stays NULL. */
    public static void setArray(PreparedStatement ps, int index, String elementType, Object[] values)
            throws SQLException {
        if (values == null) {
            ps.setNull(index, Types.ARRAY);
        } else {
            ps.setArray(index, ps.getConnection().createArrayOf(elementType, values));
        }
    }

    /**
     * A PostgreSQL array column as a list whose elements {@code element} converts from what the
     * driver returns ({@code String}, {@code Long}, ...); NULL elements stay null.
     */
    public static <T> java.util.List<T> getList(ResultSet rs, int index, Function<Object, T> element)
            throws SQLException {
        java.sql.Array array = rs.getArray(index);
        if (array == null) {
            return null;
        }
        try {
            Object[] values = (Object[]) array.getArray();
            java.util.List<T> list = new java.util.ArrayList<>(values.length);
            for (Object value : values) {
                list.add(value == null ? null : element.apply(value));
            }
            return java.util.Collections.unmodifiableList(list);
        } finally {
            array.free();
        }
    }

    /** Like {@link #getList}, into a new array made by {@code newArray}. */
    public static <T> T[] getArray(ResultSet rs, int index, Function<Object, T> element,
            java.util.function.IntFunction<T[]> newArray) throws SQLException {
        java.util.List<T> list = getList(rs, index, element);
        return list == null ? null : list.toArray(newArray.apply(list.size()));
    }

    /**
     * A value as text PostgreSQL parses back to it, for set-based inserts that send a column as a
     * {@code text[]} and cast it: enum names, and ISO dates and times with PostgreSQL's spelling of
     * years before 1 ({@code BC}) and after 9999 (no {@code +}).
     */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Instant instant) {
            return text(instant.atOffset(ZoneOffset.UTC));
        }
        String iso = value.toString();
        if (value instanceof java.time.temporal.TemporalAccessor temporal
                && temporal.isSupported(java.time.temporal.ChronoField.YEAR)) {
            int year = temporal.get(java.time.temporal.ChronoField.YEAR);
            if (year > 9999) {
                return iso.substring(1);
            }
            if (year < 1) {
                int end = iso.indexOf('-', 1);
                return String.format("%04d", 1 - year) + iso.substring(end) + " BC";
            }
        }
        return iso;
    }

    /** The history columns after an entity's own: version, operation, changed_at, actor, transaction id. */
    public static <E> dev.tenantdao.runtime.HistoryEntry<E> historyEntry(E entity, ResultSet rs, int firstIndex)
            throws SQLException {
        return new dev.tenantdao.runtime.HistoryEntry<>(entity,
                dev.tenantdao.runtime.HistoryEntry.Operation.valueOf(rs.getString(firstIndex + 1)),
                rs.getLong(firstIndex), getInstant(rs, firstIndex + 2), rs.getString(firstIndex + 3),
                rs.getLong(firstIndex + 4));
    }

    /**
     * The failure of an embedded value's constructor or setter given the components read from a row
     * (a record's compact constructor refusing them, say): {@code columns} joined by ", " name where
     * they were read from.
     */
    public static MappingException valueRefused(String entity, String property, String columns, RuntimeException cause) {
        return new MappingException(entity, columns, "Columns " + columns + " of " + entity + " cannot be read into "
                + entity + "." + property + ": " + cause, cause);
    }

    private static MappingException nullInPrimitive(String entity, String column, String type) {
        return new MappingException(entity, column, "Column " + column + " of " + entity
                + " is NULL, but its field is a primitive " + type + "; make the field a box or the column NOT NULL");
    }
}

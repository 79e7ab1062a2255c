package dev.tenantdao.runtime.internal;

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
            throw new MappingException("Column " + column + " of " + entity + " holds '" + name
                    + "', which is not a constant of the field's enum", e);
        }
    }

    private static MappingException nullInPrimitive(String entity, String column, String type) {
        return new MappingException("Column " + column + " of " + entity + " is NULL, but its field is a primitive "
                + type + "; make the field a box or the column NOT NULL");
    }
}

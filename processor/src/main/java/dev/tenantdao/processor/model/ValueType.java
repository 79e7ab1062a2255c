package dev.tenantdao.processor.model;

/**
 * The Java types a column can hold, each with its PostgreSQL type. How each is bound and read is
 * written in one place, {@code write.JdbcCode}.
 */
public enum ValueType {
    PRIMITIVE_LONG("bigint", true),
    PRIMITIVE_INT("integer", true),
    PRIMITIVE_SHORT("smallint", true),
    PRIMITIVE_DOUBLE("double precision", true),
    PRIMITIVE_FLOAT("real", true),
    PRIMITIVE_BOOLEAN("boolean", true),
    LONG("bigint", false),
    INTEGER("integer", false),
    SHORT("smallint", false),
    DOUBLE("double precision", false),
    FLOAT("real", false),
    BOOLEAN("boolean", false),
    STRING("text", false),
    BIG_DECIMAL("numeric", false),
    UUID("uuid", false),
    INSTANT("timestamptz", false),
    OFFSET_DATE_TIME("timestamptz", false),
    LOCAL_DATE("date", false),
    LOCAL_DATE_TIME("timestamp", false),
    LOCAL_TIME("time", false),
    BYTES("bytea", false),
    ENUM("text", false),
    /** A {@code java.util.List} of an element value type, as a PostgreSQL array. */
    LIST(null, false),
    /** A Java array (other than {@code byte[]}) of an element value type, as a PostgreSQL array. */
    ARRAY(null, false);

    /** Human-readable list for the "unsupported type" diagnostic. */
    public static final String SUPPORTED = "primitives and their boxes (except char and byte), String, BigDecimal, UUID,"
            + " Instant, OffsetDateTime, LocalDate, LocalDateTime, LocalTime, byte[], enums, and Lists and arrays of"
            + " boxes, String, BigDecimal, UUID and enums; other types need a @Convert converter";

    private final String sqlType;
    private final boolean primitive;

    ValueType(String sqlType, boolean primitive) {
        this.sqlType = sqlType;
        this.primitive = primitive;
    }

    /** The PostgreSQL column type. */
    public String sqlType() {
        return sqlType;
    }

    /** Whether the Java side is a primitive (the column is then NOT NULL). */
    public boolean isPrimitive() {
        return primitive;
    }

    /**
     * How a column of this type travels in a set-based insert ({@code unnest} of one array per
     * column): the element type name for {@code createArrayOf}, or null when it cannot (the batch
     * insert is used then). Temporal values and enums travel as text and are cast by PostgreSQL.
     */
    public String unnestElementName() {
        return switch (this) {
            case PRIMITIVE_LONG, LONG -> "int8";
            case PRIMITIVE_INT, INTEGER -> "int4";
            case PRIMITIVE_SHORT, SHORT -> "int2";
            case PRIMITIVE_DOUBLE, DOUBLE -> "float8";
            case PRIMITIVE_FLOAT, FLOAT -> "float4";
            case PRIMITIVE_BOOLEAN, BOOLEAN -> "bool";
            case BIG_DECIMAL -> "numeric";
            case UUID -> "uuid";
            case LOCAL_DATE -> "date";
            case STRING, ENUM, INSTANT, OFFSET_DATE_TIME, LOCAL_DATE_TIME, LOCAL_TIME -> "text";
            case BYTES, LIST, ARRAY -> null;
        };
    }

    /** Whether a set-based insert sends this type as its text form ({@code toString()} or the enum's name). */
    public boolean unnestsAsText() {
        return switch (this) {
            case ENUM, INSTANT, OFFSET_DATE_TIME, LOCAL_DATE_TIME, LOCAL_TIME -> true;
            default -> false;
        };
    }

    /** Whether lists and arrays of this type can be stored (as PostgreSQL arrays). */
    public boolean canBeArrayElement() {
        return switch (this) {
            case LONG, INTEGER, SHORT, DOUBLE, FLOAT, BOOLEAN, STRING, BIG_DECIMAL, UUID, ENUM -> true;
            default -> false;
        };
    }

    /** The element type name {@code Connection.createArrayOf} takes. */
    public String arrayElementName() {
        return switch (this) {
            case LONG -> "int8";
            case INTEGER -> "int4";
            case SHORT -> "int2";
            case DOUBLE -> "float8";
            case FLOAT -> "float4";
            case BOOLEAN -> "bool";
            case BIG_DECIMAL -> "numeric";
            case UUID -> "uuid";
            default -> "text";
        };
    }

    /** Whether the database can generate values of this type for an id (identity or {@code gen_random_uuid()}). */
    public boolean canBeGeneratedId() {
        return this == PRIMITIVE_LONG || this == LONG || this == PRIMITIVE_INT || this == INTEGER || this == UUID;
    }
}

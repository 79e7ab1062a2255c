package dev.tenantdao.processor.diagnostic;

import static javax.tools.Diagnostic.Kind.ERROR;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor can emit, each with its kind (set per constant) and a format
 * string. Raised only through {@link Diagnostics}; tests refer to these constants.
 */
public enum Message {
    ENTITY_NOT_CLASS(ERROR, "@Entity belongs on a record or a class, not on %s %s"),
    ENTITY_ABSTRACT(ERROR, "@Entity %s is abstract; make it a concrete class, or the root of a hierarchy with @Polymorphic"),
    ENTITY_INNER_CLASS(ERROR, "@Entity %s is an inner class; make it static so the DAO can create it"),
    ENTITY_PRIVATE(ERROR, "@Entity %s is private; the generated DAO in package %s must be able to see it"),
    ENTITY_GENERIC(ERROR, "@Entity %s has type parameters; an entity maps to one table and cannot be generic"),
    NO_ID(ERROR, "@Entity %s has no @Id field; every entity needs exactly one"),
    TWO_IDS(ERROR, "@Entity %s already has @Id %s; composite keys are not supported, so keep one @Id"),
    UNSUPPORTED_TYPE(ERROR, "%s has type %s, which cannot be mapped to a column; supported are %s"),
    GENERATED_ID_TYPE(ERROR, "@Id(generated = true) needs a long, int, Long, Integer or UUID id, not %s"),
    NULLABLE_ID(ERROR, "@Id %s cannot be nullable"),
    NULLABLE_PRIMITIVE(ERROR, "%s is a primitive %s and cannot be nullable; use %s for a nullable column"),
    TENANT_COLUMN_AS_FIELD(ERROR, "%s maps to column %s, the tenant column of %s; the tenant is written by the DAO, so"
            + " expose it read-only with @TenantId or rename the column"),
    TENANT_ID_NOT_TENANTED(ERROR, "@TenantId on %s, but %s is not @Tenanted"),
    TENANT_ID_TYPE(ERROR, "@TenantId %s has type %s, but the tenant column is %s, whose Java type is %s: declare it as %s"),
    TENANT_ID_ON_ID(ERROR, "%s cannot be both @Id and @TenantId; the tenant column is added to the key automatically"),
    TWO_TENANT_IDS(ERROR, "@Entity %s already exposes its tenant as %s; keep one @TenantId"),
    TENANT_ID_NEEDS_ROW(ERROR, "@TenantId %s exposes the tenant column, but %s is tenanted per %s and has no tenant"
            + " column; only Strategy.ROW has one"),
    VENDOR_SCOPED_NOT_TENANTED(ERROR, "@VendorScoped on %s, but %s is not @Tenanted; a vendor is a scope inside a tenant,"
            + " so make it @Tenanted too"),
    VENDOR_COLUMN_IS_TENANT_COLUMN(ERROR, "@VendorScoped(column = \"%s\") on %s names its tenant column; give the vendor a"
            + " column of its own"),
    VENDOR_COLUMN_AS_FIELD(ERROR, "%s maps to column %s, the vendor column of %s; the vendor is written by the DAO, so"
            + " expose it read-only with @VendorId or rename the column"),
    VENDOR_ID_NOT_VENDOR_SCOPED(ERROR, "@VendorId on %s, but %s is not @VendorScoped"),
    VENDOR_ID_TYPE(ERROR, "@VendorId %s has type %s, but the vendor column is %s, whose Java type is %s: declare it as %s"),
    VENDOR_SCOPED_ON_SUBTYPE(ERROR, "@VendorScoped on %s, a subtype of @Polymorphic %s; a hierarchy is vendor-scoped as a"
            + " whole: put it on the root"),
    REFERENCE_INTO_VENDOR(ERROR, "%s references %s, whose rows each belong to one vendor, but %s is tenant-wide; a"
            + " tenant-wide row cannot point at one vendor's row: make %s @VendorScoped too, or reference the other way"),
    REFERENCE_NOT_ENTITY(ERROR, "@References(%s.class) on %s: %s is not an @Entity"),
    REFERENCE_TYPE(ERROR, "%s has type %s, but it references %s, whose id is %s"),
    REFERENCE_FROM_SHARED(ERROR, "%s references %s, which is tenanted, but %s is shared by all tenants; a shared row"
            + " cannot point at one tenant's row"),
    REFERENCE_ACROSS_TENANCY(ERROR, "%s references %s, which is tenanted per %s, but %s is tenanted per %s; rows can only"
            + " reference rows kept apart the same way"),
    DUPLICATE_COLUMN(ERROR, "Column %s is already mapped by %s; give one of them another @Column(name)"),
    EMBEDDED_ON_KEY(ERROR, "%s cannot be both @Embedded and @%s; an embedded value spans several columns, and the id, the"
            + " version, the tenant and the vendor are one column each"),
    EMBEDDED_COMPONENT_KEY(ERROR, "%s is @%s inside the embedded value %s; an embedded value has no %s of its own:"
            + " declare it on the entity"),
    EMBEDDED_HIDDEN(ERROR, "@Embedded %s has type %s, whose %s is not public, and the DAO of %s, in package %s, cannot"
            + " use it: make it public, or move %s into package %s"),
    EMBEDDED_NOT_VALUE(ERROR, "@Embedded %s has type %s, which is not a record or a class of several values (one column's"
            + " type needs no @Embedded); embed a record or a class whose fields are the columns"),
    EMBEDDED_ENTITY(ERROR, "@Embedded %s has type %s, which is an @Entity with a table of its own; embed a value type"
            + " (a record or class that is not an entity), or point at the entity's id with @References"),
    EMBEDDED_NO_COMPONENTS(ERROR, "@Embedded %s has type %s, which has no component to map to a column"),
    EMBEDDED_CONVERTER(ERROR, "%s is @Embedded, one value over several columns, and a converter maps a value to one"
            + " column: remove @Convert here, or put @Convert on the components of %s"),
    EMBEDDED_NESTED(ERROR, "%s is @Embedded inside the embedded value %s; embedded values cannot be nested: declare its"
            + " components in %s instead"),
    EMBEDDED_NO_CONSTRUCTOR(ERROR, "@Embedded %s has type %s, which the DAO cannot create: add a constructor taking every"
            + " component (%s), or a no-argument constructor with setters"),
    EMBEDDED_NOT_WRITABLE(ERROR, "%s cannot be set after %s's no-argument constructor: add %s(%s), make the field"
            + " non-private and non-final, or add a constructor taking every component"),
    EMBEDDED_COLUMN_ATTRIBUTE(ERROR, "@Column(%s) on @Embedded %s: an embedded value takes only name (its default"
            + " prefix) and nullable; declare %s on the components of %s"),
    EMBEDDED_COLUMN_TAKEN(ERROR, "%s maps to column %s, which %s already maps; give @Embedded(prefix) another prefix or"
            + " the component another @Column(name)"),
    EMBEDDED_COLUMN_RESERVED(ERROR, "%s maps to column %s, %s; give @Embedded(prefix) another prefix or the component"
            + " another @Column(name)"),
    INVALID_IDENTIFIER(ERROR, "'%s' is not a usable %s name: use letters, digits and underscores, at most 63 characters,"
            + " not starting with a digit"),
    TRANSIENT_RECORD_COMPONENT(ERROR, "@Transient cannot be used on record component %s: the record's constructor needs"
            + " every component"),
    NOT_READABLE(ERROR, "%s is private and has no accessor (%s(), %s() or %s()); the DAO cannot read it"),
    NOT_WRITABLE(ERROR, "%s cannot be set after the no-argument constructor: add %s(%s), make the field non-private and"
            + " non-final, or add a constructor taking every mapped field"),
    NO_CONSTRUCTOR(ERROR, "%s has no constructor the DAO can use: add one taking every mapped field (%s), or a"
            + " no-argument constructor with setters"),
    NOT_A_CONVERTER(ERROR, "%s is not a converter: it must implement dev.tenantdao.runtime.Converter<J, D>"),
    CONVERTER_TYPE(ERROR, "%s converts %s, but %s has type %s"),
    CONVERTER_COLUMN_TYPE(ERROR, "%s converts to %s, which cannot be stored in a column; supported are %s"),
    CONVERTER_NOT_INSTANTIABLE(ERROR, "%s cannot be created: give it a public no-argument constructor or a public static"
            + " final field holding an instance"),
    CONVERTER_ON_ID(ERROR, "%s is the id; ids cannot go through a converter"),
    CUSTOM_TYPE_NEEDS_TEXT(ERROR, "@Column(type = \"%s\") needs a String or enum column (sent as text and cast by"
            + " PostgreSQL), but %s is %s"),
    ENUM_IN_BUILT_IN_TYPE(ERROR, "@Column(type = \"%s\") on %s (%s) is a built-in PostgreSQL type that cannot hold an"
            + " enum's constant names: leave type out (text), name a text type (text, varchar(n)), or name the"
            + " PostgreSQL enum type the DDL should create"),
    INVALID_SQL_TYPE(ERROR, "'%s' is not a PostgreSQL type name"),
    DEFAULT_AND_GENERATED(ERROR, "%s cannot have both defaultSql and generatedAs"),
    NOT_INSERTABLE_WITHOUT_DEFAULT(ERROR, "%s is NOT NULL and insertable = false, but has no defaultSql: every insert would"
            + " fail; give it a defaultSql or make it nullable"),
    HOOK_NOT_IN_ENTITY(ERROR, "@%s method %s is in %s, which is not an @Entity; hooks belong to entities (or use an"
            + " EntityListener)"),
    MAPPING_ON_METHOD(ERROR, "@%s on method %s means nothing here: it belongs on a field or record component (on methods"
            + " only on the accessors of a @Polymorphic interface root, or of an interface level of a JOINED one)"),
    HOOK_MODIFIERS(ERROR, "@%s method %s must be neither private nor static"),
    HOOK_SIGNATURE(ERROR, "@%s method %s must take no parameters and return %s"),
    HOOK_THROWS(ERROR, "@%s method %s must not declare checked exceptions (%s)"),
    HOOK_DUPLICATE(ERROR, "%s already has @%s method %s; keep one"),
    NOT_A_LISTENER(ERROR, "%s is not a listener: it must implement dev.tenantdao.runtime.EntityListener<E>"),
    LISTENER_TYPE(ERROR, "%s listens to %s, which %s is not"),
    LISTENER_NOT_INSTANTIABLE(ERROR, "%s cannot be created: give it a public no-argument constructor"),
    AUDITED_NOT_ENTITY(ERROR, "@Audited on %s, which is not an @Entity"),
    PARTITIONED_NOT_ENTITY(ERROR, "@PartitionedByTenant on %s, which is not an @Entity"),
    PARTITIONED_ON_SUBTYPE(ERROR, "@PartitionedByTenant on %s, a subtype of @Polymorphic %s; a hierarchy's tables are"
            + " partitioned as a whole: put it on the root"),
    PARTITIONED_NOT_ROW(ERROR, "@PartitionedByTenant on %s, which is %s; only Strategy.ROW keeps every tenant's rows in"
            + " one table to partition by tenant: make it @Tenanted(strategy = ROW), or remove @PartitionedByTenant"),
    PARTITION_COUNT(ERROR, "@PartitionedByTenant(hash = %d) on %s: the number of hash partitions must be from 2 to %d"),
    PARTITION_NAME_TOO_LONG(ERROR, "Table %s of %s cannot name its partitions: %s is longer than PostgreSQL's 63"
            + " characters; shorten the table name"),
    EXCLUDED_FIELD_MISSING(ERROR, "@Audited(exclude) names '%s', but %s has no such mapped field"),
    NOT_AUDITED_PRIMITIVE(ERROR, "%s is left out of history but is a primitive %s; history queries return it as null,"
            + " so make it a box"),
    HISTORY_COLUMN_RESERVED(ERROR, "%s maps to column %s, but columns starting with history_ are the history's own in"
            + " an @Audited entity; give it another @Column(name)"),
    SOFT_DELETE_ON_SUBTYPE(ERROR, "@SoftDelete on %s, a subtype of @Polymorphic %s; a hierarchy is soft-deleted as a"
            + " whole (its column lives in the root's table): put it on the root"),
    SOFT_DELETE_NOT_ENTITY(ERROR, "@SoftDelete on %s, which is not an @Entity"),
    SOFT_DELETE_COLUMN_TAKEN(ERROR, "@SoftDelete(column = \"%s\") on %s names its %s; give the deletion time a column of"
            + " its own"),
    SOFT_DELETE_COLUMN_TYPE(ERROR, "%s maps to column %s, the soft-delete column of %s, which is a timestamptz: declare"
            + " it as Instant or OffsetDateTime, not %s"),
    SOFT_DELETE_COLUMN_WRITABLE(ERROR, "%s maps to column %s, the soft-delete column of %s, which only delete and"
            + " restore write: declare it read-only with @Column(insertable = false)"),
    SOFT_DELETE_UNFILTERED(javax.tools.Diagnostic.Kind.WARNING, "%s reads %s, whose rows are soft-deleted, but its SQL"
            + " never names %s: it sees deleted rows too. Add %s IS NULL where it should see live rows only"),
    VERSION_TYPE(ERROR, "@Version %s must be int, long, Integer or Long, not %s"),
    VERSION_CONVERTER(ERROR, "@Version %s cannot go through a converter (%s): the database counts it as a number; remove"
            + " @Convert"),
    TWO_VERSIONS(ERROR, "@Entity %s already has @Version %s; keep one"),
    POLYMORPHIC_NOT_ENTITY(ERROR, "@Polymorphic on %s, which is not an @Entity; the root of a hierarchy is an @Entity"),
    POLYMORPHIC_ROOT_SHAPE(ERROR, "@Polymorphic %s must be an abstract class or a sealed interface, not %s"),
    NO_SUBTYPES(ERROR, "@Polymorphic %s has no subtypes: seal it, or list them in @Polymorphic(subtypes)"),
    SUBTYPE_SHAPE(ERROR, "%s, a subtype of @Polymorphic %s, must be a record or a non-abstract, static, non-private class"
            + " without type parameters, or (an intermediate level) a sealed interface or sealed abstract class"),
    SUBTYPE_ON_LEVEL(ERROR, "@Subtype on %s, an intermediate level of @Polymorphic %s; %s"),
    NOT_A_SUBTYPE(ERROR, "%s is listed in @Polymorphic(subtypes) of %s but is not a subtype of it"),
    SUBTYPE_NOT_LISTED(ERROR, "%s extends @Polymorphic %s, whose subtypes are listed, but is not among them; the DAO"
            + " could not load it: add it to @Polymorphic(subtypes), or seal %s"),
    SUBTYPE_HIDES_FIELD(ERROR, "%s.%s hides the field of that name in %s, which the hierarchy maps: this one would never"
            + " be stored; rename it, or mark it @Transient"),
    SUBTYPE_REDECLARES_ID(ERROR, "%s redeclares the id; a hierarchy's id is declared once, on its root %s"),
    STRATEGY_ON_SUBTYPE(ERROR, "@Polymorphic on %s, a subtype of %s; the strategy is set once, on the root"),
    SUBTYPE_IS_ENTITY(ERROR, "%s is a subtype of @Polymorphic %s and is mapped with it; remove @Entity (use @Subtype for"
            + " its discriminator value and table)"),
    DUPLICATE_DISCRIMINATOR(ERROR, "Discriminator value '%s' of %s is already the value of %s; give one of them another"
            + " @Subtype(value)"),
    DUPLICATE_SUBTYPE_TABLE(ERROR, "Table %s of %s is already the table of %s; give one of them another @Subtype(table)"),
    SUBTYPE_COLUMN_TYPE(ERROR, "%s maps column %s as %s, but %s maps it as %s; in a single table a column has one type"),
    TWO_FALLBACKS(ERROR, "%s is a fallback subtype of %s, but %s already is; a hierarchy has at most one"),
    FALLBACK_DISCRIMINATOR(ERROR, "%s maps the discriminator column %s: the fallback's view of the value its row was"
            + " loaded with must be a String with @Column(name = \"%s\", insertable = false)"),
    FALLBACK_PRIMITIVE(ERROR, "%s has primitive type %s, but a row of a value no subtype claims has none of the"
            + " fallback's own columns (null); use %s"),
    DISCRIMINATOR_COLUMN_TAKEN(ERROR, "%s maps to column %s, the discriminator column of %s; rename one of them"),
    UNRESOLVED_TYPE(ERROR, "%s needs %s, which does not exist: no source declares it and no annotation processor"
            + " generated it; no DAO is written until it resolves"),
    REPOSITORY_NOT_INTERFACE(ERROR, "@Repository %s must be an interface; tenantdao generates its implementation"),
    REPOSITORY_NO_ENTITY(ERROR, "@Repository %s: cannot tell which entity it works on; extend BasicRepository<E, K>,"
            + " CrudRepository<E, K> or DataRepository<E, K> with an @Entity E"),
    REPOSITORY_MANY_ENTITIES(ERROR, "@Repository %s works on %s; a repository works on one entity: declare one"
            + " repository per entity, or extend BasicRepository<E, K> to name it"),
    REPOSITORY_PACKAGE(ERROR, "@Repository %s is in package %s, where its implementation cannot use %s, which is not"
            + " public: declare the repository in the entity's package %s, or make it public"),
    REPOSITORY_NOT_ENTITY(ERROR, "@Repository %s works on %s, which is not a tenantdao @Entity"),
    REPOSITORY_METHOD_UNKNOWN(ERROR, "%s is not a method tenantdao can implement: annotate it with @Find, @Query,"
            + " @Insert, @Update, @Delete or @Save, name it findBy..., countBy..., existsBy... or deleteBy..., or give it"
            + " a default body"),
    QUERY_INVALID(ERROR, "%s: %s"),
    QUERY_PARAMETER_UNUSED(ERROR, "Parameter %s of %s is not used by its query"),
    QUERY_PARAMETER_MISSING(ERROR, "%s uses parameter %s, but the method has no such parameter (it has %s)"),
    QUERY_PARAMETER_COUNT(ERROR, "%s: its name needs %d parameters (besides Limit, PageRequest, Order and Sort), but"
            + " it has %d"),
    QUERY_PARAMETER_TYPE(ERROR, "Parameter %s of %s has type %s, but it is used as %s"),
    QUERY_RETURN_TYPE(ERROR, "%s returns %s, which %s cannot: return %s"),
    QUERY_SPECIAL_PARAMETER(ERROR, "%s takes a %s, which %s"),
    FIND_ALL_AS_OF_ENTITY(ERROR, "%s reads the history of an @Audited entity, but %s %s"),
    FIND_ALL_AS_OF_SHAPE(ERROR, "%s must be declared CursoredPage<%s> findAllAsOf(Instant at, PageRequest pageRequest)"),
    QUERY_PROJECTION_COMPONENT(ERROR, "Component %s of %s matches no attribute of %s (it has %s)"),
    QUERY_PROJECTION_TYPE(ERROR, "Component %s of %s has type %s, but %s.%s is %s"),
    QUERY_BULK_HOOKS(ERROR, "%s %s many %s rows in one statement, but %s has %s hooks (%s), which run per entity;"
            + " a bulk statement cannot run them, so it is not generated: use the DAO's %s per entity"),
    QUERY_BULK_HIERARCHY(ERROR, "%s: bulk updates and deletes of %s, %s, are not supported yet; change its rows"
            + " through its DAO"),
    ACROSS_TENANTS_MISUSE(ERROR, "%s is @AcrossTenants, which %s"),
    QUERY_GENERIC(ERROR, "%s declares type parameters (%s); a query method returns %s, a record of its attributes or"
            + " an attribute's type, so declare it without them"),
    QUERY_CURSOR_ORDER(ERROR, "%s returns a CursoredPage ordered by %s, which %s; a cursor needs attributes that"
            + " are never NULL, compared as they are"),
    SQL_NOT_CONFINED(ERROR, "%s is not proven confined to the tenant: %s"),
    SQL_NO_COLUMN(ERROR, "%s returns %s, whose component %s has no column of that label in the select list (%s):"
            + " name it with AS"),
    SQL_SCHEMA_TABLES(ERROR, "%s names tables of schema-per-tenant entities, but %s is not tenanted per schema: name"
            + " them in a repository of a schema-per-tenant entity"),
    SQL_TENANT_PARAMETER(ERROR, "%s has a parameter named tenant: :tenant in @Sql is the current tenant, which the"
            + " generated code binds; rename the parameter"),
    SQL_NOT_CONFINED_TO_VENDOR(ERROR, "%s is not proven confined to the current vendor: %s"),
    SQL_VENDOR_PARAMETER(ERROR, "%s has a parameter named vendor: :vendor in @Sql is the current vendor, which the"
            + " generated code binds; rename the parameter"),
    SQL_TENANT_WIDE_VENDOR(ERROR, "%s is @Sql(tenantWide = true), so it runs across every vendor of the tenant, but"
            + " its SQL uses :vendor, the current vendor; drop tenantWide, or the :vendor conditions"),
    SQL_SCOPE_IN_SHARED(ERROR, "%s uses %s, but %s is shared by all tenants: its repository has no current tenant"
            + " or vendor; declare the method in the repository of a tenanted entity"),
    SQL_TENANT_WIDE_INSERT(ERROR, "%s is @Sql(tenantWide = true), but it inserts into %s, whose rows each belong to one"
            + " vendor: a tenant-wide block inserts no vendor-scoped row (it names no vendor). Insert as the vendor:"
            + " drop tenantWide and write :vendor into %s"),
    SQL_TENANT_WIDE_NO_VENDOR_TABLE(ERROR, "%s is @Sql(tenantWide = true), but its SQL names no table of a"
            + " @VendorScoped entity; drop tenantWide (it would only refuse callers acting as a vendor)"),
    CROSS_TENANT_REASON(ERROR, "@CrossTenant on %s needs a reason: it is printed in the cross-tenant report"),
    VERIFY_STATEMENT(ERROR, "%s does not run on PostgreSQL: %s"),
    VERIFY_DDL(ERROR, "The tables of this entity cannot be created on PostgreSQL: %s"),
    VERIFY_UNREACHABLE(ERROR, "Cannot verify the SQL against %s: %s"),
    VERIFY_SKIPPED(javax.tools.Diagnostic.Kind.NOTE, "tenantdao did not verify the repositories' SQL against a"
            + " PostgreSQL: set -A" + "tenantdao.verify.url=<JDBC URL> to"),
    COMPONENT_MODEL_UNKNOWN(ERROR, "-Atenantdao.componentModel=%s is not a component model tenantdao knows: use one"
            + " of %s; no DAO or repository is generated until it is one"),
    OPERATOR_ROLE_INVALID(ERROR, "-Atenantdao.operatorRole=%s is not a role name tenantdao writes into DDL: use a"
            + " lower-case SQL identifier of at most 63 characters (letters, digits, _); no DAO is generated until it is one"),
    LIFECYCLE_PARAMETER(ERROR, "%s must take one %s, a List<%s> (or another Collection) or an array %s[]"),
    SCHEMA_CHANGE(ERROR, "%s"),
    SCHEMA_NOTE(javax.tools.Diagnostic.Kind.NOTE, "tenantdao schema: %s"),
    PROCESSOR_FAILURE(ERROR, "tenantdao bug: processing %s failed with %s; please report it with the entity's source");

    private final Diagnostic.Kind kind;
    private final String format;

    Message(Diagnostic.Kind kind, String format) {
        this.kind = kind;
        this.format = format;
    }

    /** The text of this message with its arguments, as javac prints it. */
    public String format(Object... arguments) {
        return String.format(format, arguments);
    }

    /**
     * How javac reports it. Every message today is an ERROR: each one stops the entity's DAO from
     * being written, since the DAO would be wrong or would not compile.
     */
    public Diagnostic.Kind kind() {
        return kind;
    }
}

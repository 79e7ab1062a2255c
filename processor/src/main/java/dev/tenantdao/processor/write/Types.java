package dev.tenantdao.processor.write;

import com.palantir.javapoet.ClassName;

/** The types generated DAOs mention, by name (the processor does not depend on the runtime). */
final class Types {

    static final ClassName DATABASE = ClassName.get("dev.tenantdao.runtime", "Database");
    static final ClassName ROW_NOT_FOUND = ClassName.get("dev.tenantdao.runtime", "RowNotFoundException");
    static final ClassName ROW_DELETED = ClassName.get("dev.tenantdao.runtime", "RowDeletedException");
    static final ClassName OPTIMISTIC_LOCK = ClassName.get("dev.tenantdao.runtime", "OptimisticLockException");
    static final ClassName UNKNOWN_SUBTYPE = ClassName.get("dev.tenantdao.runtime", "UnknownSubtypeException");
    static final ClassName AUDIT_CONTEXT = ClassName.get("dev.tenantdao.runtime", "AuditContext");
    static final ClassName HISTORY_ENTRY = ClassName.get("dev.tenantdao.runtime", "HistoryEntry");
    static final ClassName TENANT_SCOPE = ClassName.get("dev.tenantdao.runtime.internal", "TenantScope");
    static final ClassName DAO_SUPPORT = ClassName.get("dev.tenantdao.runtime.internal", "DaoSupport");
    static final ClassName DAO_CALL = ClassName.get("dev.tenantdao.runtime.internal", "DaoCall");
    static final ClassName TENANT_ROW = ClassName.get("dev.tenantdao.runtime", "TenantRow");
    static final ClassName TENANT_KEYS = ClassName.get("dev.tenantdao.runtime.internal", "TenantKeys");
    static final ClassName TENANT_SQL = ClassName.get("dev.tenantdao.runtime.internal", "TenantSql");
    static final ClassName CONVERSIONS = ClassName.get("dev.tenantdao.runtime.internal", "Conversions");
    static final ClassName JDBC = ClassName.get("dev.tenantdao.runtime.internal", "Jdbc");
    static final ClassName REPOSITORIES = ClassName.get("dev.tenantdao.runtime.internal", "Repositories");
    static final ClassName ROW_STREAM = ClassName.get("dev.tenantdao.runtime.internal", "RowStream");
    static final ClassName PAGE = ClassName.get("jakarta.data.page", "Page");
    static final ClassName CURSORED_PAGE = ClassName.get("jakarta.data.page", "CursoredPage");
    static final ClassName PAGE_REQUEST = ClassName.get("jakarta.data.page", "PageRequest");
    static final ClassName STREAM = ClassName.get("java.util.stream", "Stream");
    static final ClassName MAP = ClassName.get("java.util", "Map");
    static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");
    static final ClassName INJECT = ClassName.get("jakarta.inject", "Inject");
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    static final ClassName INSTANT = ClassName.get("java.time", "Instant");
    static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
    static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
    static final ClassName LIST = ClassName.get("java.util", "List");
    static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
    static final ClassName ITERATOR = ClassName.get("java.util", "Iterator");
    static final ClassName UUID = ClassName.get("java.util", "UUID");
    static final ClassName CONNECTION = ClassName.get("java.sql", "Connection");
    static final ClassName PREPARED_STATEMENT = ClassName.get("java.sql", "PreparedStatement");
    static final ClassName RESULT_SET = ClassName.get("java.sql", "ResultSet");
    static final ClassName SQL_EXCEPTION = ClassName.get("java.sql", "SQLException");

    private Types() {}
}

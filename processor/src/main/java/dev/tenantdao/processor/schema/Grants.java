package dev.tenantdao.processor.schema;

import dev.tenantdao.annotations.internal.schema.SchemaModel.Table;
import dev.tenantdao.processor.sql.Identifiers;

/**
 * What the application's role needs on the tables a migration creates ({@code
 * -Atenantdao.schema.grantTo}): the schema, reading and writing a table's rows, only reading and
 * appending a history table's (it is append-only), and the sequences of generated ids. In the
 * migrations of each tenant's schema, so a tenant created later gets them too.
 */
final class Grants {

    private Grants() {}

    static String of(java.util.List<Table> created, String role) {
        String grantee = Identifiers.quote(role);
        StringBuilder sql = new StringBuilder();
        if (created.isEmpty()) {
            return "";
        }
        sql.append("GRANT USAGE ON SCHEMA \"${flyway:defaultSchema}\" TO ").append(grantee).append(";\n");
        for (Table table : created) {
            String privileges = table.appendOnly() ? "SELECT, INSERT" : "SELECT, INSERT, UPDATE, DELETE";
            sql.append("GRANT ").append(privileges).append(" ON ").append(Identifiers.quote(table.name())).append(" TO ")
                    .append(grantee).append(";\n");
        }
        sql.append("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA \"${flyway:defaultSchema}\" TO ")
                .append(grantee).append(";\n");
        return sql.toString();
    }
}

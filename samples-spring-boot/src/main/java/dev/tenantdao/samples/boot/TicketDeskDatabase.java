package dev.tenantdao.samples.boot;

import com.zaxxer.hikari.HikariDataSource;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.testkit.Postgres;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The desk's database, made at startup on the testkit's PostgreSQL ({@code TENANTDAO_JDBC_URL} if
 * set, else a server at 127.0.0.1:5432, else an embedded one): the schema {@code ticket-desk.schema}
 * created afresh with tenantdao's generated DDL (row-level security included) and the desk's own
 * activity table, as the administrative user; the application then connects through a pool as
 * {@code ticket-desk.role}, a role that owns nothing and is no superuser, so the row-level-security
 * policies hold for it.
 */
@Configuration(proxyBeanMethods = false)
public class TicketDeskDatabase {

    /** The desk's own table, written with JdbcTemplate; under row-level security like tenantdao's. */
    static final String ACTIVITY = """
            CREATE TABLE desk_activity (
                tenant_id text NOT NULL,
                ticket_id bigint NOT NULL,
                what text NOT NULL,
                at timestamptz NOT NULL DEFAULT clock_timestamp(),
                FOREIGN KEY (tenant_id, ticket_id) REFERENCES ticket (tenant_id, id));
            ALTER TABLE desk_activity ENABLE ROW LEVEL SECURITY;
            ALTER TABLE desk_activity FORCE ROW LEVEL SECURITY;
            CREATE POLICY desk_activity_tenant_isolation ON desk_activity
                USING (tenant_id = NULLIF(current_setting('tenantdao.tenant', true), ''))
                WITH CHECK (tenant_id = NULLIF(current_setting('tenantdao.tenant', true), ''))""";

    @Bean
    public DataSource dataSource(@Value("${ticket-desk.schema:ticket_desk}") String schema,
            @Value("${ticket-desk.role:ticket_desk_app}") String role) {
        Postgres postgres = Postgres.shared();
        DataSource owner = postgres.freshSchema(schema);
        Schema.create(owner, Ticket.class, TicketComment.class);
        new JdbcTemplate(owner).execute(ACTIVITY);
        HikariDataSource pool = new HikariDataSource();
        pool.setDataSource(postgres.applicationRole(role, schema));
        pool.setPoolName("ticket-desk");
        pool.setMaximumPoolSize(4);
        return pool;
    }
}

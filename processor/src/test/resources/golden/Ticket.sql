-- tenantdao strategy: ROW
CREATE TABLE IF NOT EXISTS ticket (
    tenant_id text NOT NULL,
    id bigint NOT NULL,
    number text,
    subject text,
    deleted_at timestamptz,
    history_version bigint NOT NULL DEFAULT 1,
    history_changed boolean NOT NULL DEFAULT true,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX IF NOT EXISTS ticket_number_live_key ON ticket (tenant_id, number) WHERE deleted_at IS NULL;
ALTER TABLE ticket ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS ticket_tenant_isolation ON ticket;
CREATE POLICY ticket_tenant_isolation ON ticket
    USING (tenant_id = NULLIF(current_setting('tenantdao.tenant', true), ''))
    WITH CHECK (tenant_id = NULLIF(current_setting('tenantdao.tenant', true), ''));
CREATE TABLE IF NOT EXISTS ticket_history (
    tenant_id text NOT NULL,
    id bigint NOT NULL,
    number text,
    subject text,
    deleted_at timestamptz,
    history_version bigint NOT NULL,
    history_operation text NOT NULL CHECK (history_operation IN ('INSERT', 'UPDATE', 'DELETE', 'RESTORE', 'PURGE')),
    history_changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    history_actor text,
    history_transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    PRIMARY KEY (tenant_id, id, history_version)
);
CREATE INDEX IF NOT EXISTS ticket_history_as_of ON ticket_history (tenant_id, id, history_changed_at, history_version);
CREATE INDEX IF NOT EXISTS ticket_history_changed_at ON ticket_history (tenant_id, history_changed_at);
CREATE INDEX IF NOT EXISTS ticket_history_transaction ON ticket_history (tenant_id, history_transaction_id);
CREATE OR REPLACE FUNCTION tenantdao_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'history is append-only: % on %', TG_OP, TG_TABLE_NAME;
END $$;
DROP TRIGGER IF EXISTS ticket_history_append_only ON ticket_history;
CREATE TRIGGER ticket_history_append_only BEFORE UPDATE OR DELETE ON ticket_history FOR EACH ROW EXECUTE FUNCTION tenantdao_history_append_only();
DROP TRIGGER IF EXISTS ticket_history_no_truncate ON ticket_history;
CREATE TRIGGER ticket_history_no_truncate BEFORE TRUNCATE ON ticket_history FOR EACH STATEMENT EXECUTE FUNCTION tenantdao_history_append_only();
ALTER TABLE ticket_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_history FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS ticket_history_tenant_isolation ON ticket_history;
CREATE POLICY ticket_history_tenant_isolation ON ticket_history
    USING (tenant_id = NULLIF(current_setting('tenantdao.tenant', true), ''))
    WITH CHECK (tenant_id = NULLIF(current_setting('tenantdao.tenant', true), ''));

-- tenantdao strategy: ROW
CREATE TABLE IF NOT EXISTS claim (
    tenant_id text NOT NULL,
    id text NOT NULL,
    type text NOT NULL CHECK (type IN ('damage', 'delay')),
    amount numeric,
    version bigint NOT NULL DEFAULT 0,
    history_version bigint NOT NULL DEFAULT 1,
    history_changed boolean NOT NULL DEFAULT true,
    PRIMARY KEY (tenant_id, id)
);
ALTER TABLE claim ENABLE ROW LEVEL SECURITY;
ALTER TABLE claim FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS claim_tenant_isolation ON claim;
CREATE POLICY claim_tenant_isolation ON claim
    USING (tenant_id = NULLIF(current_setting('tenantdao.tenant', true), ''))
    WITH CHECK (tenant_id = NULLIF(current_setting('tenantdao.tenant', true), ''));
CREATE TABLE IF NOT EXISTS damage_claim (
    tenant_id text NOT NULL,
    id text NOT NULL,
    description text,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, id) REFERENCES claim (tenant_id, id) ON DELETE CASCADE
);
ALTER TABLE damage_claim ENABLE ROW LEVEL SECURITY;
ALTER TABLE damage_claim FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS damage_claim_tenant_isolation ON damage_claim;
CREATE POLICY damage_claim_tenant_isolation ON damage_claim
    USING (tenant_id = NULLIF(current_setting('tenantdao.tenant', true), ''))
    WITH CHECK (tenant_id = NULLIF(current_setting('tenantdao.tenant', true), ''));
CREATE TABLE IF NOT EXISTS delay_claim (
    tenant_id text NOT NULL,
    id text NOT NULL,
    days integer NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, id) REFERENCES claim (tenant_id, id) ON DELETE CASCADE
);
ALTER TABLE delay_claim ENABLE ROW LEVEL SECURITY;
ALTER TABLE delay_claim FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS delay_claim_tenant_isolation ON delay_claim;
CREATE POLICY delay_claim_tenant_isolation ON delay_claim
    USING (tenant_id = NULLIF(current_setting('tenantdao.tenant', true), ''))
    WITH CHECK (tenant_id = NULLIF(current_setting('tenantdao.tenant', true), ''));
CREATE TABLE IF NOT EXISTS claim_history (
    tenant_id text NOT NULL,
    id text NOT NULL,
    type text NOT NULL,
    amount numeric,
    version bigint,
    description text,
    days integer,
    history_version bigint NOT NULL,
    history_operation text NOT NULL CHECK (history_operation IN ('INSERT', 'UPDATE', 'DELETE')),
    history_changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    history_actor text,
    history_transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    PRIMARY KEY (tenant_id, id, history_version)
);
CREATE INDEX IF NOT EXISTS claim_history_as_of ON claim_history (tenant_id, id, history_changed_at, history_version);
CREATE INDEX IF NOT EXISTS claim_history_changed_at ON claim_history (tenant_id, history_changed_at);
CREATE INDEX IF NOT EXISTS claim_history_transaction ON claim_history (tenant_id, history_transaction_id);
CREATE OR REPLACE FUNCTION tenantdao_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'history is append-only: % on %', TG_OP, TG_TABLE_NAME;
END $$;
DROP TRIGGER IF EXISTS claim_history_append_only ON claim_history;
CREATE TRIGGER claim_history_append_only BEFORE UPDATE OR DELETE ON claim_history FOR EACH ROW EXECUTE FUNCTION tenantdao_history_append_only();
DROP TRIGGER IF EXISTS claim_history_no_truncate ON claim_history;
CREATE TRIGGER claim_history_no_truncate BEFORE TRUNCATE ON claim_history FOR EACH STATEMENT EXECUTE FUNCTION tenantdao_history_append_only();
ALTER TABLE claim_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE claim_history FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS claim_history_tenant_isolation ON claim_history;
CREATE POLICY claim_history_tenant_isolation ON claim_history
    USING (tenant_id = NULLIF(current_setting('tenantdao.tenant', true), ''))
    WITH CHECK (tenant_id = NULLIF(current_setting('tenantdao.tenant', true), ''));

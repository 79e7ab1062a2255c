-- tenantdao strategy: SCHEMA
CREATE TABLE IF NOT EXISTS {schema}.note (
    id bigint NOT NULL,
    body text,
    history_version bigint NOT NULL DEFAULT 1,
    history_changed boolean NOT NULL DEFAULT true,
    PRIMARY KEY (id)
);
ALTER TABLE {schema}.note ENABLE ROW LEVEL SECURITY;
ALTER TABLE {schema}.note FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS note_own_rows ON {schema}.note;
CREATE POLICY note_own_rows ON {schema}.note
    USING (true)
    WITH CHECK (true);
CREATE TABLE IF NOT EXISTS {schema}.note_history (
    id bigint NOT NULL,
    body text,
    history_version bigint NOT NULL,
    history_operation text NOT NULL CHECK (history_operation IN ('INSERT', 'UPDATE', 'DELETE')),
    history_changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    history_actor text,
    history_transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    PRIMARY KEY (id, history_version)
);
CREATE INDEX IF NOT EXISTS note_history_as_of ON {schema}.note_history (id, history_changed_at, history_version);
CREATE INDEX IF NOT EXISTS note_history_changed_at ON {schema}.note_history (history_changed_at);
CREATE INDEX IF NOT EXISTS note_history_transaction ON {schema}.note_history (history_transaction_id);
CREATE OR REPLACE FUNCTION {schema}.tenantdao_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'history is append-only: % on %', TG_OP, TG_TABLE_NAME;
END $$;
DROP TRIGGER IF EXISTS note_history_append_only ON {schema}.note_history;
CREATE TRIGGER note_history_append_only BEFORE UPDATE OR DELETE ON {schema}.note_history FOR EACH ROW EXECUTE FUNCTION {schema}.tenantdao_history_append_only();
DROP TRIGGER IF EXISTS note_history_no_truncate ON {schema}.note_history;
CREATE TRIGGER note_history_no_truncate BEFORE TRUNCATE ON {schema}.note_history FOR EACH STATEMENT EXECUTE FUNCTION {schema}.tenantdao_history_append_only();
ALTER TABLE {schema}.note_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE {schema}.note_history FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS note_history_own_rows ON {schema}.note_history;
CREATE POLICY note_history_own_rows ON {schema}.note_history
    USING (true)
    WITH CHECK (true);
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'support_staff') THEN
        CREATE ROLE support_staff NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
CREATE TABLE IF NOT EXISTS {schema}.tenantdao_operator_access (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    actor text NOT NULL,
    reason text NOT NULL,
    operation text NOT NULL,
    tenants text[] NOT NULL,
    row_count bigint,
    writes boolean NOT NULL,
    failure text,
    rolled_back boolean NOT NULL DEFAULT false
);
CREATE OR REPLACE FUNCTION {schema}.tenantdao_operator_access_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'tenantdao_operator_access is append-only: % refused', TG_OP;
END $$;
DROP TRIGGER IF EXISTS tenantdao_operator_access_append_only ON {schema}.tenantdao_operator_access;
CREATE TRIGGER tenantdao_operator_access_append_only BEFORE UPDATE OR DELETE ON {schema}.tenantdao_operator_access FOR EACH ROW EXECUTE FUNCTION {schema}.tenantdao_operator_access_append_only();
DROP TRIGGER IF EXISTS tenantdao_operator_access_no_truncate ON {schema}.tenantdao_operator_access;
CREATE TRIGGER tenantdao_operator_access_no_truncate BEFORE TRUNCATE ON {schema}.tenantdao_operator_access FOR EACH STATEMENT EXECUTE FUNCTION {schema}.tenantdao_operator_access_append_only();
ALTER TABLE {schema}.tenantdao_operator_access ENABLE ROW LEVEL SECURITY;
ALTER TABLE {schema}.tenantdao_operator_access FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenantdao_operator_access_read ON {schema}.tenantdao_operator_access;
CREATE POLICY tenantdao_operator_access_read ON {schema}.tenantdao_operator_access FOR SELECT TO support_staff USING (true);
DROP POLICY IF EXISTS tenantdao_operator_access_append ON {schema}.tenantdao_operator_access;
CREATE POLICY tenantdao_operator_access_append ON {schema}.tenantdao_operator_access FOR INSERT TO support_staff WITH CHECK (true);
GRANT SELECT, INSERT ON {schema}.tenantdao_operator_access TO support_staff;
GRANT USAGE ON SCHEMA {schema} TO support_staff;
DROP POLICY IF EXISTS note_operator_read ON {schema}.note;
CREATE POLICY note_operator_read ON {schema}.note FOR SELECT TO support_staff
    USING (true);
DROP POLICY IF EXISTS note_operator_insert ON {schema}.note;
CREATE POLICY note_operator_insert ON {schema}.note AS RESTRICTIVE FOR INSERT TO support_staff
    WITH CHECK (current_setting('tenantdao.operator_writes', true) = 'on');
DROP POLICY IF EXISTS note_operator_update ON {schema}.note;
CREATE POLICY note_operator_update ON {schema}.note AS RESTRICTIVE FOR UPDATE TO support_staff
    USING (current_setting('tenantdao.operator_writes', true) = 'on') WITH CHECK (current_setting('tenantdao.operator_writes', true) = 'on');
DROP POLICY IF EXISTS note_operator_delete ON {schema}.note;
CREATE POLICY note_operator_delete ON {schema}.note AS RESTRICTIVE FOR DELETE TO support_staff
    USING (current_setting('tenantdao.operator_writes', true) = 'on');
GRANT SELECT, INSERT, UPDATE, DELETE ON {schema}.note TO support_staff;
DROP POLICY IF EXISTS note_history_operator_read ON {schema}.note_history;
CREATE POLICY note_history_operator_read ON {schema}.note_history FOR SELECT TO support_staff
    USING (true);
DROP POLICY IF EXISTS note_history_operator_insert ON {schema}.note_history;
CREATE POLICY note_history_operator_insert ON {schema}.note_history AS RESTRICTIVE FOR INSERT TO support_staff
    WITH CHECK (current_setting('tenantdao.operator_writes', true) = 'on');
DROP POLICY IF EXISTS note_history_operator_update ON {schema}.note_history;
CREATE POLICY note_history_operator_update ON {schema}.note_history AS RESTRICTIVE FOR UPDATE TO support_staff
    USING (current_setting('tenantdao.operator_writes', true) = 'on') WITH CHECK (current_setting('tenantdao.operator_writes', true) = 'on');
DROP POLICY IF EXISTS note_history_operator_delete ON {schema}.note_history;
CREATE POLICY note_history_operator_delete ON {schema}.note_history AS RESTRICTIVE FOR DELETE TO support_staff
    USING (current_setting('tenantdao.operator_writes', true) = 'on');
GRANT SELECT, INSERT ON {schema}.note_history TO support_staff;

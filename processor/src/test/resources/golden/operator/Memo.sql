-- tenantdao strategy: DATABASE
CREATE TABLE IF NOT EXISTS memo (
    id bigint NOT NULL,
    body text,
    PRIMARY KEY (id)
);
ALTER TABLE memo ENABLE ROW LEVEL SECURITY;
ALTER TABLE memo FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS memo_own_rows ON memo;
CREATE POLICY memo_own_rows ON memo
    USING (true)
    WITH CHECK (true);
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'support_staff') THEN
        CREATE ROLE support_staff NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
CREATE TABLE IF NOT EXISTS tenantdao_operator_access (
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
CREATE OR REPLACE FUNCTION tenantdao_operator_access_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'tenantdao_operator_access is append-only: % refused', TG_OP;
END $$;
DROP TRIGGER IF EXISTS tenantdao_operator_access_append_only ON tenantdao_operator_access;
CREATE TRIGGER tenantdao_operator_access_append_only BEFORE UPDATE OR DELETE ON tenantdao_operator_access FOR EACH ROW EXECUTE FUNCTION tenantdao_operator_access_append_only();
DROP TRIGGER IF EXISTS tenantdao_operator_access_no_truncate ON tenantdao_operator_access;
CREATE TRIGGER tenantdao_operator_access_no_truncate BEFORE TRUNCATE ON tenantdao_operator_access FOR EACH STATEMENT EXECUTE FUNCTION tenantdao_operator_access_append_only();
ALTER TABLE tenantdao_operator_access ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenantdao_operator_access FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenantdao_operator_access_read ON tenantdao_operator_access;
CREATE POLICY tenantdao_operator_access_read ON tenantdao_operator_access FOR SELECT TO support_staff USING (true);
DROP POLICY IF EXISTS tenantdao_operator_access_append ON tenantdao_operator_access;
CREATE POLICY tenantdao_operator_access_append ON tenantdao_operator_access FOR INSERT TO support_staff WITH CHECK (true);
GRANT SELECT, INSERT ON tenantdao_operator_access TO support_staff;
DROP POLICY IF EXISTS memo_operator_read ON memo;
CREATE POLICY memo_operator_read ON memo FOR SELECT TO support_staff
    USING (true);
DROP POLICY IF EXISTS memo_operator_insert ON memo;
CREATE POLICY memo_operator_insert ON memo AS RESTRICTIVE FOR INSERT TO support_staff
    WITH CHECK (current_setting('tenantdao.operator_writes', true) = 'on');
DROP POLICY IF EXISTS memo_operator_update ON memo;
CREATE POLICY memo_operator_update ON memo AS RESTRICTIVE FOR UPDATE TO support_staff
    USING (current_setting('tenantdao.operator_writes', true) = 'on') WITH CHECK (current_setting('tenantdao.operator_writes', true) = 'on');
DROP POLICY IF EXISTS memo_operator_delete ON memo;
CREATE POLICY memo_operator_delete ON memo AS RESTRICTIVE FOR DELETE TO support_staff
    USING (current_setting('tenantdao.operator_writes', true) = 'on');
GRANT SELECT, INSERT, UPDATE, DELETE ON memo TO support_staff;

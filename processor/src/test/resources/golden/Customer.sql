-- tenantdao strategy: ROW
CREATE TABLE IF NOT EXISTS customers (
    org_id uuid NOT NULL,
    id uuid NOT NULL,
    display_name text NOT NULL,
    rating integer,
    active boolean NOT NULL,
    PRIMARY KEY (org_id, id)
);
ALTER TABLE customers ENABLE ROW LEVEL SECURITY;
ALTER TABLE customers FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS customers_tenant_isolation ON customers;
CREATE POLICY customers_tenant_isolation ON customers
    USING (org_id = NULLIF(current_setting('tenantdao.tenant', true), '')::uuid)
    WITH CHECK (org_id = NULLIF(current_setting('tenantdao.tenant', true), '')::uuid);

-- tenantdao strategy: ROW
CREATE TABLE IF NOT EXISTS subscription (
    tenant_id text NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    plan text,
    price bigint,
    started_at timestamptz DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);

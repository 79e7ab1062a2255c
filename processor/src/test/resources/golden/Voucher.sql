-- tenantdao strategy: SCHEMA
DO $$ BEGIN
    CREATE TYPE {schema}.voucher_state AS ENUM ('ISSUED', 'REDEEMED', 'VOID');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
CREATE TABLE IF NOT EXISTS {schema}.voucher (
    code text NOT NULL,
    state {schema}.voucher_state DEFAULT 'ISSUED',
    cents bigint NOT NULL,
    PRIMARY KEY (code)
);

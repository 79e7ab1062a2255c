-- tenantdao strategy: SCHEMA
CREATE TABLE IF NOT EXISTS {schema}.ledger_line (id bigint PRIMARY KEY);

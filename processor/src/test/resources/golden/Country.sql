-- tenantdao strategy: SHARED
CREATE TABLE IF NOT EXISTS country (
    code text NOT NULL,
    name text,
    PRIMARY KEY (code)
);

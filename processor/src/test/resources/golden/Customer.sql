CREATE TABLE IF NOT EXISTS customers (
    org_id uuid NOT NULL,
    id uuid NOT NULL,
    display_name text NOT NULL,
    rating integer,
    active boolean NOT NULL,
    PRIMARY KEY (org_id, id)
);

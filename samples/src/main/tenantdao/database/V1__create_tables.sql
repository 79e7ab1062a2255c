-- tenantdao: version 1 of the database tables, created from nothing.
-- Generated from the entities; review it and commit it with 1.json. Never edit it once it has run.

CREATE TABLE IF NOT EXISTS clinical_note (
    id uuid NOT NULL,
    patient_ref bigint NOT NULL,
    severity text NOT NULL,
    tags text,
    body text,
    written_at timestamptz,
    confidential boolean NOT NULL,
    version integer NOT NULL DEFAULT 0,
    PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS document (
    id uuid NOT NULL,
    title text NOT NULL,
    content bytea NOT NULL,
    archived_at timestamptz NOT NULL,
    history_version bigint NOT NULL DEFAULT 1,
    history_changed boolean NOT NULL DEFAULT true,
    PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS document_history (
    id uuid NOT NULL,
    title text,
    content bytea,
    archived_at timestamptz,
    history_version bigint NOT NULL,
    history_operation text NOT NULL CHECK (history_operation IN ('INSERT', 'UPDATE', 'DELETE')),
    history_changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    history_actor text,
    history_transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    PRIMARY KEY (id, history_version)
);
CREATE INDEX IF NOT EXISTS document_history_as_of ON document_history (id, history_changed_at, history_version);
CREATE INDEX IF NOT EXISTS document_history_changed_at ON document_history (history_changed_at);
CREATE INDEX IF NOT EXISTS document_history_transaction ON document_history (history_transaction_id);
CREATE OR REPLACE FUNCTION tenantdao_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'history is append-only: % on %', TG_OP, TG_TABLE_NAME;
END $$;
DROP TRIGGER IF EXISTS document_history_append_only ON document_history;
CREATE TRIGGER document_history_append_only BEFORE UPDATE OR DELETE ON document_history FOR EACH ROW EXECUTE FUNCTION tenantdao_history_append_only();
DROP TRIGGER IF EXISTS document_history_no_truncate ON document_history;
CREATE TRIGGER document_history_no_truncate BEFORE TRUNCATE ON document_history FOR EACH STATEMENT EXECUTE FUNCTION tenantdao_history_append_only();

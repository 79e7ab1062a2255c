-- tenantdao strategy: SCHEMA
CREATE TABLE IF NOT EXISTS {schema}.shipment (
    id text NOT NULL,
    type text NOT NULL CHECK (type IN ('Parcel', 'pallet')),
    destination text,
    PRIMARY KEY (id)
);
CREATE TABLE IF NOT EXISTS {schema}.parcel (
    id text NOT NULL,
    weight_grams integer NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY (id) REFERENCES {schema}.shipment (id) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS {schema}.freight_pallet (
    id text NOT NULL,
    stackable boolean NOT NULL,
    carrier text,
    PRIMARY KEY (id),
    FOREIGN KEY (id) REFERENCES {schema}.shipment (id) ON DELETE CASCADE
);

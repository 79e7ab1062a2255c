INSERT INTO item (tenant_id, name, price, quantity) VALUES ('inserts', 'new', 1.00, 1) RETURNING id;


\set id random(1, 100000)
\set t :id % 100
SELECT set_config('tenantdao.tenant', 'tenant-' || :t, false) \; SELECT id, name, price, quantity FROM item WHERE tenant_id = 'tenant-' || :t AND id = :id \; SELECT set_config('tenantdao.tenant', '', false);

package dev.tenantdao.samples.hostile.a;

import dev.tenantdao.runtime.EntityListener;
import dev.tenantdao.samples.hostile.Calls;
import dev.tenantdao.samples.hostile.ResultSet;

/** A listener with the same simple name as the other package's. */
public class Audit implements EntityListener<ResultSet> {
    @Override
    public ResultSet beforeInsert(ResultSet row) {
        Calls.log("a.beforeInsert");
        return row;
    }
}

package dev.tenantdao.samples.hostile;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Convert;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Listeners;
import dev.tenantdao.annotations.Tenanted;

/**
 * A deliberately hostile entity: named like {@code java.sql.ResultSet} (which its DAO uses), two
 * converters and two listeners with the same simple names from different packages, and fields named
 * like the generated code's locals, constants and fields.
 */
@Entity
@Tenanted
@Audited
@Listeners({dev.tenantdao.samples.hostile.a.Audit.class, dev.tenantdao.samples.hostile.b.Audit.class})
public record ResultSet(
        @Id String id,
        @Convert(dev.tenantdao.samples.hostile.a.MoneyConverter.class) Amount net,
        @Convert(dev.tenantdao.samples.hostile.b.MoneyConverter.class) Amount refund,
        String tenant,
        String schema,
        String connection,
        String statement,
        String keys,
        String rows,
        int i,
        int size,
        String database,
        String SCOPE,
        String INSERT,
        String netValue,
        String resultSets) {

    public static ResultSet of(String id, String net, String refund) {
        return new ResultSet(id, Amount.of(net), Amount.of(refund), "t", "s", "c", "st", "k", "r", 1, 2, "d", "SC",
                "IN", "nv", "rs");
    }
}

package dev.tenantdao.samples.types;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import java.util.UUID;

/** A mutable class whose id the database chooses when the application leaves it null (a default). */
@Entity
@Tenanted
public class Voucher {
    @Id
    @Column(defaultSql = "gen_random_uuid()")
    UUID id;
    String code;

    public Voucher() {}

    static Voucher of(UUID id, String code) {
        Voucher voucher = new Voucher();
        voucher.id = id;
        voucher.code = code;
        return voucher;
    }
}

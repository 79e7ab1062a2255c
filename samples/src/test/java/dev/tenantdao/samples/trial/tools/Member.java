package dev.tenantdao.samples.trial.tools;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Convert;
import dev.tenantdao.annotations.Embedded;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.SoftDelete;
import dev.tenantdao.annotations.TenantId;

/** A library member: a card number unique among live members, a refundable deposit, soft deleted, audited. */
@Entity(table = "tl_member")
@Audited
@SoftDelete
public record Member(
        @Id long id,
        @TenantId String library,
        @Column(unique = true, nullable = false) String card,
        @Column(nullable = false) String name,
        @Embedded(prefix = "deposit_") Money deposit,
        @Column(nullable = false) Tier tier,
        @Convert(PhoneConverter.class) Phone phone) {

    public static Member of(long id, String card, String name, Money deposit) {
        return new Member(id, null, card, name, deposit, Tier.BASIC, null);
    }

    public Member withName(String newName) {
        return new Member(id, library, card, newName, deposit, tier, phone);
    }

    public Member withTier(Tier newTier) {
        return new Member(id, library, card, name, deposit, newTier, phone);
    }

    public Member withLibraryCleared() {
        return new Member(id, null, card, name, deposit, tier, phone);
    }

    public Member withPhone(Phone newPhone) {
        return new Member(id, library, card, name, deposit, tier, newPhone);
    }
}

package dev.tenantdao.samples.notices;

import dev.tenantdao.annotations.AfterLoad;
import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.samples.common.HookTrail;

/**
 * A notice sent to a recipient through a channel: column {@code channel} says which. Messages
 * ({@link Message}: email and text) are an intermediate level with a DAO of their own. Rows of a
 * channel no subtype claims (a newer service's) load as {@link OtherNotice}.
 */
@Entity(table = "notice")
@Polymorphic(strategy = Polymorphic.Strategy.SINGLE_TABLE, discriminator = "channel")
@Audited
public sealed interface Notice permits Message, OtherNotice {

    @Id(generated = true)
    long id();

    String recipient();

    String body();

    @AfterLoad
    default void noticeLoaded() {
        HookTrail.record("Notice.afterLoad");
    }
}

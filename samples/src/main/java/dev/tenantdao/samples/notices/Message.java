package dev.tenantdao.samples.notices;

import dev.tenantdao.annotations.AfterLoad;
import dev.tenantdao.annotations.BeforeInsert;
import dev.tenantdao.annotations.Listeners;
import dev.tenantdao.samples.common.HookTrail;

/**
 * An intermediate level: the notices written to a person (email and text), mapped by the root.
 * {@code MessageDao} reads and writes them only ({@code channel IN ('email', 'sms')}); its hooks run
 * between the root's and the concrete subtype's.
 */
@Listeners(MessageTrail.class)
public sealed interface Message extends Notice permits EmailNotice, SmsNotice {

    @BeforeInsert
    default Message checked() {
        HookTrail.record("Message.beforeInsert");
        if (recipient() == null || recipient().isBlank()) {
            throw new IllegalArgumentException("a message needs a recipient");
        }
        return this;
    }

    @AfterLoad
    default void messageLoaded() {
        HookTrail.record("Message.afterLoad");
    }
}

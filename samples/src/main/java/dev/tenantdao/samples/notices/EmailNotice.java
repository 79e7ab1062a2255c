package dev.tenantdao.samples.notices;

import dev.tenantdao.annotations.AfterLoad;
import dev.tenantdao.annotations.Subtype;
import dev.tenantdao.samples.common.HookTrail;

/** A notice by email, with its subject. */
@Subtype("email")
public record EmailNotice(long id, String recipient, String body, String subject) implements Message {

    public EmailNotice(String recipient, String body, String subject) {
        this(0, recipient, body, subject);
    }

    @AfterLoad
    void emailLoaded() {
        HookTrail.record("EmailNotice.afterLoad");
    }
}

package dev.tenantdao.samples.notices;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Subtype;

/**
 * The fallback: a notice of a channel no other subtype claims (or one written as {@code other}).
 * {@code channel} is the value its row was loaded with, read-only; inserted, it is {@code other}.
 */
@Subtype(value = "other", fallback = true)
public record OtherNotice(long id, String recipient, String body,
                          @Column(name = "channel", insertable = false) String channel) implements Notice {

    public OtherNotice(String recipient, String body) {
        this(0, recipient, body, null);
    }
}

package dev.tenantdao.samples.notices;

import dev.tenantdao.annotations.Subtype;

/** A notice by text message, to a phone number. */
@Subtype("sms")
public record SmsNotice(long id, String recipient, String body, String phone) implements Message {

    public SmsNotice(String recipient, String body, String phone) {
        this(0, recipient, body, phone);
    }
}

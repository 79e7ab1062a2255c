package dev.tenantdao.samples.notices;

import dev.tenantdao.runtime.EntityListener;
import dev.tenantdao.samples.common.HookTrail;

/** The intermediate level's listener: records the inserts and loads of messages. */
public final class MessageTrail implements EntityListener<Message> {

    @Override
    public Message beforeInsert(Message message) {
        HookTrail.record("MessageTrail.beforeInsert");
        return message;
    }

    @Override
    public void afterLoad(Message message) {
        HookTrail.record("MessageTrail.afterLoad");
    }
}

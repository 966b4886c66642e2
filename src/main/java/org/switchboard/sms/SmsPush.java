package org.switchboard.sms;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.switchboard.webhook.WebhookAttempted;
import org.switchboard.webhook.Webhooks;

/**
 * Tells the SMS pages that messages changed, through the Faces push channel {@value #CHANNEL}, and the webhooks page
 * that deliveries did ({@value #WEBHOOKS_CHANNEL}), once the change is committed. Like the phones' channel they carry
 * no data, and a busy minute makes one message every half second.
 */
@ApplicationScoped
public class SmsPush {

    static final String CHANNEL = "sms";
    private static final long COALESCE_MILLIS = 500;

    @Inject
    @Push(channel = CHANNEL)
    private PushContext channel;

    /** An SMS arrived: every page's menu shows the unread count. */
    static final String INBOX_CHANNEL = "inbox";

    @Inject
    @Push(channel = INBOX_CHANNEL)
    private PushContext inbox;

    /** A webhook delivery was queued or tried: the webhooks page shows the deliveries again. */
    static final String WEBHOOKS_CHANNEL = "webhooks";

    @Inject
    @Push(channel = WEBHOOKS_CHANNEL)
    private PushContext webhooks;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private final AtomicBoolean messagesPending = new AtomicBoolean();
    private final AtomicBoolean webhooksPending = new AtomicBoolean();

    /** Some message took a new state. */
    record MessagesChanged() {}

    /** Someone read a conversation: the unread counts went down. */
    record InboxRead() {}

    void received(@Observes(during = TransactionPhase.AFTER_SUCCESS) IncomingSmsStored event) {
        inbox.send("received");
    }

    void read(@Observes(during = TransactionPhase.AFTER_SUCCESS) InboxRead event) {
        inbox.send("read");
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagesChanged event) {
        coalesced(messagesPending, channel);
    }

    void deliveriesQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Webhooks.DeliveriesQueued event) {
        coalesced(webhooksPending, webhooks);
    }

    void deliveryTried(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookAttempted event) {
        coalesced(webhooksPending, webhooks);
    }

    /** One message for all the changes of the next half second. */
    private void coalesced(AtomicBoolean pending, PushContext target) {
        if (pending.compareAndSet(false, true)) {
            scheduler.schedule(
                    () -> {
                        pending.set(false);
                        target.send("changed");
                    },
                    COALESCE_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }
}

package org.switchboard.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.switchboard.webhook.WebhookEvent;
import org.switchboard.webhook.Webhooks;

/**
 * Hands the SMS events to the webhooks that want them, in the transaction that made each, so that a rollback announces
 * nothing.
 */
@ApplicationScoped
@Transactional
public class SmsWebhooks {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Webhooks webhooks;

    void stateChanged(@Observes SmsStateChanged change) {
        // Queued and dispatched are the server's own business; receivers hear from the phone's first report on.
        if (change.state() == MessageState.QUEUED || change.state() == MessageState.DISPATCHED) {
            return;
        }
        webhooks.queue(WebhookEvent.SMS_STATE, deliveryId -> WebhookPayload.stateChanged(deliveryId, change));
    }

    void received(@Observes IncomingSmsStored stored) {
        if (stored.sms().getDirection() != IncomingSms.Direction.RECEIVED
                || !webhooks.anyWants(WebhookEvent.SMS_RECEIVED)) {
            return;
        }
        // The incoming SMS gets its id at insert.
        em.flush();
        webhooks.queue(WebhookEvent.SMS_RECEIVED, deliveryId -> WebhookPayload.received(deliveryId, stored.sms()));
    }
}

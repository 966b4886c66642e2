package org.switchboard.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.switchboard.contact.PhoneNumbers;
import org.switchboard.phone.CommandAcknowledged;
import org.switchboard.phone.CommandAction;
import org.switchboard.phone.CommandCompleted;
import org.switchboard.phone.CommandState;
import org.switchboard.phone.CommandsReported;
import org.switchboard.phone.PhoneConnected;
import org.switchboard.phone.PhoneRevoked;
import org.switchboard.phone.PhoneStatusChanged;
import org.switchboard.phone.SmsPartReported;
import org.switchboard.phone.SmsReceived;
import org.switchboard.phone.SmsSentFromPhone;

/**
 * What the phones report, turned into the messages' states and the inbox. These observers run inside the
 * transaction that records the phone's report, so what they store is stored before the phone is acknowledged.
 */
@ApplicationScoped
@Transactional
public class SmsLifecycle {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SmsOutbox outbox;

    @Inject
    private Event<SmsDispatcher.QueueChanged> queueChanged;

    @Inject
    private SmsSettings settings;

    @Inject
    private Event<SmsPush.MessagesChanged> changed;

    @Inject
    private Event<IncomingSmsStored> stored;

    @Inject
    private PhoneNumbers phoneNumbers;

    /** Reports on many messages are coming in this transaction: read those messages in one query. */
    void reported(@Observes CommandsReported event) {
        if (event.action() == CommandAction.SEND_SMS) {
            outbox.load(event.references());
        }
    }

    void acknowledged(@Observes CommandAcknowledged event) {
        if (event.action() == CommandAction.SEND_SMS) {
            outbox.acknowledged(event.reference(), event.commandId(), event.deviceId());
        }
    }

    void part(@Observes SmsPartReported event) {
        SmsPart.State state = SmsPart.State.valueOf(event.state().name());
        outbox.partReported(
                event.reference(),
                event.commandId(),
                event.deviceId(),
                event.part(),
                event.parts(),
                state,
                event.reason());
    }

    void completed(@Observes CommandCompleted event) {
        if (event.action() != CommandAction.SEND_SMS || event.succeeded()) {
            return;
        }
        if (event.state() == CommandState.FAILED) {
            outbox.failedOnPhone(
                    event.reference(), event.commandId(), event.deviceId(), event.reason(), settings.maxAttempts());
            queueChanged.fire(new SmsDispatcher.QueueChanged());
        } else if (event.state() == CommandState.EXPIRED || event.state() == CommandState.UNSUPPORTED) {
            outbox.notDelivered(event.reference(), event.commandId(), event.reason());
            queueChanged.fire(new SmsDispatcher.QueueChanged());
        }
    }

    /**
     * A phone that merely drops keeps its messages: it is given them again, under the same command ids, when it comes
     * back ({@link SmsDispatcher} moves them to another phone after a while). A revoked one never comes back.
     */
    void revoked(@Observes PhoneRevoked event) {
        if (outbox.takeBackFrom(event.deviceId()) > 0) {
            queueChanged.fire(new SmsDispatcher.QueueChanged());
        }
    }

    void connected(@Observes PhoneConnected event) {
        queueChanged.fire(new SmsDispatcher.QueueChanged());
    }

    /** A phone said hello (or its line came up): it can take messages now. */
    void ready(@Observes PhoneStatusChanged event) {
        queueChanged.fire(new SmsDispatcher.QueueChanged());
    }

    void received(@Observes SmsReceived sms) {
        IncomingSms incoming = new IncomingSms(
                sms.deviceId(),
                sms.simSlot(),
                IncomingSms.Direction.RECEIVED,
                phoneNumbers.tryNormalise(sms.from()).orElse(sms.from()),
                sms.from(),
                sms.contactName(),
                sms.text(),
                sms.at());
        em.persist(incoming);
        stored.fire(new IncomingSmsStored(incoming));
        changed.fire(new SmsPush.MessagesChanged());
    }

    void typedOnPhone(@Observes SmsSentFromPhone sms) {
        em.persist(new IncomingSms(
                sms.deviceId(),
                null,
                IncomingSms.Direction.SENT_FROM_PHONE,
                phoneNumbers.tryNormalise(sms.to()).orElse(sms.to()),
                sms.to(),
                sms.contactName(),
                sms.text(),
                sms.at()));
    }
}

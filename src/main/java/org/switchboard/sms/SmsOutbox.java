package org.switchboard.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.phone.PhoneGateway;

/** The stored messages as the dispatcher and the phones' reports move them, each change recorded in the timeline. */
@ApplicationScoped
@Transactional
public class SmsOutbox {

    static final Duration PACE_WINDOW = Duration.ofMinutes(1);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(30);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PhoneGateway gateway;

    @Inject
    private Clock clock;

    @Inject
    private Event<SmsPush.MessagesChanged> changed;

    @Inject
    private Event<SmsStateChanged> stateChanged;

    List<SmsMessage> due(int limit) {
        return em.createNamedQuery(SmsMessage.DUE, SmsMessage.class)
                .setParameter("queued", MessageState.QUEUED)
                .setParameter("now", clock.instant())
                .setMaxResults(limit)
                .getResultList();
    }

    /** Parts each phone and SIM was given in the last minute: the pace survives a restart because it is stored. */
    Map<Routing.Route, Integer> partsDispatchedLastMinute() {
        Map<Routing.Route, Integer> used = new HashMap<>();
        for (Object[] row : em.createNamedQuery(SmsMessage.PARTS_DISPATCHED_SINCE, Object[].class)
                .setParameter("since", clock.instant().minus(PACE_WINDOW))
                .getResultList()) {
            used.put(new Routing.Route((Long) row[0], (Integer) row[1]), ((Number) row[2]).intValue());
        }
        return used;
    }

    /** Hands the message to the phone's command queue in one transaction with its new state. */
    boolean dispatch(long messageId, Routing.Route route) {
        SmsMessage message = em.find(SmsMessage.class, messageId);
        if (message == null || message.getState() != MessageState.QUEUED) {
            return false;
        }
        String commandId = gateway.sendSms(
                message.getCreatedBy(),
                route.deviceId(),
                String.valueOf(messageId),
                message.getRecipient(),
                message.getText(),
                route.sim());
        Instant now = clock.instant();
        return record(message, message.dispatch(route.deviceId(), route.sim(), commandId, now), null, now);
    }

    int expireOverdue() {
        Instant now = clock.instant();
        List<SmsMessage> overdue = em.createNamedQuery(SmsMessage.OVERDUE, SmsMessage.class)
                .setParameter("queued", MessageState.QUEUED)
                .setParameter("now", now)
                .getResultList();
        overdue.forEach(message ->
                record(message, message.fail(MessageState.EXPIRED, "not sent in time", now), "not sent in time", now));
        return overdue.size();
    }

    /** Messages a phone had not acknowledged when it went away go back to the queue for another phone. */
    int takeBackFrom(long deviceId) {
        Instant now = clock.instant();
        int taken = 0;
        for (SmsMessage message : em.createNamedQuery(SmsMessage.UNACKNOWLEDGED_ON, SmsMessage.class)
                .setParameter("device", deviceId)
                .setParameter("dispatched", MessageState.DISPATCHED)
                .getResultList()) {
            if (gateway.cancel(message.getCommandId())
                    && record(message, message.requeue(now, "phone went offline", now), "phone went offline", now)) {
                taken++;
            }
        }
        return taken;
    }

    void acknowledged(String reference, String commandId) {
        current(reference, commandId).ifPresent(message -> {
            Instant now = clock.instant();
            record(message, message.acknowledged(now), null, now);
        });
    }

    void partReported(String reference, String commandId, int part, int parts, SmsPart.State state, String reason) {
        current(reference, commandId).ifPresent(message -> {
            Instant now = clock.instant();
            record(message, message.partReported(part, parts, state, reason, now), reason, now);
        });
    }

    /**
     * The phone could not send it. Sent again later (with a growing pause) if no part left the phone and tries remain,
     * as a radio that is off or a network that is down usually comes back; failed otherwise.
     */
    void failedOnPhone(String reference, String commandId, String reason, int maxAttempts) {
        current(reference, commandId).ifPresent(message -> {
            Instant now = clock.instant();
            if (!message.anyPartLeft() && message.getAttempts() < maxAttempts) {
                Instant retry = now.plus(backoff(message.getAttempts()));
                record(message, message.requeue(retry, reason, now), "retry: " + reason, now);
            } else {
                record(message, message.fail(MessageState.FAILED, reason, now), reason, now);
            }
        });
    }

    /** The command never reached a phone (expired, cancelled, or the phone cannot): queued again at once. */
    void notDelivered(String reference, String commandId, String reason) {
        current(reference, commandId).ifPresent(message -> {
            Instant now = clock.instant();
            record(message, message.requeue(now, reason, now), reason, now);
        });
    }

    public List<SmsEvent> timeline(long messageId) {
        return em.createNamedQuery(SmsEvent.OF_MESSAGE, SmsEvent.class)
                .setParameter("message", messageId)
                .getResultList();
    }

    /** The history page's rows: newest first, optionally in one state. */
    public List<SmsMessage> page(MessageState state, int first, int size) {
        var query = em.createQuery(
                "select m from SmsMessage m" + (state == null ? "" : " where m.state = :state") + " order by m.id desc",
                SmsMessage.class);
        if (state != null) {
            query.setParameter("state", state);
        }
        return query.setFirstResult(first).setMaxResults(size).getResultList();
    }

    public long count(MessageState state) {
        var query = em.createQuery(
                "select count(m) from SmsMessage m" + (state == null ? "" : " where m.state = :state"), Long.class);
        if (state != null) {
            query.setParameter("state", state);
        }
        return query.getSingleResult();
    }

    /** Newest first, optionally in one state, before a given id (the last of the previous page). */
    public List<SmsMessage> list(MessageState state, Long before, int limit) {
        StringBuilder query = new StringBuilder("select m from SmsMessage m where 1 = 1");
        if (state != null) {
            query.append(" and m.state = :state");
        }
        if (before != null) {
            query.append(" and m.id < :before");
        }
        var typed = em.createQuery(query.append(" order by m.id desc").toString(), SmsMessage.class);
        if (state != null) {
            typed.setParameter("state", state);
        }
        if (before != null) {
            typed.setParameter("before", before);
        }
        return typed.setMaxResults(limit).getResultList();
    }

    public Optional<SmsMessage> find(long messageId) {
        return Optional.ofNullable(em.find(SmsMessage.class, messageId));
    }

    static Duration backoff(int attempts) {
        Duration pause = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 10));
        return pause.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : pause;
    }

    /** The message a report is about, if the report is about its current command (not one it was taken back from). */
    private Optional<SmsMessage> current(String reference, String commandId) {
        if (reference == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(em.find(SmsMessage.class, Long.parseLong(reference)))
                    .filter(message -> commandId.equals(message.getCommandId()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private boolean record(SmsMessage message, Optional<MessageState> moved, String detail, Instant now) {
        moved.ifPresent(state -> {
            em.persist(new SmsEvent(message.getId(), state, now, detail));
            // Ids are given at insert: flushing now keeps the timeline in the order the states were taken.
            em.flush();
            changed.fire(new SmsPush.MessagesChanged());
            stateChanged.fire(new SmsStateChanged(message.getId(), message.getRecipient(), state, now, detail));
        });
        return moved.isPresent();
    }
}

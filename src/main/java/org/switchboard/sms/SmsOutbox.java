package org.switchboard.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.switchboard.audit.AuditEvent;
import org.switchboard.phone.Device;
import org.switchboard.phone.PhoneGateway;
import org.switchboard.platform.RowClaims;

/** The stored messages as the dispatcher and the phones' reports move them, each change recorded in the timeline. */
@ApplicationScoped
@Transactional
public class SmsOutbox {

    static final Duration PACE_WINDOW = Duration.ofMinutes(1);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(30);
    private static final int INSERT_BATCH = 500;
    private static final int ID_BLOCK = 100;

    /** Due: queued, its time come, not held by a campaign that is not active. */
    private static final String DUE = "select m.id from sms_message m where m.state = ? and m.send_after <= ?"
            + " and m.id > ? and m.id <= ? and (m.batch_id is null"
            + " or m.batch_id not in (select b.id from sms_batch b where b.status <> ?)) order by m.id limit ?";

    private static final String OVERDUE =
            "select m.id from sms_message m where m.state = ? and m.expires_at <= ? order by m.id limit ?";
    private static final String UNACKNOWLEDGED_ON =
            "select m.id from sms_message m where m.device_id = ? and m.state = ? order by m.id";
    private static final String STRANDED = "select m.id from sms_message m where m.state = ?"
            + " and m.preferred_device_id is null and m.device_id in"
            + " (select d.id from device d where d.last_seen_at is null or d.last_seen_at < ?) order by m.id";
    private static final String CANCELLABLE =
            "select m.id from sms_message m where m.batch_id = ? and m.state in (?, ?) order by m.id";

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

    @Inject
    private Event<AuditEvent> audit;

    @Inject
    private Event<SmsDispatcher.QueueChanged> queueChanged;

    /**
     * Stores new messages in JDBC batches on the transaction's own connection. Persisting them one by one through the
     * entity manager took three times as long as the inserts themselves (see {@code SmsQueueBenchmark}). The messages
     * stay unmanaged: read them again to change them.
     */
    void queue(List<SmsMessage> messages) {
        Connection connection = em.unwrap(Connection.class);
        try {
            assignIds(connection, messages);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into sms_message (id, batch_id, recipient, text, encoding, parts, state, created_by,"
                            + " created_at, send_after, expires_at, preferred_device_id, preferred_sim, attempts,"
                            + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (SmsMessage message : messages) {
                    insert.setLong(1, message.getId());
                    insert.setObject(2, message.getBatchId(), Types.BIGINT);
                    insert.setString(3, message.getRecipient());
                    insert.setString(4, message.getText());
                    insert.setString(5, message.getEncoding().name());
                    insert.setInt(6, message.getParts());
                    insert.setString(7, message.getState().name());
                    insert.setString(8, message.getCreatedBy());
                    insert.setObject(9, utc(message.getCreatedAt()));
                    insert.setObject(10, utc(message.getSendAfter()));
                    insert.setObject(11, utc(message.getExpiresAt()));
                    insert.setObject(12, message.getPreferredDeviceId(), Types.BIGINT);
                    insert.setObject(13, message.getPreferredSim(), Types.INTEGER);
                    insert.setInt(14, message.getAttempts());
                    insert.setObject(15, utc(message.getUpdatedAt()));
                    insert.addBatch();
                    if (++pending == INSERT_BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not queue " + messages.size() + " message(s)", e);
        }
    }

    /**
     * Ids from the messages' sequence, read as EclipseLink reads it (changelog 014): each value is the last of a block
     * of {@value #ID_BLOCK} ids that is then this writer's alone.
     */
    private static void assignIds(Connection connection, List<SmsMessage> messages) throws SQLException {
        String next = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")
                ? "select nextval('sms_message_seq')"
                : "select next value for sms_message_seq";
        try (PreparedStatement sequence = connection.prepareStatement(next)) {
            for (int from = 0; from < messages.size(); from += ID_BLOCK) {
                long last;
                try (ResultSet value = sequence.executeQuery()) {
                    value.next();
                    last = value.getLong(1);
                }
                int count = Math.min(ID_BLOCK, messages.size() - from);
                for (int i = 0; i < count; i++) {
                    messages.get(from + i).assignId(last - ID_BLOCK + 1 + i);
                }
            }
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
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

    /**
     * What one dispatch transaction did.
     *
     * @param claimed the due messages it took, which no other transaction had
     * @param lastId the id of the last of them, where the next transaction goes on
     * @param dispatched how many of them it handed to a phone
     */
    record Pass(int claimed, long lastId, int dispatched) {}

    /**
     * Claims due messages with ids in {@code (afterId, upToId]}, oldest first, and hands those the router finds a phone
     * for to their phones' command queues, with their new states, in this one transaction: one commit for many, as each
     * commit is a write to the database. Another node's dispatcher claims other messages meanwhile; a message it
     * committed is no longer due. A campaign being paused, resumed or cancelled holds its row: none of its messages is
     * handed over until that commits, and a cancelled one's never.
     */
    Pass dispatchDue(
            Instant now, long afterId, long upToId, int limit, Function<SmsMessage, Optional<Routing.Route>> router) {
        List<SmsMessage> claimed = RowClaims.claim(
                em, SmsMessage.class, DUE, MessageState.QUEUED, now, afterId, upToId, SmsBatch.Status.ACTIVE, limit);
        if (claimed.isEmpty()) {
            return new Pass(0, afterId, 0);
        }
        Set<Long> campaigns = activeCampaignsClaimed(claimed);
        Map<Long, String> phoneNames = new HashMap<>();
        int dispatched = 0;
        for (SmsMessage message : claimed) {
            if (message.getBatchId() != null && !campaigns.contains(message.getBatchId())) {
                continue;
            }
            Optional<Routing.Route> route = router.apply(message);
            if (route.isPresent()) {
                dispatch(message, route.get(), phoneNames);
                dispatched++;
            }
        }
        return new Pass(claimed.size(), claimed.get(claimed.size() - 1).getId(), dispatched);
    }

    /** The ids of the due messages in {@code (afterId, …]}, oldest first, read without claiming them. */
    List<Long> dueIds(Instant now, long afterId, int limit) {
        return em.createNamedQuery(SmsMessage.DUE_IDS, Long.class)
                .setParameter("queued", MessageState.QUEUED)
                .setParameter("now", now)
                .setParameter("after", afterId)
                .setParameter("active", SmsBatch.Status.ACTIVE)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * The campaigns of these messages that are active, held until this transaction ends; one that a pause, resume or
     * cancel holds is left out, as are those another dispatcher holds (it is handing over their messages).
     */
    private Set<Long> activeCampaignsClaimed(List<SmsMessage> messages) {
        List<Long> batchIds = messages.stream()
                .map(SmsMessage::getBatchId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        if (batchIds.isEmpty()) {
            return Set.of();
        }
        List<Object> parameters = new ArrayList<>(batchIds.size() + 1);
        parameters.add(SmsBatch.Status.ACTIVE);
        parameters.addAll(batchIds);
        String in = String.join(", ", Collections.nCopies(batchIds.size(), "?"));
        return new HashSet<>(RowClaims.claim(
                em, "select b.id from sms_batch b where b.status = ? and b.id in (" + in + ")", parameters.toArray()));
    }

    private void dispatch(SmsMessage message, Routing.Route route, Map<Long, String> phoneNames) {
        String reference = String.valueOf(message.getId());
        // A message handed over before goes to the same phone under the same command id (docs/protocol.md, §4).
        String commandId = message.getAttempts() == 0
                ? gateway.sendSms(
                        message.getCreatedBy(),
                        route.deviceId(),
                        reference,
                        message.getRecipient(),
                        message.getText(),
                        route.sim())
                : gateway.sendSmsAgain(
                        message.getCreatedBy(),
                        route.deviceId(),
                        reference,
                        message.getRecipient(),
                        message.getText(),
                        route.sim());
        Instant now = clock.instant();
        record(message, message.dispatch(route.deviceId(), route.sim(), commandId, now), null, now);
        String phone = phoneNames.computeIfAbsent(route.deviceId(), this::phoneName);
        audit.fire(new AuditEvent(
                message.getCreatedBy(),
                SmsAction.SMS_DISPATCHED.name(),
                message.getRecipient(),
                AuditEvent.Outcome.SUCCESS,
                "message " + message.getId() + " through " + phone
                        + (route.sim() == null ? "" : ", SIM " + (route.sim() + 1))));
    }

    /** @return how many of the overdue messages, oldest first, this transaction claimed and expired */
    int expireOverdue(Instant now, int limit) {
        List<SmsMessage> overdue = RowClaims.claim(em, SmsMessage.class, OVERDUE, MessageState.QUEUED, now, limit);
        overdue.forEach(message ->
                record(message, message.fail(MessageState.EXPIRED, "not sent in time", now), "not sent in time", now));
        return overdue.size();
    }

    /** Messages a revoked phone had not acknowledged go back to the queue for another phone. */
    int takeBackFrom(long deviceId) {
        return takeBack(
                RowClaims.claim(em, SmsMessage.class, UNACKNOWLEDGED_ON, deviceId, MessageState.DISPATCHED),
                "phone revoked");
    }

    /**
     * Messages not acknowledged by a phone away since before {@code awaySince} go back to the queue, for one of the
     * phones ready now. A message sent through a chosen phone waits for that phone. Until then a phone that comes back
     * is given them again under the same command ids, which its log of executed commands turns into acknowledgements
     * if it had sent them; a message taken back risks a second copy if its phone had sent it, which is why this waits.
     */
    int takeBackFromAway(Collection<Long> readyPhones, Instant awaySince) {
        List<SmsMessage> stranded =
                RowClaims.claim(em, SmsMessage.class, STRANDED, MessageState.DISPATCHED, awaySince).stream()
                        .filter(message -> !readyPhones.contains(message.getDeviceId()))
                        .toList();
        return takeBack(stranded, "phone away: handed to another phone");
    }

    private int takeBack(List<SmsMessage> messages, String reason) {
        Instant now = clock.instant();
        int taken = 0;
        for (SmsMessage message : messages) {
            if (gateway.cancel(message.getCommandId())
                    && record(message, message.requeue(now, reason, now), reason, now)) {
                taken++;
            }
        }
        return taken;
    }

    /**
     * Reads the messages with these references into the transaction's persistence context, where {@link #current}
     * finds them without a query of its own.
     */
    void load(List<String> references) {
        List<Long> ids = new ArrayList<>(references.size());
        for (String reference : references) {
            try {
                ids.add(Long.parseLong(reference));
            } catch (NumberFormatException e) {
                // Not a message's reference: current() will not find it either.
            }
        }
        if (!ids.isEmpty()) {
            em.createNamedQuery(SmsMessage.WITH_IDS, SmsMessage.class)
                    .setParameter("ids", ids)
                    .setFlushMode(FlushModeType.COMMIT)
                    .getResultList();
        }
    }

    void acknowledged(String reference, String commandId, long deviceId) {
        reportedOn(reference, commandId, deviceId).ifPresent(message -> {
            Instant now = clock.instant();
            record(message, message.acknowledged(now), null, now);
        });
    }

    void partReported(
            String reference,
            String commandId,
            long deviceId,
            int part,
            int parts,
            SmsPart.State state,
            String reason) {
        reportedOn(reference, commandId, deviceId).ifPresent(message -> {
            Instant now = clock.instant();
            record(message, message.partReported(part, parts, state, reason, now), reason, now);
        });
    }

    /**
     * The phone could not send it. Sent again later (with a growing pause) if no part left the phone and tries remain,
     * as a radio that is off or a network that is down usually comes back; failed otherwise.
     */
    void failedOnPhone(String reference, String commandId, long deviceId, String reason, int maxAttempts) {
        reportedOn(reference, commandId, deviceId).ifPresent(message -> {
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

    /** @return whether it was active and is now paused */
    boolean pause(String actor, long batchId) {
        return changeCampaign(actor, batchId, SmsBatch::pause, SmsAction.SMS_CAMPAIGN_PAUSED);
    }

    boolean resume(String actor, long batchId) {
        boolean resumed = changeCampaign(actor, batchId, SmsBatch::resume, SmsAction.SMS_CAMPAIGN_RESUMED);
        if (resumed) {
            queueChanged.fire(new SmsDispatcher.QueueChanged());
        }
        return resumed;
    }

    /**
     * Cancels what of a campaign has not reached a phone: its queued messages, and those handed to a phone that has
     * not acknowledged them yet (their commands are withdrawn). What a phone already has is sent.
     *
     * @return how many messages were cancelled
     */
    int cancel(String actor, long batchId) {
        Optional<SmsBatch> batch = campaignHeld(batchId);
        if (batch.isEmpty() || !batch.get().cancel()) {
            return 0;
        }
        Instant now = clock.instant();
        String reason = "cancelled by " + actor;
        int cancelled = 0;
        // Waits for a dispatcher handing some of them over, then reads them as it committed them.
        for (SmsMessage message : RowClaims.lock(
                em, SmsMessage.class, CANCELLABLE, batchId, MessageState.QUEUED, MessageState.DISPATCHED)) {
            if (message.getState() == MessageState.DISPATCHED && !gateway.cancel(message.getCommandId())) {
                continue;
            }
            Optional<MessageState> moved = message.fail(MessageState.CANCELLED, reason, now);
            if (moved.isPresent()) {
                em.persist(new SmsEvent(message.getId(), MessageState.CANCELLED, now, reason));
                stateChanged.fire(new SmsStateChanged(
                        message.getId(), message.getRecipient(), MessageState.CANCELLED, now, reason));
                cancelled++;
            }
        }
        audit.fire(new AuditEvent(
                actor,
                SmsAction.SMS_CAMPAIGN_CANCELLED.name(),
                "campaign " + batchId,
                AuditEvent.Outcome.SUCCESS,
                cancelled + " message(s) cancelled"));
        changed.fire(new SmsPush.MessagesChanged());
        return cancelled;
    }

    private boolean changeCampaign(String actor, long batchId, Predicate<SmsBatch> change, SmsAction action) {
        Optional<SmsBatch> batch = campaignHeld(batchId);
        if (batch.isEmpty() || !change.test(batch.get())) {
            return false;
        }
        audit.fire(new AuditEvent(actor, action.name(), "campaign " + batchId, AuditEvent.Outcome.SUCCESS, null));
        changed.fire(new SmsPush.MessagesChanged());
        return true;
    }

    /**
     * The campaign's row, held until this transaction ends: pauses, resumes and cancels on any node take turns, and
     * the dispatchers leave its messages alone meanwhile. Waits for a dispatcher handing some of them over.
     */
    private Optional<SmsBatch> campaignHeld(long batchId) {
        return RowClaims.lock(em, SmsBatch.class, "select b.id from sms_batch b where b.id = ?", batchId).stream()
                .findFirst();
    }

    /** A message's states with their times, from queued (its creation) on; empty for no such message. */
    public List<SmsEvent> timeline(long messageId) {
        SmsMessage message = em.find(SmsMessage.class, messageId);
        if (message == null) {
            return List.of();
        }
        List<SmsEvent> timeline = new ArrayList<>();
        timeline.add(new SmsEvent(messageId, MessageState.QUEUED, message.getCreatedAt(), null));
        timeline.addAll(em.createNamedQuery(SmsEvent.OF_MESSAGE, SmsEvent.class)
                .setParameter("message", messageId)
                .getResultList());
        return timeline;
    }

    /** The history's rows: newest first, as filtered. */
    public List<SmsMessage> page(HistoryFilter filter, int first, int size) {
        return filter.query(em, "select m from SmsMessage m", " order by m.id desc", SmsMessage.class, null)
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultList();
    }

    public long count(HistoryFilter filter) {
        return filter.query(em, "select count(m) from SmsMessage m", "", Long.class, null)
                .getSingleResult();
    }

    /** Newest first, as filtered, before a given id (the last of the previous page): pages that stay fast deep down. */
    public List<SmsMessage> list(HistoryFilter filter, Long before, int limit) {
        return filter.query(em, "select m from SmsMessage m", " order by m.id desc", SmsMessage.class, before)
                .setMaxResults(limit)
                .getResultList();
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
        return byReference(reference).filter(message -> commandId.equals(message.getCommandId()));
    }

    /**
     * The message a phone's report is about. A report on an earlier hand-over (the phone had the message after all,
     * and its acknowledgement had been lost) makes that hand-over the message's own again if the later one has not
     * reached a phone; otherwise two phones have it, which the timeline and the audit trail say, and the report changes
     * nothing more.
     */
    private Optional<SmsMessage> reportedOn(String reference, String commandId, long deviceId) {
        Optional<SmsMessage> found = byReference(reference);
        if (found.isEmpty() || commandId.equals(found.get().getCommandId())) {
            return found;
        }
        SmsMessage message = found.get();
        Instant now = clock.instant();
        boolean laterHandOverWithdrawn = message.getState() == MessageState.QUEUED
                || (message.getState() == MessageState.DISPATCHED && gateway.cancel(message.getCommandId()));
        String detail = "reported by " + phoneName(deviceId) + ", which it was handed to earlier";
        if (laterHandOverWithdrawn && record(message, message.resumeHandOver(deviceId, commandId, now), detail, now)) {
            return found;
        }
        em.persist(new SmsEvent(message.getId(), message.getState(), now, detail + ": it may arrive twice"));
        audit.fire(new AuditEvent(
                AuditEvent.SYSTEM,
                SmsAction.SMS_HANDED_OVER_TWICE.name(),
                message.getRecipient(),
                AuditEvent.Outcome.FAILURE,
                "message " + message.getId() + ": " + detail + " (command " + commandId + ")"));
        return Optional.empty();
    }

    private Optional<SmsMessage> byReference(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(em.find(SmsMessage.class, Long.parseLong(reference)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String phoneName(long deviceId) {
        return Optional.ofNullable(em.find(Device.class, deviceId))
                .map(Device::getName)
                .orElse("#" + deviceId);
    }

    private boolean record(SmsMessage message, Optional<MessageState> moved, String detail, Instant now) {
        moved.ifPresent(state -> {
            // Its id comes from a sequence as it is persisted: the timeline keeps the order the states were taken.
            em.persist(new SmsEvent(message.getId(), state, now, detail));
            changed.fire(new SmsPush.MessagesChanged());
            stateChanged.fire(new SmsStateChanged(message.getId(), message.getRecipient(), state, now, detail));
        });
        return moved.isPresent();
    }
}

package org.switchboard.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.switchboard.i18n.SchoolTime;

/** Bulk sends as campaigns: how far each has gone, and pausing, resuming and cancelling them. */
@ApplicationScoped
public class Campaigns {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SmsOutbox outbox;

    @Inject
    private SmsService sms;

    @Inject
    private SmsSettings settings;

    @Inject
    private Clock clock;

    /**
     * Why an active campaign's queued messages are not on their way, and when they should go on.
     *
     * @param until when the reason should be over: the end of the pace's work, the window's opening, the scheduled
     *     time; null when nobody can say (no phone)
     * @param partsPerMinute the pace the estimate took, for {@link Reason#PACE}
     * @param minutes about how long the parts due up to the campaign's last one take at that pace
     */
    public record Hold(Reason reason, Instant until, int partsPerMinute, int minutes) {

        public enum Reason {
            NO_PHONE,
            OUTSIDE_WINDOW,
            PACE,
            SCHEDULED
        }
    }

    /** A campaign and how many of its messages are in each state. */
    public static final class Progress {

        private final SmsBatch batch;
        private final Map<MessageState, Long> counts;
        private final Hold hold;

        Progress(SmsBatch batch, Map<MessageState, Long> counts, Hold hold) {
            this.batch = batch;
            this.counts = counts;
            this.hold = hold;
        }

        /** Why its queued messages wait, when they do; null when they go or there are none. */
        public Hold getHold() {
            return hold;
        }

        public SmsBatch getBatch() {
            return batch;
        }

        public long count(MessageState state) {
            return counts.getOrDefault(state, 0L);
        }

        public long getTotal() {
            return batch.getTotal();
        }

        /** Waiting in the queue or on their way to a phone. */
        public long getWaiting() {
            return count(MessageState.QUEUED) + count(MessageState.DISPATCHED);
        }

        /** On a phone or sent, not yet known to be delivered. */
        public long getSending() {
            return count(MessageState.SENT_TO_PHONE) + count(MessageState.SENT);
        }

        public long getDelivered() {
            return count(MessageState.DELIVERED);
        }

        public long getFailed() {
            return count(MessageState.FAILED) + count(MessageState.EXPIRED);
        }

        public long getCancelled() {
            return count(MessageState.CANCELLED);
        }

        /** Messages that reached a final state, as a whole percentage of the campaign. */
        public int getPercent() {
            long total = getTotal();
            long done = getDelivered() + getFailed() + getCancelled() + count(MessageState.SENT);
            return total == 0 ? 100 : (int) (100 * done / total);
        }

        public boolean isFinished() {
            return getWaiting() == 0 && count(MessageState.SENT_TO_PHONE) == 0;
        }

        public boolean isPausable() {
            return batch.getStatus() == SmsBatch.Status.ACTIVE && getWaiting() > 0;
        }

        public boolean isResumable() {
            return batch.getStatus() == SmsBatch.Status.PAUSED;
        }

        public boolean isCancellable() {
            return batch.getStatus() != SmsBatch.Status.CANCELLED && getWaiting() > 0;
        }
    }

    /** What makes a send a campaign: more than one recipient. A single send, a reply from the inbox, is not one. */
    private static final String IS_CAMPAIGN = "b.total > 1";

    /** Sends to more than one recipient, newest first. */
    @Transactional
    public List<Progress> recent(int first, int size) {
        List<SmsBatch> batches = em.createQuery(
                        "select b from SmsBatch b where " + IS_CAMPAIGN + " order by b.id desc", SmsBatch.class)
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultList();
        return progressOf(batches);
    }

    @Transactional
    public long count() {
        return em.createQuery("select count(b) from SmsBatch b where " + IS_CAMPAIGN, Long.class)
                .getSingleResult();
    }

    /** Those of these sends that the campaigns page lists. */
    @Transactional
    public Set<Long> campaignsAmong(Collection<Long> batchIds) {
        if (batchIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(
                em.createQuery("select b.id from SmsBatch b where b.id in :ids and " + IS_CAMPAIGN, Long.class)
                        .setParameter("ids", batchIds)
                        .getResultList());
    }

    @Transactional
    public Optional<Progress> progress(long batchId) {
        return Optional.ofNullable(em.find(SmsBatch.class, batchId))
                .map(batch -> progressOf(List.of(batch)).get(0));
    }

    public boolean pause(String actor, long batchId) {
        return outbox.pause(actor, batchId);
    }

    public boolean resume(String actor, long batchId) {
        return outbox.resume(actor, batchId);
    }

    /** @return how many messages were cancelled; those a phone already had are sent */
    public int cancel(String actor, long batchId) {
        return outbox.cancel(actor, batchId);
    }

    private List<Progress> progressOf(List<SmsBatch> batches) {
        if (batches.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<MessageState, Long>> counts = new HashMap<>();
        for (Object[] row : em.createNamedQuery(SmsMessage.STATES_OF_BATCHES, Object[].class)
                .setParameter("batches", batches.stream().map(SmsBatch::getId).toList())
                .getResultList()) {
            counts.computeIfAbsent((Long) row[0], id -> new EnumMap<>(MessageState.class))
                    .put((MessageState) row[1], ((Number) row[2]).longValue());
        }
        Map<Long, Hold> holds = holds(batches);
        return batches.stream()
                .map(batch ->
                        new Progress(batch, counts.getOrDefault(batch.getId(), Map.of()), holds.get(batch.getId())))
                .toList();
    }

    /**
     * Why the active campaigns' queued messages wait. Those due now wait for a phone, the sending window or the pace;
     * the pace's estimate counts the parts due before a campaign's last one, as the dispatcher takes them in order.
     * Those not due yet (sent later, or retried after a failure) go on at the first one's time.
     */
    private Map<Long, Hold> holds(List<SmsBatch> batches) {
        List<Long> active = batches.stream()
                .filter(batch -> batch.getStatus() == SmsBatch.Status.ACTIVE)
                .map(SmsBatch::getId)
                .toList();
        Map<Long, Hold> holds = new HashMap<>();
        if (active.isEmpty()) {
            return holds;
        }
        Instant now = clock.instant();
        Map<Long, Long> lastDue = new HashMap<>();
        em.createQuery(
                        "select m.batchId, max(m.id) from SmsMessage m where m.batchId in :batches"
                                + " and m.state = :queued and m.sendAfter <= :now group by m.batchId",
                        Object[].class)
                .setParameter("batches", active)
                .setParameter("queued", MessageState.QUEUED)
                .setParameter("now", now)
                .getResultList()
                .forEach(row -> lastDue.put((Long) row[0], (Long) row[1]));
        if (!lastDue.isEmpty()) {
            SmsService.Pace pace = sms.pace(null);
            Optional<Instant> windowOpens = windowOpens(now);
            for (Map.Entry<Long, Long> due : lastDue.entrySet()) {
                if (pace.readyPhones() == 0) {
                    holds.put(due.getKey(), new Hold(Hold.Reason.NO_PHONE, null, 0, 0));
                } else if (windowOpens.isPresent()) {
                    holds.put(due.getKey(), new Hold(Hold.Reason.OUTSIDE_WINDOW, windowOpens.get(), 0, 0));
                } else if (pace.partsPerMinute() > 0) {
                    int minutes = pace.minutesFor(partsDueUpTo(due.getValue(), now));
                    holds.put(
                            due.getKey(),
                            new Hold(Hold.Reason.PACE, now.plusSeconds(60L * minutes), pace.partsPerMinute(), minutes));
                }
            }
        }
        em.createQuery(
                        "select m.batchId, min(m.sendAfter) from SmsMessage m where m.batchId in :batches"
                                + " and m.state = :queued and m.sendAfter > :now group by m.batchId",
                        Object[].class)
                .setParameter("batches", active)
                .setParameter("queued", MessageState.QUEUED)
                .setParameter("now", now)
                .getResultList()
                .forEach(row ->
                        holds.putIfAbsent((Long) row[0], new Hold(Hold.Reason.SCHEDULED, (Instant) row[1], 0, 0)));
        return holds;
    }

    private int partsDueUpTo(long lastId, Instant now) {
        Number parts = em.createQuery(
                        "select sum(m.parts) from SmsMessage m where m.state = :queued and m.sendAfter <= :now"
                                + " and m.id <= :last and (m.batchId is null or m.batchId not in"
                                + " (select b.id from SmsBatch b where b.status <> :active))",
                        Number.class)
                .setParameter("queued", MessageState.QUEUED)
                .setParameter("now", now)
                .setParameter("last", lastId)
                .setParameter("active", SmsBatch.Status.ACTIVE)
                .getSingleResult();
        return parts == null ? 0 : parts.intValue();
    }

    /** When the sending window opens next, if it is closed now. */
    private Optional<Instant> windowOpens(Instant now) {
        ZoneId zone = SchoolTime.zone();
        LocalTime time = LocalTime.ofInstant(now, zone);
        return settings.window().filter(window -> !window.isOpen(time)).map(window -> {
            ZonedDateTime today = ZonedDateTime.of(LocalDate.ofInstant(now, zone), window.opens(), zone);
            return (today.toInstant().isAfter(now) ? today : today.plusDays(1)).toInstant();
        });
    }
}

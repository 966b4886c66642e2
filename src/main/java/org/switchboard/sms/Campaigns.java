package org.switchboard.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bulk sends as campaigns: how far each has gone, and pausing, resuming and cancelling them. */
@ApplicationScoped
public class Campaigns {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SmsOutbox outbox;

    @Inject
    private SmsDispatcher dispatcher;

    /** A campaign and how many of its messages are in each state. */
    public static final class Progress {

        private final SmsBatch batch;
        private final Map<MessageState, Long> counts;

        Progress(SmsBatch batch, Map<MessageState, Long> counts) {
            this.batch = batch;
            this.counts = counts;
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

    /** Sends to more than one recipient, newest first. */
    @Transactional
    public List<Progress> recent(int first, int size) {
        List<SmsBatch> batches = em.createQuery(
                        "select b from SmsBatch b where b.total > 1 order by b.id desc", SmsBatch.class)
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultList();
        return progressOf(batches);
    }

    @Transactional
    public long count() {
        return em.createQuery("select count(b) from SmsBatch b where b.total > 1", Long.class)
                .getSingleResult();
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

    /**
     * Not in a transaction of its own: the cancellation must commit before the dispatcher runs again.
     *
     * @return how many messages were cancelled; those a phone already had are sent
     */
    public int cancel(String actor, long batchId) {
        return dispatcher.withoutDispatching(() -> outbox.cancel(actor, batchId));
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
        return batches.stream()
                .map(batch -> new Progress(batch, counts.getOrDefault(batch.getId(), Map.of())))
                .toList();
    }
}

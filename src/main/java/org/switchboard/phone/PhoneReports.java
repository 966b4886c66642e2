package org.switchboard.phone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Acts on each report a phone sends exactly once. The report's id is stored in the same transaction as whatever the
 * report leads to (observers of the events it fires run inside it), and the phone is acknowledged only after that
 * transaction commits; a report sent again after a lost acknowledgement is recognised and only acknowledged again.
 */
@ApplicationScoped
@Transactional
class PhoneReports {

    /** Far longer than a phone keeps re-sending an unacknowledged report. */
    static final Duration REMEMBERED_FOR = Duration.ofDays(7);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /**
     * @param reportId the frame id, or null for a seed-style frame, which cannot be told from a repeat
     * @return false if the report had already been acted on
     */
    boolean once(long deviceId, String reportId, Runnable action) {
        if (reportId != null) {
            if (em.find(ReceivedReport.class, new ReceivedReport.Key(deviceId, reportId)) != null) {
                return false;
            }
            em.persist(new ReceivedReport(deviceId, reportId, clock.instant()));
        }
        action.run();
        return true;
    }

    /** Runs each in one transaction: all of them are stored, or none. */
    void inOneTransaction(List<Runnable> stores) {
        stores.forEach(Runnable::run);
    }

    int forgetOld() {
        return em.createNamedQuery(ReceivedReport.DELETE_BEFORE)
                .setParameter("before", clock.instant().minus(REMEMBERED_FOR))
                .executeUpdate();
    }
}

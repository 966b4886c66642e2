package org.switchboard.phone;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

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

    /** The transaction's resource: for each report id of its batch, whether it is stored. */
    private static final Object STORED = PhoneReports.class.getName() + ".stored";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private PhoneCommands commands;

    @Resource
    private TransactionSynchronizationRegistry transaction;

    /**
     * @param reportId the frame id, or null for a seed-style frame, which cannot be told from a repeat
     * @return false if the report had already been acted on
     */
    boolean once(long deviceId, String reportId, Runnable action) {
        if (reportId != null) {
            ReceivedReport.Key key = new ReceivedReport.Key(deviceId, reportId);
            Map<ReceivedReport.Key, Boolean> stored = storedInBatch();
            Boolean known = stored == null ? null : stored.get(key);
            if (known == null ? em.find(ReceivedReport.class, key) != null : known) {
                return false;
            }
            em.persist(new ReceivedReport(deviceId, reportId, clock.instant()));
            if (stored != null) {
                stored.put(key, true);
            }
        }
        action.run();
        return true;
    }

    /**
     * Stores each frame's work in one transaction: all of them, or none. The reports already acted on and the
     * commands the frames are about are read first, a query for each phone and one for all the commands, rather
     * than one for each frame.
     */
    void inOneTransaction(List<ReportWriter.Work> works) {
        Map<ReceivedReport.Key, Boolean> stored = new HashMap<>();
        works.stream()
                .filter(work -> work.reportId() != null)
                .collect(Collectors.groupingBy(
                        ReportWriter.Work::deviceId,
                        Collectors.mapping(ReportWriter.Work::reportId, Collectors.toSet())))
                .forEach((deviceId, reportIds) -> {
                    reportIds.forEach(reportId -> stored.put(new ReceivedReport.Key(deviceId, reportId), false));
                    em.createNamedQuery(ReceivedReport.IDS_AMONG, String.class)
                            .setParameter("device", deviceId)
                            .setParameter("frameIds", reportIds)
                            .setFlushMode(FlushModeType.COMMIT)
                            .getResultList()
                            .forEach(reportId -> stored.put(new ReceivedReport.Key(deviceId, reportId), true));
                });
        transaction.putResource(STORED, stored);
        commands.load(works.stream()
                .map(ReportWriter.Work::commandId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        works.forEach(work -> work.store().run());
    }

    int forgetOld() {
        return em.createNamedQuery(ReceivedReport.DELETE_BEFORE)
                .setParameter("before", clock.instant().minus(REMEMBERED_FOR))
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private Map<ReceivedReport.Key, Boolean> storedInBatch() {
        return (Map<ReceivedReport.Key, Boolean>) transaction.getResource(STORED);
    }
}

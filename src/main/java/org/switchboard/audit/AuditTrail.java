package org.switchboard.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Stores every {@link AuditEvent} and reads the trail back, newest first. */
@ApplicationScoped
@Transactional
public class AuditTrail {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    void record(@Observes AuditEvent event) {
        em.persist(new AuditEntry(clock.instant(), event));
    }

    public List<AuditEntry> find(AuditFilter filter, int first, int pageSize) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditEntry> query = cb.createQuery(AuditEntry.class);
        Root<AuditEntry> entry = query.from(AuditEntry.class);
        query.where(matching(filter, cb, entry)).orderBy(cb.desc(entry.get("occurredAt")), cb.desc(entry.get("id")));
        return em.createQuery(query)
                .setFirstResult(first)
                .setMaxResults(pageSize)
                .getResultList();
    }

    public long count(AuditFilter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<AuditEntry> entry = query.from(AuditEntry.class);
        query.select(cb.count(entry)).where(matching(filter, cb, entry));
        return em.createQuery(query).getSingleResult();
    }

    public List<String> actions() {
        return em.createQuery("select distinct a.action from AuditEntry a order by a.action", String.class)
                .getResultList();
    }

    private static Predicate[] matching(AuditFilter filter, CriteriaBuilder cb, Root<AuditEntry> entry) {
        List<Predicate> predicates = new ArrayList<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            String pattern = "%" + filter.actor().strip().toLowerCase(Locale.ROOT) + "%";
            predicates.add(cb.like(cb.lower(entry.get("actor")), pattern));
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            predicates.add(cb.equal(entry.get("action"), filter.action()));
        }
        if (filter.target() != null && !filter.target().isBlank()) {
            predicates.add(cb.equal(entry.get("target"), filter.target().strip()));
        }
        if (filter.outcome() != null) {
            predicates.add(cb.equal(entry.get("outcome"), filter.outcome()));
        }
        if (filter.from() != null) {
            predicates.add(cb.greaterThanOrEqualTo(entry.get("occurredAt"), filter.from()));
        }
        if (filter.to() != null) {
            predicates.add(cb.lessThan(entry.get("occurredAt"), filter.to()));
        }
        return predicates.toArray(Predicate[]::new);
    }
}

package org.switchboard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.switchboard.audit.AuditEvent.Outcome;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;

@ContainerTest
class AuditTrailTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.switchboard().addClasses(AuditTrailTest.class, Fixtures.class);
    }

    @Inject
    private Event<AuditEvent> events;

    @Inject
    private AuditTrail trail;

    @Test
    void aFiredEventIsStoredWithItsTime() {
        String actor = Fixtures.uniqueName("actor");
        Instant before = Instant.now();

        events.fire(new AuditEvent(actor, "TEST_ACTION", "target-1", Outcome.DENIED, "why"));

        AuditEntry entry = trail.find(AuditFilter.byActor(actor), 0, 10).get(0);
        assertEquals("TEST_ACTION", entry.getAction());
        assertEquals("target-1", entry.getTarget());
        assertEquals(Outcome.DENIED, entry.getOutcome());
        assertEquals("why", entry.getDetail());
        assertTrue(
                !entry.getOccurredAt().isBefore(before.minusSeconds(1)),
                entry.getOccurredAt().toString());
    }

    @Test
    void theTrailIsPagedNewestFirst() {
        String actor = Fixtures.uniqueName("pager");
        for (int i = 0; i < 7; i++) {
            events.fire(AuditEvent.success(actor, "PAGED", "item-" + i));
        }
        AuditFilter filter = AuditFilter.byActor(actor);

        List<AuditEntry> firstPage = trail.find(filter, 0, 5);
        List<AuditEntry> secondPage = trail.find(filter, 5, 5);

        assertEquals(7, trail.count(filter));
        assertEquals(5, firstPage.size());
        assertEquals(2, secondPage.size());
        assertEquals("item-6", firstPage.get(0).getTarget());
        assertEquals("item-0", secondPage.get(1).getTarget());
    }

    @Test
    void filtersNarrowByActionTargetOutcomeAndTime() {
        String actor = Fixtures.uniqueName("filter");
        events.fire(AuditEvent.success(actor, "ALPHA", "one"));
        events.fire(AuditEvent.failure(actor, "ALPHA", "two", "no"));
        events.fire(AuditEvent.success(actor, "BETA", "one"));
        AuditFilter mine = AuditFilter.byActor(actor);
        Instant now = Instant.now();

        assertEquals(2, trail.count(mine.withAction("ALPHA")));
        assertEquals(2, trail.count(mine.withTarget("one")));
        assertEquals(1, trail.count(mine.withOutcome(Outcome.FAILURE)));
        assertEquals(3, trail.count(new AuditFilter(actor, null, null, null, now.minus(Duration.ofHours(1)), null)));
        assertEquals(0, trail.count(new AuditFilter(actor, null, null, null, null, now.minus(Duration.ofHours(1)))));
        assertTrue(trail.actions().containsAll(List.of("ALPHA", "BETA")));
    }

    @Test
    void overlongTextIsTruncatedNotRefused() {
        String actor = Fixtures.uniqueName("long");

        events.fire(new AuditEvent(actor, "LONG", "t".repeat(400), Outcome.SUCCESS, "d".repeat(5000)));

        AuditEntry entry = trail.find(AuditFilter.byActor(actor), 0, 1).get(0);
        assertEquals(AuditEntry.MAX_TARGET, entry.getTarget().length());
        assertEquals(AuditEntry.MAX_DETAIL, entry.getDetail().length());
    }
}

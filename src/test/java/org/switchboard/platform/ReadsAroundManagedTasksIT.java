package org.switchboard.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;

/**
 * Payara 6 runs a managed task with a copy of the submitting request's invocation, and the task's end closes the
 * non-transactional entity managers that request had opened. A page reads, a push it makes schedules a task (Tyrus
 * re-arms a WebSocket's idle timer on the managed scheduler at each frame), and the page reads on while rendering:
 * those reads must not find their entity manager closed ({@code CallPagesIT} did, now and then).
 */
@ContainerTest
class ReadsAroundManagedTasksIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.switchboard();
    }

    @ArquillianResource
    private URL base;

    @Test
    void readsStillWorkAfterAManagedTaskTheRequestScheduledHasEnded() {
        assertEquals("read, task ended, read again", new Fixtures(base).readsAroundManagedTask());
    }
}

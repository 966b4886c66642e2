package org.switchboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.switchboard.audit.AuditEvent;
import org.switchboard.audit.AuditFilter;
import org.switchboard.audit.AuditTrail;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;

/**
 * Two nodes started together on an empty database both create the first administrator: one does, the other finds it,
 * and neither fails to start. (The database here is not empty: the race is run on a name of its own.)
 */
@ContainerTest
class AdminBootstrapTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.switchboard().addClasses(AdminBootstrapTest.class, Fixtures.class);
    }

    @Inject
    private AdminBootstrap bootstrap;

    @Inject
    private UserService users;

    @Inject
    private AuditTrail audit;

    @Test
    void twoNodesCreatingTheFirstAdminAtOnceMakeOneAndBothStart() throws Exception {
        String name = Fixtures.uniqueName("admin");
        ManagedExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        CountDownLatch start = new CountDownLatch(1);
        Callable<Boolean> node = () -> {
            start.await();
            return bootstrap.create(name, Fixtures.PASSWORD);
        };
        Future<Boolean> first = executor.submit(node);
        Future<Boolean> second = executor.submit(node);
        start.countDown();

        List<Boolean> created = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));

        assertEquals(1, created.stream().filter(Boolean::booleanValue).count(), created.toString());
        assertEquals(Role.ADMIN, users.find(name).orElseThrow().getRole());
        assertEquals(
                1,
                audit.count(AuditFilter.byActor(AuditEvent.SYSTEM)
                        .withAction(SecurityAction.USER_CREATED.name())
                        .withTarget(name)));
    }
}

package org.switchboard.sms;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Test only: runs a pass twice at once, as two nodes would, each on a thread (and in transactions) of its own. The
 * first message either pass changes holds it until the other has changed one too, or has ended: both have then read
 * what they act on before either commits, which is when a pass that does not claim its rows acts on them twice.
 */
@ApplicationScoped
public class PassGate {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final ThreadLocal<Runner> current = new ThreadLocal<>();

    @Resource
    private ManagedExecutorService executor;

    // Read here, in transactions, rather than in the servlet: a task the passes schedule would close a request's
    // non-transactional entity manager as it ends (ReadsAroundManagedTasksIT).
    @PersistenceContext
    private EntityManager em;

    /** @return what each of the two runs returned */
    List<Integer> twice(Callable<Integer> pass) throws Exception {
        CountDownLatch arrived = new CountDownLatch(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(executor.submit(() -> {
                Runner runner = new Runner(arrived);
                current.set(runner);
                try {
                    return pass.call();
                } finally {
                    current.remove();
                    runner.leave();
                }
            }));
        }
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> run : runs) {
            results.add(run.get(DEADLINE.toMillis() * 2, TimeUnit.MILLISECONDS));
        }
        return results;
    }

    void changed(@Observes SmsStateChanged changed) throws InterruptedException {
        Runner runner = current.get();
        if (runner != null) {
            runner.arrive();
        }
    }

    private static final class Runner {

        private final CountDownLatch arrived;
        private boolean counted;

        Runner(CountDownLatch arrived) {
            this.arrived = arrived;
        }

        void arrive() throws InterruptedException {
            count();
            if (!arrived.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The other pass neither changed a message nor ended");
            }
        }

        void leave() {
            count();
        }

        private void count() {
            if (!counted) {
                counted = true;
                arrived.countDown();
            }
        }
    }

    @Transactional
    long queued(List<Long> ids) {
        return em.createQuery("select count(m) from SmsMessage m where m.id in :ids and m.state = :queued", Long.class)
                .setParameter("ids", ids)
                .setParameter("queued", MessageState.QUEUED)
                .getSingleResult();
    }

    @Transactional
    List<Long> devicesOtherThan(long device) {
        return em.createQuery("select d.id from Device d where d.id <> :device", Long.class)
                .setParameter("device", device)
                .getResultList();
    }

    /** Per message: the states its timeline recorded, and how many commands carried it to a phone. */
    @Transactional
    String written(List<Long> ids) {
        return ids.stream()
                .map(id -> id + ":"
                        + em.createNamedQuery(SmsEvent.OF_MESSAGE, SmsEvent.class)
                                .setParameter("message", id)
                                .getResultStream()
                                .map(event -> " " + event.getState())
                                .collect(Collectors.joining())
                        + " commands="
                        + em.createQuery(
                                        "select count(c) from PhoneCommand c where c.reference = :reference",
                                        Long.class)
                                .setParameter("reference", String.valueOf(id))
                                .getSingleResult())
                .collect(Collectors.joining("\n"));
    }
}

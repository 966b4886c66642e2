package org.switchboard.phone;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores what phones send, in the order they sent it, many frames to a transaction. Each commit is a write to the
 * database, and a phone reporting every SMS it sends twice (taken, then sent) made commits the gateway's limit
 * ({@code SmsDispatchBenchmark}). A frame's answer to the phone waits for the commit that stored it. If a batch fails,
 * its frames are stored again one by one, so that one bad frame is refused alone.
 */
@ApplicationScoped
class ReportWriter {

    private static final Logger LOG = Logger.getLogger(ReportWriter.class.getName());
    private static final int MAX_BATCH = 200;

    /**
     * One frame's work.
     *
     * @param deviceId the phone that sent it
     * @param reportId the id of the report, if the frame is one that must be acted on once: whether it was, is read
     *     with the others of its batch in one query
     * @param commandId the command the frame is about, if any: read with the others of its batch in one query
     * @param store what it changes in the database, or null for a frame that only waits its turn (a ping)
     * @param committed runs once the change is committed, e.g. acknowledging the frame
     * @param failed runs instead if the change failed
     */
    record Work(
            long deviceId,
            String reportId,
            String commandId,
            Runnable store,
            Runnable committed,
            Consumer<RuntimeException> failed) {}

    private final BlockingQueue<Work> waiting = new LinkedBlockingQueue<>();

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    private PhoneReports reports;

    @Inject
    private PhoneRegistry registry;

    private volatile boolean running = true;
    private Thread writer;

    @PostConstruct
    void start() {
        writer = threads.newThread(this::run);
        writer.setName("phone-report-writer");
        writer.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        writer.interrupt();
    }

    void submit(Work work) {
        waiting.add(work);
    }

    private void run() {
        List<Work> batch = new ArrayList<>();
        while (running) {
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            waiting.drainTo(batch, MAX_BATCH - 1);
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Work> batch) {
        // A revoked phone's frames still queued here are dropped unanswered, as its socket is being closed.
        batch.removeIf(work -> registry.isRevoked(work.deviceId()));
        List<Work> stores = batch.stream().filter(work -> work.store() != null).toList();
        try {
            if (!stores.isEmpty()) {
                reports.inOneTransaction(stores);
            }
        } catch (RuntimeException batchFailed) {
            batch.forEach(this::writeAlone);
            return;
        }
        batch.forEach(ReportWriter::committed);
    }

    private void writeAlone(Work work) {
        try {
            if (work.store() != null) {
                reports.inOneTransaction(List.of(work));
            }
        } catch (RuntimeException e) {
            try {
                work.failed().accept(e);
            } catch (RuntimeException answerFailed) {
                LOG.log(Level.WARNING, "Could not tell a phone its frame failed", answerFailed);
            }
            return;
        }
        committed(work);
    }

    private static void committed(Work work) {
        try {
            work.committed().run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not answer a phone's frame", e);
        }
    }
}

package org.switchboard.testing;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Test-only: counts the lines the server's log receives, as its formatter would write them (a stack trace counts
 * every line), and the records they come in, so that a test can bound how much a flood of bad input makes the server
 * write.
 */
public final class LogLines extends Handler {

    private static final LogLines INSTANCE = new LogLines();

    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong records = new AtomicLong();

    private LogLines() {
        setFormatter(new SimpleFormatter());
    }

    /** The lines logged since the first call of this or {@link #records()}, which starts the count. */
    public static long count() {
        return started().lines.get();
    }

    /** The records logged since the first call of this or {@link #count()}: a stack trace is one. */
    public static long records() {
        return started().records.get();
    }

    private static synchronized LogLines started() {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            if (handler == INSTANCE) {
                return INSTANCE;
            }
        }
        root.addHandler(INSTANCE);
        return INSTANCE;
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            records.incrementAndGet();
            lines.addAndGet(getFormatter().format(record).lines().count());
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}

package org.switchboard.testing;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Test-only: counts the lines the server's log receives, as its formatter would write them (a stack trace counts
 * every line), so that a test can bound how much a flood of bad input makes the server write.
 */
public final class LogLines extends Handler {

    private static final LogLines INSTANCE = new LogLines();

    private final AtomicLong lines = new AtomicLong();

    private LogLines() {
        setFormatter(new SimpleFormatter());
    }

    /** The lines logged since the first call, which starts the count. */
    public static synchronized long count() {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            if (handler == INSTANCE) {
                return INSTANCE.lines.get();
            }
        }
        root.addHandler(INSTANCE);
        return 0;
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            lines.addAndGet(getFormatter().format(record).lines().count());
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}

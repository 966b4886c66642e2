package org.switchboard.companion.core;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids of the commands this phone has taken on, kept on disk for {@link #KEPT} (the server remembers for 7 days
 * and stops re-sending once acknowledged). A command whose id is here is acknowledged again and not carried out
 * again: that is what makes the server's re-sending after a lost {@code ack} safe.
 */
public final class ExecutedCommands {

    public static final Duration KEPT = Duration.ofDays(8);
    private static final int COMPACT_AFTER_APPENDS = 1000;

    private final DurableLog log;
    private final Clock clock;
    private final Map<String, Instant> taken = new LinkedHashMap<>();
    private int appendsSinceCompaction;

    public ExecutedCommands(Path file, Clock clock) {
        this.log = new DurableLog(file);
        this.clock = clock;
        for (String line : log.read()) {
            int space = line.indexOf(' ');
            if (space > 0) {
                taken.put(line.substring(0, space), Instant.ofEpochMilli(Long.parseLong(line.substring(space + 1))));
            }
        }
        compact();
    }

    /**
     * Records the command as taken on, durably, before the phone acknowledges it.
     *
     * @return false if it was already taken on (do not carry it out again)
     */
    public synchronized boolean takeOn(String commandId) {
        if (taken.containsKey(commandId)) {
            return false;
        }
        Instant now = clock.instant();
        log.append(commandId + " " + now.toEpochMilli());
        taken.put(commandId, now);
        if (++appendsSinceCompaction >= COMPACT_AFTER_APPENDS) {
            compact();
        }
        return true;
    }

    public synchronized boolean contains(String commandId) {
        return taken.containsKey(commandId);
    }

    public synchronized int size() {
        return taken.size();
    }

    private synchronized void compact() {
        Instant oldest = clock.instant().minus(KEPT);
        taken.values().removeIf(at -> at.isBefore(oldest));
        List<String> lines = new ArrayList<>();
        taken.forEach((id, at) -> lines.add(id + " " + at.toEpochMilli()));
        log.rewrite(lines);
        appendsSinceCompaction = 0;
    }

    public void close() {
        log.close();
    }
}

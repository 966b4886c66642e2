package org.switchboard.companion.core;

import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports (frames with an id the server acknowledges) kept on disk until the server's {@code ack}, in the order they
 * were made. A line {@code + <frame>} adds one, {@code - <id>} removes it; the file is compacted when it grows.
 */
public final class ReportQueue {

    private static final int COMPACT_AFTER_REMOVALS = 200;

    private final DurableLog log;
    private final Map<String, String> pending = new LinkedHashMap<>();
    private int removalsSinceCompaction;

    public ReportQueue(Path file) {
        this.log = new DurableLog(file);
        for (String line : log.read()) {
            if (line.startsWith("+ ")) {
                String frame = line.substring(2);
                pending.put(Frames.parse(frame).id(), frame);
            } else if (line.startsWith("- ")) {
                pending.remove(line.substring(2));
            }
        }
        compact();
    }

    public synchronized void add(String id, String frame) {
        log.append("+ " + frame);
        pending.put(id, frame);
    }

    /** @return whether it was pending */
    public synchronized boolean remove(String id) {
        if (pending.remove(id) == null) {
            return false;
        }
        log.append("- " + id);
        if (++removalsSinceCompaction >= COMPACT_AFTER_REMOVALS) {
            compact();
        }
        return true;
    }

    /** The pending frame with this id, or null. */
    public synchronized String frame(String id) {
        return pending.get(id);
    }

    public synchronized boolean contains(String id) {
        return pending.containsKey(id);
    }

    /** The pending frames, oldest first. */
    public synchronized List<Map.Entry<String, String>> pending() {
        List<Map.Entry<String, String>> frames = new ArrayList<>();
        pending.forEach((id, frame) -> frames.add(new AbstractMap.SimpleImmutableEntry<>(id, frame)));
        return frames;
    }

    public synchronized int size() {
        return pending.size();
    }

    private void compact() {
        List<String> lines = new ArrayList<>();
        for (String frame : pending.values()) {
            lines.add("+ " + frame);
        }
        log.rewrite(lines);
        removalsSinceCompaction = 0;
    }

    public void close() {
        log.close();
    }
}

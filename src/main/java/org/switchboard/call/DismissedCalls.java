package org.switchboard.call;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/** Ended calls whose summary this user has closed, so that it does not come back on the next page. */
@SessionScoped
public class DismissedCalls implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Set<Long> ids = new HashSet<>();

    synchronized void add(long callId) {
        ids.add(callId);
    }

    synchronized boolean contains(long callId) {
        return ids.contains(callId);
    }
}

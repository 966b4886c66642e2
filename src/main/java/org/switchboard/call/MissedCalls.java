package org.switchboard.call;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The count of missed calls nobody has called back, next to Calls in the menu; read once a request. */
@Named
@RequestScoped
public class MissedCalls {

    @Inject
    private CallService calls;

    private Long count;

    public long getCount() {
        if (count == null) {
            count = calls.missedNotFollowedUp();
        }
        return count;
    }
}

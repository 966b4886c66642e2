package org.switchboard.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;

/**
 * Tells the open pages of the users who handle calls that calls changed, through the Faces push channel
 * {@value #CHANNEL}. Only the layout of users allowed to take calls opens that channel, and the message carries no
 * detail, least of all a number: each page asks the server for what its own user may see. Not coalesced, unlike the
 * phones' channel, because a ringing call must reach the screens at once.
 */
@ApplicationScoped
public class CallPush {

    static final String CHANNEL = "calls";

    @Inject
    @Push(channel = CHANNEL)
    private PushContext channel;

    /** Some call began, changed state or ended. */
    record CallsChanged() {}

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) CallsChanged event) {
        channel.send("changed");
    }
}

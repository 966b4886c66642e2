package org.switchboard.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.event.WebsocketEvent;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Tells the open pages of the users who handle calls that calls changed, through the Faces push channel
 * {@value #CHANNEL}. Only the layout of users allowed to take calls opens that channel, and the message carries no
 * detail, least of all a number: each page asks the server for what its own user may see. Not coalesced, unlike the
 * phones' channel, because a ringing call must reach the screens at once.
 */
@ApplicationScoped
public class CallPush {

    static final String CHANNEL = "calls";

    /** Longer than a page takes, on a busy server, from reading the calls to opening its socket. */
    static final Duration RECENT = Duration.ofSeconds(10);

    @Inject
    @Push(channel = CHANNEL)
    private PushContext channel;

    @Inject
    private Clock clock;

    private volatile Instant lastChange = Instant.MIN;

    /** Some call began, changed state or ended. */
    record CallsChanged() {}

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) CallsChanged event) {
        lastChange = clock.instant();
        channel.send("changed");
    }

    /**
     * A page's socket opened. A call that rang after the page read the calls and before its socket was open (the page
     * still loading, or its socket reconnecting) was pushed to nobody there: if a call changed that recently, the
     * pages are told again. The page itself sends nothing when its socket opens, as a request then would reach the
     * server in the middle of a sign-out.
     */
    void opened(@Observes @WebsocketEvent.Opened WebsocketEvent socket) {
        if (CHANNEL.equals(socket.getChannel()) && clock.instant().isBefore(lastChange.plus(RECENT))) {
            channel.send("changed");
        }
    }
}

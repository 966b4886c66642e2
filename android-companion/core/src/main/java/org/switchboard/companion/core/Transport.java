package org.switchboard.companion.core;

import java.net.URI;
import java.util.Map;

/** Opens WebSocket connections; the protocol client does not care which library does it. */
public interface Transport {

    /**
     * Starts connecting; the outcome arrives through the listener, on the transport's own thread.
     *
     * @param certificateSha256 the pinned certificate for wss://, or null to trust the system's authorities
     */
    Connection connect(URI server, Map<String, String> headers, String certificateSha256, Listener listener);

    interface Connection {
        /** Queues a text frame; false when the connection is no longer open. */
        boolean send(String text);

        void close(int code, String reason);
    }

    interface Listener {
        void opened();

        void text(String frame);

        /** The connection is over, whether it opened or not: called once per connection. */
        void closed(int code, String reason);
    }
}

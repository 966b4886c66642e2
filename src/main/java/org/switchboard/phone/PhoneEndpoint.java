package org.switchboard.phone;

import jakarta.inject.Inject;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /ws/phone}: the socket each phone holds. The phone's token comes with the handshake, as
 * {@code Authorization: Bearer …} or, for phones that can only be given a URL, as {@code ?token=…}.
 * {@link PhoneSessions} does the rest.
 */
@ServerEndpoint(value = PhoneEndpoint.PATH, configurator = PhoneEndpoint.Handshake.class)
public class PhoneEndpoint {

    public static final String PATH = "/ws/phone";
    private static final String TOKEN = "switchboard.phone.token";
    private static final String SEED = "switchboard.phone.seed";
    private static final String BEARER = "Bearer ";
    private static final Logger LOG = Logger.getLogger(PhoneEndpoint.class.getName());

    @Inject
    private PhoneSessions sessions;

    @OnOpen
    public void open(Session session) {
        Map<String, Object> handshake = session.getUserProperties();
        sessions.opened(session, (String) handshake.get(TOKEN), Boolean.TRUE.equals(handshake.get(SEED)));
    }

    @OnMessage(maxMessageSize = PhoneSessions.HARD_FRAME_LIMIT)
    public void message(Session session, String frame) {
        sessions.received(session, frame);
    }

    @OnMessage
    public void pong(Session session, PongMessage pong) {
        sessions.pong(session);
    }

    @OnClose
    public void close(Session session) {
        sessions.closed(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, "Phone socket error", error);
    }

    /** Reads the token and the declared protocol from the handshake into the new session's properties. */
    public static class Handshake extends ServerEndpointConfig.Configurator {

        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            // Jakarta WebSocket 2.1 gives each handshake its own copy of these properties, which becomes the session's.
            Map<String, Object> properties = config.getUserProperties();
            properties.put(TOKEN, token(request));
            properties.put(SEED, "seed".equals(first(request.getParameterMap().get("protocol"))));
        }

        private static String token(HandshakeRequest request) {
            for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
                if ("authorization".equalsIgnoreCase(header.getKey())) {
                    String value = first(header.getValue());
                    if (value != null && value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                        return value.substring(BEARER.length()).strip();
                    }
                }
            }
            return first(request.getParameterMap().get("token"));
        }

        private static String first(List<String> values) {
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }
}

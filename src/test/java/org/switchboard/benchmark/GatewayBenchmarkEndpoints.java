package org.switchboard.benchmark;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpoint;
import java.io.StringReader;
import org.switchboard.phone.PhoneGateway;

/**
 * Test-only sockets for {@link PhoneGatewayBenchmark}: one that makes the gateway send a command to a phone, and a bare
 * echo, the yardstick of what a round trip through this server costs without the gateway.
 */
@WebListener
public class GatewayBenchmarkEndpoints implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServerContainer container =
                (ServerContainer) event.getServletContext().getAttribute(ServerContainer.class.getName());
        try {
            container.addEndpoint(Echo.class);
            container.addEndpoint(Trigger.class);
        } catch (DeploymentException e) {
            throw new IllegalStateException(e);
        }
    }

    @ServerEndpoint("/test-echo")
    public static class Echo {
        @OnMessage
        public String echo(String frame) {
            return frame;
        }
    }

    /** Takes {@code {"device": 12, "text": "b-7"}} and has the gateway send that SMS command to the phone. */
    @ServerEndpoint("/test-command")
    public static class Trigger {

        @Inject
        private PhoneGateway gateway;

        @OnMessage
        public void send(String frame) {
            JsonObject request;
            try (var reader = Json.createReader(new StringReader(frame))) {
                request = reader.readObject();
            }
            gateway.sendSms(
                    "benchmark",
                    request.getJsonNumber("device").longValue(),
                    null,
                    "+21650000000",
                    request.getString("text"),
                    null);
        }
    }
}

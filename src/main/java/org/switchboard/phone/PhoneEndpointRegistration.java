package org.switchboard.phone;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Registers {@link PhoneEndpoint} by hand: with Faces push switched on, the container no longer picks up annotated
 * endpoints on its own and {@code /ws/phone} would answer 404.
 */
@WebListener
public class PhoneEndpointRegistration implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(PhoneEndpointRegistration.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServerContainer container =
                (ServerContainer) event.getServletContext().getAttribute(ServerContainer.class.getName());
        try {
            container.addEndpoint(PhoneEndpoint.class);
        } catch (DeploymentException e) {
            // Thrown when the container did scan the annotation after all: the endpoint is there either way.
            LOG.log(Level.FINE, PhoneEndpoint.PATH + " was already registered", e);
        }
    }
}

package org.switchboard.phone;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's side of the heartbeat: pings every connected phone, cuts off the silent ones, and drops commands that
 * were not acknowledged in time.
 */
@ApplicationScoped
public class PhoneHeartbeats {

    private static final Duration HOUSEKEEPING = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(PhoneHeartbeats.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private PhoneRegistry registry;

    @Inject
    private PhoneSessions sessions;

    @Inject
    private PhoneCommands commands;

    @Inject
    private PhoneReports reports;

    @Inject
    private PhonePush push;

    @Inject
    private RefusedConnections refusals;

    @Inject
    private PhoneSettings settings;

    @Inject
    private Clock clock;

    private ScheduledFuture<?> beating;
    private Instant lastHousekeeping = Instant.MIN;

    void start(@Observes Startup startup) {
        long period = settings.heartbeat().toMillis();
        beating = scheduler.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (beating != null) {
            beating.cancel(false);
        }
    }

    void beat() {
        try {
            Instant now = clock.instant();
            Instant unansweredSince = now.minus(settings.offlineAfter());
            for (PhoneConnection connection : registry.connections()) {
                if (connection.silentSince(unansweredSince)) {
                    sessions.timedOut(connection);
                } else {
                    sessions.ping(connection);
                }
            }
            commands.expireOverdue();
            refusals.closeEnded();
            push.checkAlerts();
            if (!now.isBefore(lastHousekeeping.plus(HOUSEKEEPING))) {
                lastHousekeeping = now;
                reports.forgetOld();
            }
        } catch (RuntimeException e) {
            // A failure must not cancel the schedule, or phones would never be pinged again.
            LOG.log(Level.WARNING, "Phone heartbeat failed", e);
        }
    }
}

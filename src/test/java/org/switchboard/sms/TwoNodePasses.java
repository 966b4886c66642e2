package org.switchboard.sms;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.switchboard.phone.PhoneGateway;

/**
 * Test only: the dispatcher's passes over the queue (hand over, expire, take back) run by two "nodes" at once on the
 * same rows ({@link PassGate}), and what they wrote per message. {@code SmsEffectsOnceIT} drives it.
 */
@WebServlet(TwoNodePasses.PATH)
public class TwoNodePasses extends HttpServlet {

    public static final String PATH = "/test-sms-passes";
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final int CHUNK = 500;

    @Inject
    private SmsOutbox outbox;

    @Inject
    private PassGate gate;

    @Inject
    private PhoneGateway gateway;

    @Inject
    private Clock clock;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Long> ids = Arrays.stream(request.getParameter("ids").split(","))
                .map(Long::valueOf)
                .toList();
        long device = request.getParameter("device") == null ? 0 : Long.parseLong(request.getParameter("device"));
        String result;
        try {
            result = switch (request.getParameter("pass")) {
                case "dispatch" -> dispatchAll(ids, device);
                case "expire" -> {
                    // Past their time to live, which no real dispatcher run has reached.
                    Instant later = clock.instant().plus(Duration.ofHours(25));
                    yield total(() -> outbox.expireOverdue(later, 10_000));
                }
                case "takeBack" -> total(takeBack(device));
                case "written" -> gate.written(ids);
                default -> throw new IllegalArgumentException("pass=dispatch, expire, takeBack or written");
            };
        } catch (Exception e) {
            throw new IOException(e);
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(result);
    }

    private String total(Callable<Integer> pass) throws Exception {
        return String.valueOf(
                gate.twice(pass).stream().mapToInt(Integer::intValue).sum());
    }

    /**
     * Rounds of two passes at once until none of these messages is left queued: a pass leaves a campaign alone while
     * the other holds it, as a dispatcher does until its next run.
     */
    private String dispatchAll(List<Long> ids, long device) throws Exception {
        int dispatched = 0;
        for (int round = 0; round < 5 && gate.queued(ids) > 0; round++) {
            dispatched += gate.twice(dispatch(ids, device)).stream()
                    .mapToInt(Integer::intValue)
                    .sum();
        }
        return String.valueOf(dispatched);
    }

    /** Each pass hands these messages (and no other) to the phone, as the dispatcher does, a chunk at a time. */
    private Callable<Integer> dispatch(List<Long> ids, long device) {
        Set<Long> mine = Set.copyOf(ids);
        Instant now = clock.instant();
        return () -> {
            long after = 0;
            int dispatched = 0;
            SmsOutbox.Pass pass;
            do {
                pass = outbox.dispatchDue(
                        now,
                        after,
                        Long.MAX_VALUE,
                        CHUNK,
                        message -> mine.contains(message.getId())
                                ? Optional.of(new Routing.Route(device, null))
                                : Optional.empty());
                dispatched += pass.dispatched();
                after = pass.lastId();
            } while (pass.claimed() == CHUNK);
            return dispatched;
        };
    }

    /**
     * Each pass takes back what this phone, away now, had not acknowledged; every other phone counts as ready, so that
     * what earlier tests left on theirs stays.
     */
    private Callable<Integer> takeBack(long device) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (gateway.isConnected(device)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Phone " + device + " still connected after " + DEADLINE);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        List<Long> others = gate.devicesOtherThan(device);
        Instant awaySince = clock.instant().plusSeconds(60);
        return () -> outbox.takeBackFromAway(others, awaySince);
    }
}

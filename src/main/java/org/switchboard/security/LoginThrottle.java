package org.switchboard.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows password guessing down without locking anybody out for good (OWASP's advice against hard lockouts): after
 * {@code maxFailures} sign-in tries in a row that were not right, for one username or from one client address, each
 * further try must wait, twice as long after each one, up to {@code maxDelay}. A try that comes too early is refused
 * before any password is checked, so it costs no hashing and counts for nothing.
 *
 * <p>A try counts as soon as it is let in, before its password is checked, so that tries sent at once cannot all slip
 * in under the limit; a right password starts its username afresh and takes its own try back from the address. Usernames are counted whether or not such a user
 * exists, so that the answers tell nothing about which names are real. The counts live in this server's memory: a
 * restart forgets them.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Entries past this many are swept of those forgotten, so that tries at made-up names cannot fill the memory. */
    private static final int SWEEP_ABOVE = 10_000;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "switchboard.login.max-failures")
    private int usernameMaxFailures;

    @Inject
    @ConfigProperty(name = "switchboard.login.address-max-failures")
    private int addressMaxFailures;

    @Inject
    @ConfigProperty(name = "switchboard.login.first-delay")
    private Duration firstDelay;

    @Inject
    @ConfigProperty(name = "switchboard.login.max-delay")
    private Duration maxDelay;

    @Inject
    @ConfigProperty(name = "switchboard.login.forget-after")
    private Duration forgetAfter;

    private Limit perUsername;
    private Limit perAddress;
    private final Map<String, Tries> usernames = new ConcurrentHashMap<>();
    private final Map<String, Tries> addresses = new ConcurrentHashMap<>();

    /** Tries let in freely, then the first wait, doubled after each further try up to the longest. */
    public record Limit(int maxFailures, Duration firstDelay, Duration maxDelay) {

        public Limit {
            if (maxFailures < 1) {
                throw new IllegalArgumentException("maxFailures must be at least 1");
            }
            if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
                throw new IllegalArgumentException("delays must be positive, the longest at least the first");
            }
        }

        Duration delayAfter(int failures) {
            int doublings = Math.min(failures - maxFailures, 30);
            Duration delay = firstDelay.multipliedBy(1L << doublings);
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    /**
     * Whether a try may go on to the password check; if not, until when it must wait. A try let in that reached a limit
     * says until when it holds its username or address back.
     */
    public record Admission(
            boolean admitted, Instant heldUntil, Instant holdsUsernameUntil, Instant holdsAddressUntil) {

        static Admission in(Instant holdsUsernameUntil, Instant holdsAddressUntil) {
            return new Admission(true, null, holdsUsernameUntil, holdsAddressUntil);
        }

        static Admission heldUntil(Instant until) {
            return new Admission(false, until, null, null);
        }
    }

    protected LoginThrottle() {}

    LoginThrottle(Clock clock, Limit perUsername, Limit perAddress, Duration forgetAfter) {
        this.clock = clock;
        this.perUsername = perUsername;
        this.perAddress = perAddress;
        this.forgetAfter = forgetAfter;
    }

    @PostConstruct
    void configure() {
        perUsername = new Limit(usernameMaxFailures, firstDelay, maxDelay);
        perAddress = new Limit(addressMaxFailures, firstDelay, maxDelay);
    }

    /** The limit on tries at one username, as the login page explains it. */
    public Limit perUsername() {
        return perUsername;
    }

    /** Lets a try in, counting it against the username and the address, or says how long they are held back. */
    public Admission admit(String username, String address) {
        Instant now = clock.instant();
        sweep(now);
        Tries name = usernames.computeIfAbsent(username, key -> new Tries());
        Tries from = addresses.computeIfAbsent(address, key -> new Tries());
        // One lock order for all callers: the username's, then the address's.
        synchronized (name) {
            synchronized (from) {
                Instant until = later(name.heldUntil(now, forgetAfter), from.heldUntil(now, forgetAfter));
                if (until != null) {
                    return Admission.heldUntil(until);
                }
                return Admission.in(name.count(now, perUsername), from.count(now, perAddress));
            }
        }
    }

    /** A right password: the username starts afresh, and the address takes back the one try it counted. */
    public void succeeded(String username, String address) {
        release(username);
        Tries from = addresses.get(address);
        if (from != null) {
            synchronized (from) {
                from.takeBack(perAddress);
            }
        }
    }

    /** Until when tries at this username or from this address must wait, if they must. */
    public Optional<Instant> heldUntil(String username, String address) {
        Instant now = clock.instant();
        return Optional.ofNullable(later(heldUntil(usernames, username, now), heldUntil(addresses, address, now)));
    }

    /** Whether tries at this username must wait now, whoever sends them. */
    public boolean isHeld(String username) {
        return heldUntil(usernames, username, clock.instant()) != null;
    }

    /** An admin's unlock: tries at this username go on at once, from any address not itself held back. */
    public void release(String username) {
        Tries name = usernames.get(username);
        if (name != null) {
            synchronized (name) {
                name.reset();
            }
        }
    }

    private Instant heldUntil(Map<String, Tries> entries, String key, Instant now) {
        Tries tries = entries.get(key);
        if (tries == null) {
            return null;
        }
        synchronized (tries) {
            return tries.heldUntil(now, forgetAfter);
        }
    }

    private void sweep(Instant now) {
        for (Map<String, Tries> entries : List.of(usernames, addresses)) {
            if (entries.size() > SWEEP_ABOVE) {
                entries.values().removeIf(tries -> tries.forgottenAt(now, forgetAfter));
            }
        }
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** The tries in a row at one username or from one address. Guarded by its own monitor. */
    private static final class Tries {

        private int failures;
        private Instant last;
        private Instant heldUntil;

        Instant heldUntil(Instant now, Duration forgetAfter) {
            if (forgottenAt(now, forgetAfter)) {
                reset();
            }
            return heldUntil != null && now.isBefore(heldUntil) ? heldUntil : null;
        }

        void reset() {
            failures = 0;
            last = null;
            heldUntil = null;
        }

        /** Counts a try; returns until when it holds the next ones back, if it reached the limit. */
        Instant count(Instant now, Limit limit) {
            failures++;
            last = now;
            if (failures >= limit.maxFailures()) {
                heldUntil = now.plus(limit.delayAfter(failures));
                return heldUntil;
            }
            return null;
        }

        void takeBack(Limit limit) {
            failures = Math.max(0, failures - 1);
            if (failures < limit.maxFailures()) {
                heldUntil = null;
            }
        }

        /** Quiet for {@code forgetAfter} since the last try, or since the end of the hold it started. */
        synchronized boolean forgottenAt(Instant now, Duration forgetAfter) {
            if (last == null) {
                return false;
            }
            Instant quietSince = heldUntil != null && heldUntil.isAfter(last) ? heldUntil : last;
            return !now.isBefore(quietSince.plus(forgetAfter));
        }
    }
}

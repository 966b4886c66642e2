package org.switchboard.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.audit.AuditEvent;
import org.switchboard.contact.CallerLookup;
import org.switchboard.contact.ContactCard;
import org.switchboard.contact.PhoneNumbers;
import org.switchboard.phone.CallReported;
import org.switchboard.phone.CommandAction;
import org.switchboard.phone.CommandCompleted;
import org.switchboard.phone.CommandState;
import org.switchboard.phone.PhoneDisconnected;
import org.switchboard.phone.PhoneRevoked;

/**
 * Turns what phones report into calls. Phones are not tidy: a seed-style phone gives no call id and may send the same
 * frame twice, a version-1 phone re-sends reports after a reconnection, and a phone may vanish mid-call. So every
 * report is matched to the call it is about and applied only if it moves that call forward; anything else is a
 * repeat and changes nothing. Runs inside the report's transaction, so a report and its effect commit together.
 */
@ApplicationScoped
@Transactional
public class CallTracker {

    static final String PHONE_WENT_AWAY = "PHONE_DISCONNECTED";
    static final String PHONE_REVOKED = "PHONE_REVOKED";
    private static final String REJECTED = "REJECTED";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PhoneNumbers phoneNumbers;

    @Inject
    private CallerLookup callerLookup;

    @Inject
    private Clock clock;

    @Inject
    private Event<CallPush.CallsChanged> changed;

    @Inject
    private Event<AuditEvent> audit;

    void reported(@Observes CallReported report) {
        boolean changedSomething = report.callId() == null ? seed(report) : versionOne(report);
        if (changedSomething) {
            changed.fire(new CallPush.CallsChanged());
        }
    }

    /** A seed-style phone has one call at a time and no ids: the report is about the device's newest open call. */
    private boolean seed(CallReported report) {
        List<Call> open = open(report.deviceId());
        Optional<Call> newest = open.stream().findFirst();
        switch (report.state()) {
            case RINGING -> {
                String number = e164(report.number());
                if (newest.filter(c -> c.getState() == CallStatus.RINGING && same(c.getNumber(), number))
                        .isPresent()) {
                    return false;
                }
                // A new ring means whatever the phone was doing before it went away is over.
                open.stream()
                        .filter(c -> c.getState() == CallStatus.UNKNOWN)
                        .forEach(c -> end(c, PHONE_WENT_AWAY, report));
                create(report, Call.Direction.INCOMING, CallStatus.RINGING);
                return true;
            }
            case DIALING, ACTIVE -> {
                if (newest.isEmpty()) {
                    create(report, Call.Direction.OUTGOING, stateOf(report.state()));
                    return true;
                }
                return advance(newest.get(), report);
            }
            default -> {
                return newest.map(call -> advance(call, report)).orElse(false);
            }
        }
    }

    private boolean versionOne(CallReported report) {
        Optional<Call> known = em.createQuery(
                        "select c from Call c where c.deviceId = :device and c.phoneCallId = :call order by c.id desc",
                        Call.class)
                .setParameter("device", report.deviceId())
                .setParameter("call", report.callId())
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .or(() -> placedByUs(report));
        if (known.isPresent()) {
            Call call = known.get();
            call.setPhoneCallId(report.callId());
            if (report.simSlot() != null) {
                call.setSimSlot(report.simSlot());
            }
            return advance(call, report);
        }
        Call.Direction direction = report.direction() != null
                ? Call.Direction.valueOf(report.direction().name())
                : report.state() == CallReported.CallState.RINGING ? Call.Direction.INCOMING : Call.Direction.OUTGOING;
        if (report.state() == CallReported.CallState.ENDED) {
            // The start was never heard (reported while the server was away and since forgotten by the phone):
            // still worth a line in the log.
            Call call = create(
                    report, direction, direction == Call.Direction.INCOMING ? CallStatus.RINGING : CallStatus.DIALING);
            advance(call, report);
            return true;
        }
        create(report, direction, stateOf(report.state()));
        return true;
    }

    /** The call a {@code call} command placed, found by the command id or, if the phone left it out, the number. */
    private Optional<Call> placedByUs(CallReported report) {
        if (report.commandId() != null) {
            Optional<Call> byCommand = em.createQuery("select c from Call c where c.commandId = :command", Call.class)
                    .setParameter("command", report.commandId())
                    .getResultStream()
                    .filter(c -> c.getDeviceId() == report.deviceId())
                    .findFirst();
            if (byCommand.isPresent()) {
                return byCommand;
            }
        }
        if (report.direction() == CallReported.CallDirection.INCOMING
                || report.state() == CallReported.CallState.RINGING) {
            return Optional.empty();
        }
        String number = e164(report.number());
        return open(report.deviceId()).stream()
                .filter(c -> c.getState() == CallStatus.PLACING && c.getPhoneCallId() == null)
                .filter(c -> same(c.getNumber(), number))
                .findFirst();
    }

    /** Applies a report to its call if it takes the call further; a report that does not is a repeat. */
    private boolean advance(Call call, CallReported report) {
        if (!call.isOpen()) {
            return false;
        }
        CallStatus before = call.getState();
        switch (report.state()) {
            case RINGING -> {
                if (before == CallStatus.UNKNOWN && call.getAnsweredAt() == null) {
                    call.setState(CallStatus.RINGING);
                }
            }
            case DIALING -> {
                if (before == CallStatus.PLACING || (before == CallStatus.UNKNOWN && call.getAnsweredAt() == null)) {
                    call.setState(CallStatus.DIALING);
                }
            }
            case ACTIVE -> {
                if (before != CallStatus.ACTIVE) {
                    call.answered(report.at());
                    followedUp(call.getNumber());
                }
            }
            case ENDED -> end(call, report.reason(), report);
        }
        if (call.getNumber() == null && report.number() != null) {
            identify(call, report);
        }
        return call.getState() != before;
    }

    private void end(Call call, String reason, CallReported report) {
        CallStatus outcome;
        if (call.getAnsweredAt() != null) {
            outcome = CallStatus.COMPLETED;
        } else if (call.getDirection() == Call.Direction.OUTGOING) {
            outcome = CallStatus.FAILED;
        } else if (call.getRejectedBy() != null || REJECTED.equalsIgnoreCase(reason)) {
            outcome = CallStatus.REJECTED;
        } else {
            outcome = CallStatus.MISSED;
        }
        boolean lostMeanwhile = call.getState() == CallStatus.UNKNOWN && PHONE_WENT_AWAY.equals(reason);
        // A call the phone lost track of ended at the latest when the phone went away, not when it came back.
        call.end(outcome, reason, lostMeanwhile ? call.getUnknownSince() : report.at());
    }

    private Call create(CallReported report, Call.Direction direction, CallStatus state) {
        Call call = new Call(report.deviceId(), direction, state, report.at());
        call.setPhoneCallId(report.callId());
        call.setSimSlot(report.simSlot());
        call.setCommandId(report.commandId());
        identify(call, report);
        if (state == CallStatus.ACTIVE) {
            call.answered(report.at());
        }
        em.persist(call);
        return call;
    }

    private void identify(Call call, CallReported report) {
        String asReported = blankToNull(report.number());
        call.setNumber(e164(asReported), asReported);
        call.setNameOnPhone(blankToNull(report.contactName()));
        identifyContact(call);
    }

    void identifyContact(Call call) {
        if (call.getNumber() == null) {
            return;
        }
        List<ContactCard> cards = callerLookup.lookup(call.getNumber());
        if (!cards.isEmpty()) {
            call.setContact(cards.get(0).id(), cards.get(0).name());
        }
    }

    /** A command's outcome: a call that could not be placed has failed; a failed control is shown on its call. */
    void commandCompleted(@Observes CommandCompleted completed) {
        if (completed.succeeded()) {
            return;
        }
        if (completed.action() == CommandAction.CALL) {
            em.createQuery("select c from Call c where c.commandId = :command", Call.class)
                    .setParameter("command", completed.commandId())
                    .getResultStream()
                    .filter(c -> c.isOpen() && c.getAnsweredAt() == null)
                    .forEach(call -> {
                        // The server's own reasons are sentences; its state names them better in the log.
                        String reason = completed.state() == CommandState.FAILED
                                ? completed.reason()
                                : completed.state().name();
                        call.end(CallStatus.FAILED, reason, clock.instant());
                        failed(call, completed);
                    });
            return;
        }
        em.createQuery("select c from Call c where c.controlCommandId = :command", Call.class)
                .setParameter("command", completed.commandId())
                .getResultStream()
                .forEach(call -> {
                    call.setControlFailure(
                            completed.state().name() + (completed.reason() == null ? "" : ": " + completed.reason()));
                    // What was asked did not happen, so nobody answered, rejected or ended it.
                    switch (completed.action()) {
                        case ANSWER -> call.setHandledBy(null);
                        case REJECT -> call.setRejectedBy(null);
                        case HANG_UP -> call.setEndedBy(null);
                        case MUTE -> call.setMuted(!call.isMuted());
                        default -> {}
                    }
                    failed(call, completed);
                });
    }

    private void failed(Call call, CommandCompleted completed) {
        audit.fire(AuditEvent.failure(
                AuditEvent.SYSTEM,
                CallAction.CALL_COMMAND_FAILED.name(),
                CallService.target(call),
                completed.action() + " " + completed.state() + " " + completed.reason()));
        changed.fire(new CallPush.CallsChanged());
    }

    /** Without its phone nobody knows whether a call goes on; say so rather than guess. */
    void disconnected(@Observes PhoneDisconnected event) {
        List<Call> lost = open(event.deviceId()).stream()
                .filter(c -> c.getState() != CallStatus.PLACING && c.getState() != CallStatus.UNKNOWN)
                .toList();
        lost.forEach(call -> call.lostTrack(clock.instant()));
        if (!lost.isEmpty()) {
            changed.fire(new CallPush.CallsChanged());
        }
    }

    /** A revoked phone reports nothing more: its calls end now, so that no panel waits for it. */
    void revoked(@Observes PhoneRevoked event) {
        List<Call> open = open(event.deviceId());
        Instant now = clock.instant();
        for (Call call : open) {
            CallStatus outcome = call.getState() == CallStatus.RINGING
                    ? CallStatus.MISSED
                    : call.getAnsweredAt() != null ? CallStatus.COMPLETED : CallStatus.FAILED;
            call.end(outcome, PHONE_REVOKED, now);
        }
        if (!open.isEmpty()) {
            changed.fire(new CallPush.CallsChanged());
        }
    }

    /** A missed call from a number is dealt with once somebody talks to that number. */
    void followedUp(String number) {
        if (number != null) {
            em.createQuery("update Call c set c.followedUp = true where c.number = :number and c.state = :missed"
                            + " and c.followedUp = false")
                    .setParameter("number", number)
                    .setParameter("missed", CallStatus.MISSED)
                    .executeUpdate();
        }
    }

    private List<Call> open(long deviceId) {
        return em.createQuery(
                        "select c from Call c where c.deviceId = :device and c.state in :open order by c.id desc",
                        Call.class)
                .setParameter("device", deviceId)
                .setParameter("open", CallStatus.OPEN)
                .getResultList();
    }

    private static CallStatus stateOf(CallReported.CallState state) {
        return switch (state) {
            case RINGING -> CallStatus.RINGING;
            case DIALING -> CallStatus.DIALING;
            case ACTIVE -> CallStatus.ACTIVE;
            case ENDED -> CallStatus.COMPLETED;
        };
    }

    private String e164(String reported) {
        String text = blankToNull(reported);
        return text == null ? null : phoneNumbers.tryNormalise(text).orElse(text);
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

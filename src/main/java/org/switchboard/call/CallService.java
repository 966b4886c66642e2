package org.switchboard.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.switchboard.audit.AuditEvent;
import org.switchboard.contact.ContactCreated;
import org.switchboard.contact.PhoneNumbers;
import org.switchboard.phone.DeviceService;
import org.switchboard.phone.PhoneGateway;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.security.Role;
import org.switchboard.security.User;
import org.switchboard.security.UserService;

/**
 * What users do with calls: place one, answer, reject, hang up, send tones, keep notes; and the calls they see, live
 * and in the log. Every command goes through the {@link PhoneGateway}; its outcome comes back to {@link CallTracker}.
 *
 * <p>Who may act on a call is decided here, whatever page or client asks, since a request can name any call. Admins and
 * staff handle calls. Anyone of them may answer or reject a ringing call, and answering makes them its handler, as
 * placing a call does; a call answered on the handset itself goes to the first of them who acts on it. From then on
 * only the handler hangs up, sends tones, mutes and writes notes; someone else takes the call over first
 * ({@link #takeOver}), which makes them the handler. An admin may also hang up anybody's call, as a way to end a call
 * left open, and correct the notes of an ended call; for anything else on a live call they take it over like everyone,
 * so that the person on the line is never interfered with unannounced. Refusals are recorded as DENIED in the audit
 * trail.
 */
@ApplicationScoped
// A refusal's audit record must be kept; nothing else has changed when one is thrown.
@Transactional(dontRollbackOn = CallActionDeniedException.class)
public class CallService {

    static final int MAX_NOTES = 4_000;
    /** The states in which a call nobody handles goes to the first user who acts on it. */
    private static final List<CallStatus> PAST_RINGING = CallStatus.OPEN.stream()
            .filter(state -> state != CallStatus.RINGING)
            .toList();
    /** How long an ended call stays on screen with its summary. */
    static final Duration SUMMARY_SHOWN = Duration.ofMinutes(2);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PhoneGateway gateway;

    @Inject
    private PhoneNumbers phoneNumbers;

    @Inject
    private CallTracker tracker;

    @Inject
    private UserService users;

    @Inject
    private DeviceService devices;

    @Inject
    private Clock clock;

    @Inject
    private Event<CallPush.CallsChanged> changed;

    @Inject
    private Event<AuditEvent> audit;

    /**
     * Asks a phone to call a number.
     *
     * @param deviceId the phone, or null to let the server take a connected phone that is not in a call
     * @param simSlot the SIM, or null for the phone's default
     */
    public Call place(String username, String number, Long deviceId, Integer simSlot) {
        String user = callHandler(username, CallAction.CALL_PLACED, null).getUsername();
        String e164 = phoneNumbers.normalise(number);
        long device = deviceId != null ? connected(deviceId) : freePhone();
        Call call = new Call(device, Call.Direction.OUTGOING, CallStatus.PLACING, clock.instant());
        call.setNumber(e164, e164);
        call.setSimSlot(simSlot);
        call.setPlacedBy(user);
        call.setHandledBy(user);
        tracker.identifyContact(call);
        em.persist(call);
        em.flush();
        call.setCommandId(gateway.call(user, device, String.valueOf(call.getId()), e164, simSlot));
        tracker.followedUp(e164);
        audit.fire(new AuditEvent(
                user, CallAction.CALL_PLACED.name(), target(call), AuditEvent.Outcome.SUCCESS, "phone " + device));
        changed.fire(new CallPush.CallsChanged());
        return call;
    }

    /** Answers a ringing call; the first user to answer takes it, the others are told who did. */
    public void answer(String username, long callId) {
        Call call = find(callId);
        String user = callHandler(username, CallAction.CALL_ANSWERED, call).getUsername();
        if (call.getHandledBy() == null) {
            claim(call, user, List.of(CallStatus.RINGING));
        }
        if (!call.isHandledBy(user)) {
            if (call.getHandledBy() == null) {
                throw new InvalidInputException("call", "calls.error.notRinging");
            }
            throw denied(
                    user,
                    CallAction.CALL_ANSWERED,
                    call,
                    "handled by " + call.getHandledBy(),
                    "calls.error.takenBy",
                    call.getHandledBy());
        }
        call.control(gateway.answer(user, call.getDeviceId(), call.getPhoneCallId()), "ANSWER");
        audit(user, CallAction.CALL_ANSWERED, call, null);
    }

    /** Turns a ringing call down; anyone who handles calls may, unless somebody is answering it. */
    public void reject(String username, long callId) {
        Call call = find(callId);
        String user = callHandler(username, CallAction.CALL_REJECTED, call).getUsername();
        if (call.getState() != CallStatus.RINGING) {
            throw new InvalidInputException("call", "calls.error.notRinging");
        }
        if (call.getHandledBy() != null && !call.isHandledBy(user)) {
            throw denied(
                    user,
                    CallAction.CALL_REJECTED,
                    call,
                    "handled by " + call.getHandledBy(),
                    "calls.error.takenBy",
                    call.getHandledBy());
        }
        call.setRejectedBy(user);
        call.control(gateway.reject(user, call.getDeviceId(), call.getPhoneCallId()), "REJECT");
        audit(user, CallAction.CALL_REJECTED, call, null);
    }

    /**
     * Ends a call; one the phone has not started dialling yet is withdrawn instead. Its handler may, and an admin may
     * end anybody's call.
     */
    public void hangUp(String username, long callId) {
        Call call = find(callId);
        User actor = callHandler(username, CallAction.CALL_HUNG_UP, call);
        if (!call.isOpen()) {
            throw new InvalidInputException("call", "calls.error.over");
        }
        String onBehalfOf = authorise(actor, call, CallAction.CALL_HUNG_UP);
        String user = actor.getUsername();
        call.setEndedBy(user);
        if (call.getState() == CallStatus.PLACING && gateway.cancel(call.getCommandId())) {
            call.end(CallStatus.FAILED, "CANCELLED", clock.instant());
        } else if (call.getState() == CallStatus.PLACING && !devices.reportsCalls(call.getDeviceId())) {
            // A seed-style phone cannot hang up and will not say how the call went: closing it is all there is to do.
            call.end(CallStatus.UNREPORTED, null, clock.instant());
            changed.fire(new CallPush.CallsChanged());
        } else {
            call.control(gateway.hangUp(user, call.getDeviceId(), call.getPhoneCallId()), "HANG_UP");
        }
        audit(user, CallAction.CALL_HUNG_UP, call, onBehalfOf);
    }

    public void dtmf(String username, long callId, String digits) {
        Call call = find(callId);
        User actor = callHandler(username, CallAction.CALL_DTMF_SENT, call);
        if (call.getState() != CallStatus.ACTIVE) {
            throw new InvalidInputException("call", "calls.error.notActive");
        }
        authorise(actor, call, CallAction.CALL_DTMF_SENT);
        String user = actor.getUsername();
        call.control(gateway.dtmf(user, call.getDeviceId(), call.getPhoneCallId(), digits), "DTMF");
        // Tones may be a PIN or an account number: the trail says how many, not which.
        audit(user, CallAction.CALL_DTMF_SENT, call, digits.length() + " tones");
    }

    /** Turns the phone's microphone off, or on again if it was off. */
    public void toggleMute(String username, long callId) {
        Call call = find(callId);
        User actor = callHandler(username, CallAction.CALL_MUTED, call);
        if (call.getState() != CallStatus.ACTIVE) {
            throw new InvalidInputException("call", "calls.error.notActive");
        }
        authorise(actor, call, call.isMuted() ? CallAction.CALL_UNMUTED : CallAction.CALL_MUTED);
        boolean muted = !call.isMuted();
        String user = actor.getUsername();
        call.control(gateway.mute(user, call.getDeviceId(), call.getPhoneCallId(), muted), muted ? "MUTE" : "UNMUTE");
        call.setMuted(muted);
        audit(user, muted ? CallAction.CALL_MUTED : CallAction.CALL_UNMUTED, call, null);
    }

    /** The handler's notes; once the call has ended, an admin may correct them too. */
    public void saveNotes(String username, long callId, String notes) {
        String text = notes == null || notes.isBlank() ? null : notes.strip();
        if (text != null && text.length() > MAX_NOTES) {
            throw new InvalidInputException("notes", "calls.error.notesTooLong", MAX_NOTES);
        }
        Call call = find(callId);
        User actor = callHandler(username, CallAction.CALL_NOTES_SAVED, call);
        String onBehalfOf = authorise(actor, call, CallAction.CALL_NOTES_SAVED);
        call.setNotes(text);
        audit(actor.getUsername(), CallAction.CALL_NOTES_SAVED, call, onBehalfOf);
    }

    /**
     * Makes the user the handler of a call somebody else handles, e.g. to go on with a call a colleague had to leave;
     * from then on only they act on it.
     */
    public void takeOver(String username, long callId) {
        Call call = find(callId);
        String user = callHandler(username, CallAction.CALL_TAKEN_OVER, call).getUsername();
        if (!call.isOpen()) {
            throw new InvalidInputException("call", "calls.error.over");
        }
        if (call.isHandledBy(user)) {
            return;
        }
        if (call.getHandledBy() == null && call.getState() == CallStatus.RINGING) {
            throw new InvalidInputException("call", "calls.error.notAnswered");
        }
        String previous = call.getHandledBy();
        if (!claim(call, user, CallStatus.OPEN)) {
            if (!call.isOpen()) {
                throw new InvalidInputException("call", "calls.error.over");
            }
            throw denied(
                    user,
                    CallAction.CALL_TAKEN_OVER,
                    call,
                    "handled by " + call.getHandledBy(),
                    "calls.error.handledBy",
                    call.getHandledBy());
        }
        audit(user, CallAction.CALL_TAKEN_OVER, call, previous == null ? null : "from " + previous);
    }

    /** The calls with a contact's numbers that matched no one now show the contact created for them. */
    void contactCreated(@Observes ContactCreated created) {
        if (created.numbers().isEmpty()) {
            return;
        }
        int linked = em.createQuery("update Call c set c.contactId = :contact, c.contactName = :name"
                        + " where c.number in :numbers and c.contactId is null")
                .setParameter("contact", created.contactId())
                .setParameter("name", created.name())
                .setParameter("numbers", created.numbers())
                .executeUpdate();
        if (linked > 0) {
            changed.fire(new CallPush.CallsChanged());
        }
    }

    public Optional<Call> findById(long callId) {
        return Optional.ofNullable(em.find(Call.class, callId));
    }

    /** What the live panels show: the calls going on, and those ended a moment ago with their summary. */
    public List<Call> live() {
        return em.createQuery(
                        "select c from Call c where c.state in :open or c.endedAt > :since order by c.startedAt, c.id",
                        Call.class)
                .setParameter("open", CallStatus.OPEN)
                .setParameter("since", clock.instant().minus(SUMMARY_SHOWN))
                .getResultList();
    }

    /** One SMS to or from a caller, for the pop-up's recent history. */
    public record SmsLine(Instant at, boolean incoming, String text) {}

    /** The latest SMS with a number, received or sent, newest first. */
    public List<SmsLine> recentSms(String number, int limit) {
        if (number == null) {
            return List.of();
        }
        List<SmsLine> lines = new ArrayList<>();
        em.createQuery(
                        "select i.receivedAt, i.text from IncomingSms i where i.number = :number"
                                + " order by i.receivedAt desc",
                        Object[].class)
                .setParameter("number", number)
                .setMaxResults(limit)
                .getResultList()
                .forEach(row -> lines.add(new SmsLine((Instant) row[0], true, (String) row[1])));
        em.createQuery(
                        "select m.createdAt, m.text from SmsMessage m where m.recipient = :number"
                                + " order by m.createdAt desc",
                        Object[].class)
                .setParameter("number", number)
                .setMaxResults(limit)
                .getResultList()
                .forEach(row -> lines.add(new SmsLine((Instant) row[0], false, (String) row[1])));
        lines.sort(Comparator.comparing(SmsLine::at).reversed());
        return lines.size() > limit ? lines.subList(0, limit) : lines;
    }

    /** Missed calls nobody has called back yet. */
    public long missedNotFollowedUp() {
        return em.createQuery(
                        "select count(c) from Call c where c.state = :missed and c.followedUp = false", Long.class)
                .setParameter("missed", CallStatus.MISSED)
                .getSingleResult();
    }

    /** The latest calls with a number, newest first. */
    public List<Call> recentWith(String number, long exceptCallId, int limit) {
        if (number == null) {
            return List.of();
        }
        return em.createQuery(
                        "select c from Call c where c.number = :number and c.id <> :except order by c.startedAt desc",
                        Call.class)
                .setParameter("number", number)
                .setParameter("except", exceptCallId)
                .setMaxResults(limit)
                .getResultList();
    }

    public List<Call> find(CallFilter filter, int first, int size) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Call> query = cb.createQuery(Call.class);
        Root<Call> call = query.from(Call.class);
        query.where(matching(filter, cb, call)).orderBy(cb.desc(call.get("startedAt")), cb.desc(call.get("id")));
        return em.createQuery(query).setFirstResult(first).setMaxResults(size).getResultList();
    }

    public long count(CallFilter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Call> call = query.from(Call.class);
        query.select(cb.count(call)).where(matching(filter, cb, call));
        return em.createQuery(query).getSingleResult();
    }

    private Predicate[] matching(CallFilter filter, CriteriaBuilder cb, Root<Call> call) {
        List<Predicate> predicates = new ArrayList<>();
        if (filter.kind() != null) {
            predicates.add(
                    switch (filter.kind()) {
                        case INCOMING -> cb.equal(call.get("direction"), Call.Direction.INCOMING);
                        case OUTGOING -> cb.equal(call.get("direction"), Call.Direction.OUTGOING);
                        case MISSED -> cb.equal(call.get("state"), CallStatus.MISSED);
                        case REJECTED -> cb.equal(call.get("state"), CallStatus.REJECTED);
                    });
        }
        if (filter.deviceId() != null) {
            predicates.add(cb.equal(call.get("deviceId"), filter.deviceId()));
        }
        if (filter.user() != null && !filter.user().isBlank()) {
            String pattern = "%" + filter.user().strip().toLowerCase(Locale.ROOT) + "%";
            List<Predicate> matches = new ArrayList<>(List.of(
                    cb.like(cb.lower(call.get("handledBy")), pattern),
                    cb.like(cb.lower(call.get("placedBy")), pattern),
                    cb.like(cb.lower(call.get("rejectedBy")), pattern)));
            // The log shows users by their display name: typing what it shows must find them. Read first, as
            // EclipseLink builds no criteria subquery on another entity here; a school has a few dozen users.
            List<String> named = em.createQuery(
                            "select u.username from User u where lower(u.displayName) like :pattern", String.class)
                    .setParameter("pattern", pattern)
                    .getResultList();
            if (!named.isEmpty()) {
                matches.add(call.get("handledBy").in(named));
                matches.add(call.get("placedBy").in(named));
                matches.add(call.get("rejectedBy").in(named));
            }
            predicates.add(cb.or(matches.toArray(Predicate[]::new)));
        }
        if (filter.contact() != null && !filter.contact().isBlank()) {
            String pattern = "%" + filter.contact().strip().toLowerCase(Locale.ROOT) + "%";
            predicates.add(cb.like(cb.lower(call.get("contactName")), pattern));
        }
        if (filter.from() != null) {
            predicates.add(cb.greaterThanOrEqualTo(call.get("startedAt"), filter.from()));
        }
        if (filter.to() != null) {
            predicates.add(cb.lessThan(call.get("startedAt"), filter.to()));
        }
        return predicates.toArray(Predicate[]::new);
    }

    private Call find(long callId) {
        return findById(callId).orElseThrow(() -> new InvalidInputException("call", "calls.error.unknown", callId));
    }

    /**
     * Makes the user the call's handler in one conditional update, provided it is still handled by whom it was when
     * read (nobody, or the one it is taken over from) and in one of these states: of two users claiming a call at
     * once, one wins. The call is read again either way.
     *
     * @return whether the user got it
     */
    private boolean claim(Call call, String user, Collection<CallStatus> states) {
        String previous = call.getHandledBy();
        Query update = em.createQuery("update Call c set c.handledBy = :user where c.id = :id and c.state in :states"
                        + (previous == null ? " and c.handledBy is null" : " and c.handledBy = :previous"))
                .setParameter("user", user)
                .setParameter("id", call.getId())
                .setParameter("states", states);
        if (previous != null) {
            update.setParameter("previous", previous);
        }
        boolean claimed = update.executeUpdate() == 1;
        em.refresh(call);
        return claimed;
    }

    /** The user, if they may act on calls at all: enabled, in a role that handles calls. */
    private User callHandler(String username, CallAction action, Call call) {
        Optional<User> user = users.find(username);
        if (user.isPresent() && user.get().isEnabled() && user.get().getRole().handlesCalls()) {
            return user.get();
        }
        String detail = user.map(found -> found.isEnabled() ? "role " + found.getRole() : "disabled")
                .orElse("no such user");
        throw denied(username, action, call, detail, "calls.error.notAllowed");
    }

    /**
     * Lets the user act on the call if it is theirs, claiming it if nobody handles it yet, or if they are an admin
     * hanging up a live call or correcting an ended call's notes; refuses anyone else.
     *
     * @return whose call an admin acted on, for the audit trail; null when the user acted on their own call
     */
    private String authorise(User actor, Call call, CallAction action) {
        String user = actor.getUsername();
        if (call.getHandledBy() == null && call.isControllableBy(user)) {
            claim(call, user, PAST_RINGING);
        }
        if (call.isHandledBy(user)) {
            return null;
        }
        String handler = call.getHandledBy();
        boolean adminMay = call.isOpen() ? action == CallAction.CALL_HUNG_UP : action == CallAction.CALL_NOTES_SAVED;
        if (adminMay && actor.getRole() == Role.ADMIN) {
            return handler == null ? null : "handled by " + handler;
        }
        if (!call.isOpen() && action != CallAction.CALL_NOTES_SAVED) {
            throw new InvalidInputException("call", "calls.error.over");
        }
        if (!call.isOpen()) {
            throw denied(
                    user, action, call, handler == null ? null : "handled by " + handler, "calls.error.notesOfOthers");
        }
        if (handler == null) {
            throw new InvalidInputException("call", "calls.error.notAnswered");
        }
        throw denied(user, action, call, "handled by " + handler, "calls.error.handledBy", handler);
    }

    /** Records the refused attempt as the user's, and the refusal to throw. */
    private CallActionDeniedException denied(
            String user, CallAction action, Call call, String detail, String messageKey, Object... arguments) {
        audit.fire(new AuditEvent(
                user, action.name(), call == null ? null : target(call), AuditEvent.Outcome.DENIED, detail));
        return new CallActionDeniedException(messageKey, arguments);
    }

    private long connected(long deviceId) {
        if (!gateway.isConnected(deviceId)) {
            throw new InvalidInputException("device", "calls.error.noPhone");
        }
        return deviceId;
    }

    /** A connected phone not already in a call, so that a second caller does not interrupt the first. */
    private long freePhone() {
        List<Long> ready = gateway.readyPhones();
        if (ready.isEmpty()) {
            throw new InvalidInputException("device", "calls.error.noPhone");
        }
        List<Long> busy = em.createQuery("select distinct c.deviceId from Call c where c.state in :open", Long.class)
                .setParameter("open", CallStatus.OPEN)
                .getResultList();
        return ready.stream()
                .filter(device -> !busy.contains(device))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("device", "calls.error.allBusy"));
    }

    private void audit(String user, CallAction action, Call call, String detail) {
        audit.fire(new AuditEvent(user, action.name(), target(call), AuditEvent.Outcome.SUCCESS, detail));
        changed.fire(new CallPush.CallsChanged());
    }

    static String target(Call call) {
        return "call " + call.getId() + (call.getNumber() == null ? "" : " " + call.getNumber());
    }
}

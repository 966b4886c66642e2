package org.switchboard.call;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.switchboard.contact.CallerLookup;
import org.switchboard.contact.ContactCard;
import org.switchboard.contact.PhoneNumbers;
import org.switchboard.i18n.Messages;
import org.switchboard.phone.DeviceService;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.security.CurrentUser;
import org.switchboard.security.User;
import org.switchboard.security.UserService;

/**
 * The call panels every page of a user who takes calls carries (layout): a ringing call with the caller's card and
 * Answer / Reject, a call in progress with its timer, keypad and notes, and a call just ended with its summary. The
 * buttons name their call by a request parameter rendered with them, not by their row: a call that arrived or went
 * between rendering and clicking must not shift a click onto another call. The buttons shown follow who may act on
 * the call ({@link CallService}), which the service checks again at every click.
 */
@Named
@RequestScoped
public class LiveCalls {

    static final int HISTORY_SHOWN = 3;
    /** Ended calls shown at most, newest first: the log keeps them all, and the stack must leave the page usable. */
    static final int ENDED_SHOWN = 2;

    private static final String CALL_LOG = "/call/index.xhtml";

    /**
     * Ringing calls first, newest on top, as they are the ones to act on now; then calls in progress; then the most
     * recently ended.
     */
    private static final Comparator<Call> STACK_ORDER = Comparator.<Call>comparingInt(
                    call -> call.getState() == CallStatus.RINGING ? 0 : call.isOpen() ? 1 : 2)
            .thenComparing(call -> call.isOpen() ? call.getStartedAt() : call.getEndedAt(), Comparator.reverseOrder())
            .thenComparing(Call::getId, Comparator.reverseOrder());

    @Inject
    private CallService calls;

    @Inject
    private CallerLookup callerLookup;

    @Inject
    private PhoneNumbers phoneNumbers;

    @Inject
    private DeviceService devices;

    @Inject
    private UserService users;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private DismissedCalls dismissed;

    private List<Call> live;
    private final Map<String, String> displayNames = new HashMap<>();
    private final Map<String, List<ContactCard>> cards = new HashMap<>();
    private Map<Long, String> phoneNames;

    /** Whether this user takes calls, so gets the panels and their live channel at all. */
    public boolean isHandler() {
        return currentUser.getRole() != null && currentUser.getRole().handlesCalls();
    }

    public List<Call> getCalls() {
        if (live == null) {
            List<Call> stack = calls.live().stream()
                    .filter(call -> call.isOpen() || !dismissed.contains(call.getId()))
                    .sorted(STACK_ORDER)
                    .toList();
            long open = stack.stream().filter(Call::isOpen).count();
            live = stack.stream().limit(open + (onCallLog() ? 0 : ENDED_SHOWN)).toList();
        }
        return live;
    }

    /** The call log lists the ended calls itself: their summaries would only cover its rows. */
    private static boolean onCallLog() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces != null
                && faces.getViewRoot() != null
                && CALL_LOG.equals(faces.getViewRoot().getViewId());
    }

    /** The caller's cards, looked up once a request however often the panel asks. */
    public List<ContactCard> cards(Call call) {
        return call.getNumber() == null ? List.of() : cards.computeIfAbsent(call.getNumber(), callerLookup::lookup);
    }

    public List<Call> recentCalls(Call call) {
        return calls.recentWith(call.getNumber(), call.getId(), HISTORY_SHOWN);
    }

    public List<CallService.SmsLine> recentSms(Call call) {
        return calls.recentSms(call.getNumber(), HISTORY_SHOWN);
    }

    /** The number as this user may see it: whole, masked, or "hidden" for a withheld caller. */
    public String number(Call call) {
        if (call.getNumber() == null) {
            return Messages.text("calls.hidden");
        }
        return currentUser.isCanSeeNumbers()
                ? phoneNumbers.display(call.getNumber())
                : phoneNumbers.mask(call.getNumber());
    }

    public String userName(String username) {
        return username == null
                ? ""
                : displayNames.computeIfAbsent(
                        username,
                        name -> users.find(name).map(User::getDisplayName).orElse(name));
    }

    public String phoneName(Long deviceId) {
        if (phoneNames == null) {
            phoneNames = new HashMap<>();
            devices.list().forEach(device -> phoneNames.put(device.getId(), device.getName()));
        }
        return phoneNames.getOrDefault(deviceId, "#" + deviceId);
    }

    /** Answered or being answered by somebody else: this user only watches. */
    public boolean takenByOther(Call call) {
        return call.getHandledBy() != null && !call.getHandledBy().equals(currentUser.getUsername());
    }

    public boolean mine(Call call) {
        return !takenByOther(call);
    }

    /** Whether this user's keypad, mute and notes act on the call: theirs, or nobody's past ringing. */
    public boolean controls(Call call) {
        return call.isControllableBy(currentUser.getUsername());
    }

    /**
     * A call placed through a phone that speaks the seed protocol: it took the command without a word and reports
     * nothing of the call, so the panel says so and its Hang up only closes it.
     */
    public boolean unreported(Call call) {
        return call.getState() == CallStatus.PLACING && !devices.reportsCalls(call.getDeviceId());
    }

    /** When an ended call's summary leaves the screen, for the page to take it away without waiting for a push. */
    public long summaryUntil(Call call) {
        return call.getEndedAt() == null
                ? 0
                : call.getEndedAt().plus(CallService.SUMMARY_SHOWN).toEpochMilli();
    }

    public boolean mayHangUp(Call call) {
        return call.isOpen() && call.getState() != CallStatus.RINGING && (controls(call) || currentUser.isAdmin());
    }

    /** Also while ringing: an answer the phone could not carry out leaves the call with a handler, and stuck. */
    public boolean mayTakeOver(Call call) {
        return call.canBeTakenOverBy(currentUser.getUsername());
    }

    public boolean mayWriteNotes(Call call) {
        if (call.getState() == CallStatus.RINGING) {
            return false;
        }
        return call.isOpen() ? controls(call) : call.isHandledBy(currentUser.getUsername()) || currentUser.isAdmin();
    }

    public void answer() {
        act(call -> calls.answer(currentUser.getUsername(), call));
    }

    public void reject() {
        act(call -> calls.reject(currentUser.getUsername(), call));
    }

    public void hangUp() {
        act(call -> calls.hangUp(currentUser.getUsername(), call));
    }

    public void dtmf() {
        String digits = parameter("digits");
        act(call -> calls.dtmf(currentUser.getUsername(), call, digits));
    }

    public void toggleMute() {
        act(call -> calls.toggleMute(currentUser.getUsername(), call));
    }

    public void takeOver() {
        act(call -> calls.takeOver(currentUser.getUsername(), call));
    }

    public void saveNotes() {
        act(call -> {
            calls.saveNotes(currentUser.getUsername(), call, parameter("notes-" + call));
            Messages.info("calls.notes.saved");
        });
    }

    public void dismiss() {
        act(dismissed::add);
    }

    private void act(CallCommand command) {
        if (!isHandler()) {
            // The panels are not rendered for these users; a forged request still changes nothing.
            Messages.error("calls.error.notAllowed");
            return;
        }
        try {
            command.on(Long.parseLong(parameter("call")));
        } catch (NumberFormatException e) {
            Messages.error("calls.error.unknown", parameter("call"));
        } catch (InvalidInputException e) {
            Messages.error(e);
        }
        live = null;
    }

    @FunctionalInterface
    private interface CallCommand {
        void on(long callId);
    }

    private static String parameter(String name) {
        return FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get(name);
    }

    /** A call's length as {@code m:ss}. */
    public static String duration(Long seconds) {
        long total = seconds == null ? 0 : seconds;
        return String.format(Locale.ROOT, "%d:%02d", total / 60, total % 60);
    }

    public String duration(Call call) {
        return duration(call.getDurationSeconds());
    }

    /** Why a call ended or failed, in words where the reason is a known one, else as the phone said it. */
    public String reason(String code) {
        if (code == null) {
            return "";
        }
        return KNOWN_REASONS.contains(code) ? Messages.text("calls.reason." + code) : code;
    }

    /**
     * Why a command on the call failed, in words: the server stores the command's end state and its reason
     * ({@code EXPIRED: not acknowledged in time}); the state says it in the user's language, a phone's reason is
     * said in words where it is a known one.
     */
    public String failure(String controlFailure) {
        if (controlFailure == null) {
            return "";
        }
        int colon = controlFailure.indexOf(": ");
        String state = colon < 0 ? controlFailure : controlFailure.substring(0, colon);
        String detail = colon < 0 ? null : controlFailure.substring(colon + 2);
        if ("FAILED".equals(state) && detail != null) {
            return reason(detail);
        }
        return KNOWN_REASONS.contains(state) ? reason(state) : controlFailure;
    }

    private static final Set<String> KNOWN_REASONS = Set.of(
            "BUSY",
            "NO_ANSWER",
            "REJECTED",
            "EXPIRED",
            "CANCELLED",
            "UNSUPPORTED",
            "HUNG_UP",
            "REMOTE_HANGUP",
            "MISSED",
            CallTracker.PHONE_WENT_AWAY,
            CallTracker.PHONE_REVOKED);
}

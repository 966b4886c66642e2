package org.switchboard.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * One call through one of the school's phones, from the first report (or the request to place it) to its end, with
 * who handled it. The phone reports states; {@link CallTracker} turns them into this.
 */
@Entity
@Table(name = "phone_call")
public class Call {

    static final int MAX_REASON = 255;

    public enum Direction {
        INCOMING,
        OUTGOING
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "device_id", nullable = false, updatable = false)
    private Long deviceId;

    @Column(name = "sim_slot")
    private Integer simSlot;

    @Column(name = "phone_call_id")
    private String phoneCallId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CallStatus state;

    /** E.164 when the phone's report could be read as a number; null for a hidden caller. */
    private String number;

    @Column(name = "number_as_reported")
    private String numberAsReported;

    @Column(name = "name_on_phone")
    private String nameOnPhone;

    @Column(name = "contact_id")
    private Long contactId;

    /** Kept with the call so that the log still says who it was if the contact is later removed. */
    @Column(name = "contact_name")
    private String contactName;

    /** The {@code call} command that placed it, if Switchboard did. */
    @Column(name = "command_id")
    private String commandId;

    @Column(name = "placed_by")
    private String placedBy;

    @Column(name = "handled_by")
    private String handledBy;

    @Column(name = "rejected_by")
    private String rejectedBy;

    @Column(name = "ended_by")
    private String endedBy;

    /** The last answer, reject, hang-up or tones command, whose failure the panel shows. */
    @Column(name = "control_command_id")
    private String controlCommandId;

    @Column(name = "control_action")
    private String controlAction;

    @Column(name = "control_failure")
    private String controlFailure;

    @Column(name = "end_reason")
    private String endReason;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "unknown_since")
    private Instant unknownSince;

    @Column(name = "duration_seconds")
    private Long durationSeconds;

    /** A missed call somebody has since called back (or who called again and was answered). */
    @Column(name = "followed_up", nullable = false)
    private boolean followedUp;

    /** As last asked of the phone; put back if the phone could not do it. */
    private boolean muted;

    private String notes;

    protected Call() {}

    Call(long deviceId, Direction direction, CallStatus state, Instant startedAt) {
        this.deviceId = deviceId;
        this.direction = direction;
        this.state = state;
        this.startedAt = startedAt;
    }

    void answered(Instant at) {
        state = CallStatus.ACTIVE;
        unknownSince = null;
        if (answeredAt == null) {
            answeredAt = at;
        }
    }

    void end(CallStatus outcome, String reason, Instant at) {
        state = outcome;
        endReason = fitted(reason);
        endedAt = at;
        unknownSince = null;
        // To the nearest second: instants come back from the database rounded to microseconds.
        durationSeconds = answeredAt == null
                ? 0
                : Math.max(0, (Duration.between(answeredAt, at).toMillis() + 500) / 1000);
    }

    void lostTrack(Instant at) {
        state = CallStatus.UNKNOWN;
        unknownSince = at;
    }

    public boolean isOpen() {
        return state.isOpen();
    }

    public boolean isHandledBy(String user) {
        return user != null && user.equals(handledBy);
    }

    /**
     * Whether the user acts on the call as its handler: they handle it, or it went past ringing with nobody handling
     * it (answered on the handset itself), so that the first user to act on it claims it, as answering would.
     */
    public boolean isControllableBy(String user) {
        return isHandledBy(user) || (handledBy == null && isOpen() && state != CallStatus.RINGING);
    }

    /** Somebody else handles the call and it is still going on: the user may take it over. */
    public boolean canBeTakenOverBy(String user) {
        return isOpen() && handledBy != null && !isHandledBy(user);
    }

    public Long getId() {
        return id;
    }

    public Long getDeviceId() {
        return deviceId;
    }

    public Integer getSimSlot() {
        return simSlot;
    }

    void setSimSlot(Integer simSlot) {
        this.simSlot = simSlot;
    }

    public String getPhoneCallId() {
        return phoneCallId;
    }

    void setPhoneCallId(String phoneCallId) {
        this.phoneCallId = phoneCallId;
    }

    public Direction getDirection() {
        return direction;
    }

    void setDirection(Direction direction) {
        this.direction = direction;
    }

    public CallStatus getState() {
        return state;
    }

    void setState(CallStatus state) {
        this.state = state;
    }

    public String getNumber() {
        return number;
    }

    public String getNumberAsReported() {
        return numberAsReported;
    }

    void setNumber(String number, String numberAsReported) {
        this.number = number;
        this.numberAsReported = numberAsReported;
    }

    public String getNameOnPhone() {
        return nameOnPhone;
    }

    void setNameOnPhone(String nameOnPhone) {
        this.nameOnPhone = nameOnPhone;
    }

    public Long getContactId() {
        return contactId;
    }

    public String getContactName() {
        return contactName;
    }

    void setContact(Long contactId, String contactName) {
        this.contactId = contactId;
        this.contactName = contactName;
    }

    public String getCommandId() {
        return commandId;
    }

    void setCommandId(String commandId) {
        this.commandId = commandId;
    }

    public String getPlacedBy() {
        return placedBy;
    }

    void setPlacedBy(String placedBy) {
        this.placedBy = placedBy;
    }

    public String getHandledBy() {
        return handledBy;
    }

    void setHandledBy(String handledBy) {
        this.handledBy = handledBy;
    }

    public String getRejectedBy() {
        return rejectedBy;
    }

    void setRejectedBy(String rejectedBy) {
        this.rejectedBy = rejectedBy;
    }

    public String getEndedBy() {
        return endedBy;
    }

    void setEndedBy(String endedBy) {
        this.endedBy = endedBy;
    }

    public String getControlCommandId() {
        return controlCommandId;
    }

    public String getControlAction() {
        return controlAction;
    }

    public String getControlFailure() {
        return controlFailure;
    }

    void control(String commandId, String action) {
        controlCommandId = commandId;
        controlAction = action;
        controlFailure = null;
    }

    void setControlFailure(String controlFailure) {
        this.controlFailure = fitted(controlFailure);
    }

    /** A reason cut to its column, as a phone's reason with the command's state before it can be longer. */
    private static String fitted(String reason) {
        return reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }

    public String getEndReason() {
        return endReason;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public Instant getUnknownSince() {
        return unknownSince;
    }

    public Long getDurationSeconds() {
        return durationSeconds;
    }

    public boolean isMuted() {
        return muted;
    }

    void setMuted(boolean muted) {
        this.muted = muted;
    }

    public boolean isFollowedUp() {
        return followedUp;
    }

    public String getNotes() {
        return notes;
    }

    void setNotes(String notes) {
        this.notes = notes;
    }
}

package org.switchboard.phone;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A command for one phone, stored before it is sent so that nothing is lost when the phone drops. It is sent again on
 * every new connection of its phone until the phone acknowledges it; its {@link #getCommandId() id} lets the phone
 * ignore a repeat it has already executed.
 */
@Entity
@Table(name = "phone_command")
@NamedQuery(
        name = PhoneCommand.UNACKNOWLEDGED,
        query = "select c from PhoneCommand c where c.deviceId = :device and c.state = :queued order by c.id")
@NamedQuery(
        name = PhoneCommand.CANCELLED_FOR,
        query = "select c from PhoneCommand c where c.deviceId = :device and c.state = :cancelled"
                + " and c.action = :action and c.reference = :reference and c.acknowledgedAt is null order by c.id")
@NamedQuery(name = PhoneCommand.BY_COMMAND_ID, query = "select c from PhoneCommand c where c.commandId = :commandId")
@NamedQuery(
        name = PhoneCommand.WITH_COMMAND_IDS,
        query = "select c from PhoneCommand c where c.commandId in :commandIds")
public class PhoneCommand {

    static final String UNACKNOWLEDGED = "PhoneCommand.unacknowledged";
    static final String BY_COMMAND_ID = "PhoneCommand.byCommandId";
    static final String CANCELLED_FOR = "PhoneCommand.cancelledFor";
    static final String WITH_COMMAND_IDS = "PhoneCommand.withCommandIds";
    static final int MAX_REASON = 255;

    /** From a sequence, a hundred at a time (changelog 021). */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "phone_command_ids")
    @SequenceGenerator(name = "phone_command_ids", sequenceName = "phone_command_seq", allocationSize = 100)
    private Long id;

    @Column(name = "command_id", nullable = false, unique = true, updatable = false)
    private String commandId;

    @Column(name = "device_id", nullable = false, updatable = false)
    private Long deviceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private CommandAction action;

    /** The command's {@code data}, as JSON. */
    @Column(nullable = false, updatable = false)
    private String payload;

    /** What the feature that sent it calls it, e.g. an SMS message's id; reported back with every outcome. */
    @Column(updatable = false)
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CommandState state = CommandState.QUEUED;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** After this, a command not yet acknowledged is dropped: an "answer" an hour late would do harm. */
    @Column(name = "expires_at", updatable = false)
    private Instant expiresAt;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "failure_reason")
    private String failureReason;

    /** Two nodes' writers of one command (reports, expiry, cancels): the later one's change fails. */
    @Version
    private long version;

    protected PhoneCommand() {}

    PhoneCommand(
            long deviceId,
            CommandAction action,
            String payload,
            String reference,
            String createdBy,
            Instant createdAt,
            Instant expiresAt) {
        this.commandId = UUID.randomUUID().toString();
        this.deviceId = deviceId;
        this.action = Objects.requireNonNull(action);
        this.payload = Objects.requireNonNull(payload);
        this.reference = reference;
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.expiresAt = expiresAt;
    }

    boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /**
     * Records that the phone has it. A cancellation only withdrew the command from the server's side: if the phone
     * acknowledges it after all, it had it, which is what counts.
     *
     * @return false if it was no longer waiting for an acknowledgement
     */
    boolean acknowledge(Instant now) {
        if (state != CommandState.QUEUED && !(state == CommandState.CANCELLED && acknowledgedAt == null)) {
            return false;
        }
        state = CommandState.ACKNOWLEDGED;
        acknowledgedAt = now;
        return true;
    }

    /**
     * Records the outcome the phone reported. An outcome implies the phone received the command, even if its
     * acknowledgement was lost; and what the phone says it did wins over a deadline or a cancellation the server
     * recorded meanwhile, because it is what happened.
     *
     * @return false if the phone's outcome was already recorded
     */
    boolean complete(boolean succeeded, String reason, Instant now) {
        if (state == CommandState.SUCCEEDED || state == CommandState.FAILED || state == CommandState.UNSUPPORTED) {
            return false;
        }
        if (acknowledgedAt == null) {
            acknowledgedAt = now;
        }
        state = succeeded ? CommandState.SUCCEEDED : CommandState.FAILED;
        failureReason = succeeded ? null : truncate(reason);
        completedAt = now;
        return true;
    }

    /**
     * Queues a cancelled command again, unchanged and under the same id, for a feature that hands the same thing to
     * the same phone once more: if the phone had carried it out, its log of executed ids stops a second execution.
     *
     * @return false if it was not a cancelled command the phone never acknowledged
     */
    boolean requeue() {
        if (state != CommandState.CANCELLED || acknowledgedAt != null) {
            return false;
        }
        state = CommandState.QUEUED;
        failureReason = null;
        completedAt = null;
        return true;
    }

    /** Ends a command that never reached the phone, or could not be carried out by it. */
    boolean fail(CommandState finalState, String reason, Instant now) {
        if (state.isFinal()) {
            return false;
        }
        state = finalState;
        failureReason = truncate(reason);
        completedAt = now;
        return true;
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }

    public Long getId() {
        return id;
    }

    public String getCommandId() {
        return commandId;
    }

    public Long getDeviceId() {
        return deviceId;
    }

    public CommandAction getAction() {
        return action;
    }

    String getPayload() {
        return payload;
    }

    public String getReference() {
        return reference;
    }

    public CommandState getState() {
        return state;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public String getFailureReason() {
        return failureReason;
    }
}

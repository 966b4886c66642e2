package org.switchboard.sms;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * An SMS to one recipient, from queued to delivered (or not). Its state changes only through the methods below, which
 * apply {@link MessageState#canMoveTo}; each change it accepts is returned so that the caller records it in the
 * message's timeline.
 */
@Entity
@Table(name = "sms_message")
@NamedQuery(
        name = SmsMessage.DUE_IDS,
        query = "select m.id from SmsMessage m where m.state = :queued and m.sendAfter <= :now and m.id > :after"
                + " and (m.batchId is null or m.batchId not in (select b.id from SmsBatch b where b.status <> :active))"
                + " order by m.id")
@NamedQuery(
        name = SmsMessage.PARTS_DISPATCHED_SINCE,
        query = "select m.deviceId, m.simSlot, sum(m.parts) from SmsMessage m where m.dispatchedAt > :since"
                + " and m.deviceId is not null group by m.deviceId, m.simSlot")
@NamedQuery(name = SmsMessage.WITH_IDS, query = "select m from SmsMessage m where m.id in :ids")
@NamedQuery(name = SmsMessage.OF_BATCH, query = "select m from SmsMessage m where m.batchId = :batch order by m.id")
@NamedQuery(
        name = SmsMessage.STATES_OF_BATCHES,
        query = "select m.batchId, m.state, count(m) from SmsMessage m where m.batchId in :batches"
                + " group by m.batchId, m.state")
public class SmsMessage {

    static final String DUE_IDS = "SmsMessage.dueIds";
    static final String PARTS_DISPATCHED_SINCE = "SmsMessage.partsDispatchedSince";
    static final String OF_BATCH = "SmsMessage.ofBatch";
    static final String WITH_IDS = "SmsMessage.withIds";
    static final String STATES_OF_BATCHES = "SmsMessage.statesOfBatches";
    static final int MAX_REASON = 255;

    /** From a sequence, a hundred at a time (changelog 014): a bulk send is inserted in JDBC batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sms_message_ids")
    @SequenceGenerator(name = "sms_message_ids", sequenceName = "sms_message_seq", allocationSize = 100)
    private Long id;

    /** The send request it came from. */
    @Column(name = "batch_id", updatable = false)
    private Long batchId;

    @Column(nullable = false, updatable = false)
    private String recipient;

    @Column(nullable = false, updatable = false)
    private String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Segments.Encoding encoding;

    @Column(nullable = false, updatable = false)
    private int parts;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MessageState state = MessageState.QUEUED;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** Not before this: the time the sender chose, or the next retry. */
    @Column(name = "send_after", nullable = false)
    private Instant sendAfter;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "preferred_device_id", updatable = false)
    private Long preferredDeviceId;

    @Column(name = "preferred_sim", updatable = false)
    private Integer preferredSim;

    /** The phone it went (or is going) through; null while queued. */
    @Column(name = "device_id")
    private Long deviceId;

    @Column(name = "sim_slot")
    private Integer simSlot;

    /** The gateway command that carries it to the phone, the reference of the phone's reports. */
    @Column(name = "command_id")
    private String commandId;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "dispatched_at")
    private Instant dispatchedAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Two nodes' writers (dispatch, reports, expiry, take-back) of one message: the later one's change fails. */
    @Version
    private long version;

    // Read with one query for all the messages a query returns, not one per message: the dispatcher reads hundreds.
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "sms_part", joinColumns = @JoinColumn(name = "message_id"))
    @OrderBy("number")
    private List<SmsPart> partStates = new ArrayList<>();

    protected SmsMessage() {}

    SmsMessage(
            Long batchId,
            String recipient,
            String text,
            String createdBy,
            Instant createdAt,
            Instant sendAfter,
            Instant expiresAt,
            Long preferredDeviceId,
            Integer preferredSim) {
        Segments.Split split = Segments.split(text);
        this.batchId = batchId;
        this.recipient = Objects.requireNonNull(recipient);
        this.text = Objects.requireNonNull(text);
        this.encoding = split.encoding();
        this.parts = split.count();
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.sendAfter = Objects.requireNonNull(sendAfter);
        this.expiresAt = Objects.requireNonNull(expiresAt);
        this.preferredDeviceId = preferredDeviceId;
        this.preferredSim = preferredSim;
        this.updatedAt = createdAt;
    }

    /** Hands the message to a phone. */
    Optional<MessageState> dispatch(long device, Integer sim, String command, Instant now) {
        Optional<MessageState> moved = move(MessageState.DISPATCHED, now);
        moved.ifPresent(state -> {
            deviceId = device;
            simSlot = sim;
            commandId = command;
            dispatchedAt = now;
            attempts++;
        });
        return moved;
    }

    /**
     * Makes an earlier hand-over the message's own again: its phone reported it after the message had been taken back
     * (its acknowledgement had been lost), and the later hand-over, if any, has been withdrawn.
     */
    Optional<MessageState> resumeHandOver(long device, String command, Instant now) {
        if (state != MessageState.QUEUED && state != MessageState.DISPATCHED) {
            return Optional.empty();
        }
        if (deviceId == null || deviceId != device) {
            simSlot = null;
        }
        deviceId = device;
        commandId = command;
        state = MessageState.DISPATCHED;
        failureReason = null;
        if (dispatchedAt == null) {
            dispatchedAt = now;
        }
        updatedAt = now;
        return Optional.of(MessageState.DISPATCHED);
    }

    Optional<MessageState> acknowledged(Instant now) {
        return move(MessageState.SENT_TO_PHONE, now);
    }

    /** Back in the queue for another phone or a later try, no earlier than {@code notBefore}. */
    Optional<MessageState> requeue(Instant notBefore, String reason, Instant now) {
        Optional<MessageState> moved = move(MessageState.QUEUED, now);
        moved.ifPresent(state -> {
            deviceId = null;
            simSlot = null;
            commandId = null;
            dispatchedAt = null;
            sendAfter = notBefore;
            failureReason = truncate(reason);
            partStates.clear();
        });
        return moved;
    }

    /**
     * Records one part's report and moves the message as its parts allow: sent when every part left the phone,
     * delivered when every part arrived, failed as soon as one part failed.
     */
    Optional<MessageState> partReported(int number, int count, SmsPart.State partState, String reason, Instant now) {
        SmsPart part = partStates.stream()
                .filter(p -> p.getNumber() == number)
                .findFirst()
                .orElseGet(() -> {
                    SmsPart created = new SmsPart(number);
                    partStates.add(created);
                    return created;
                });
        if (!part.report(partState, truncate(reason), now)) {
            return Optional.empty();
        }
        updatedAt = now;
        int expected = Math.max(count, parts);
        if (partState == SmsPart.State.FAILED) {
            return fail(MessageState.FAILED, reason, now);
        }
        long sent = partStates.stream().filter(SmsPart::hasLeft).count();
        long delivered = partStates.stream()
                .filter(p -> p.getState() == SmsPart.State.DELIVERED)
                .count();
        if (delivered == expected) {
            return move(MessageState.DELIVERED, now);
        }
        if (sent == expected) {
            return move(MessageState.SENT, now);
        }
        return Optional.empty();
    }

    /** Whether any part has left the phone: sending it again would send that part twice. */
    boolean anyPartLeft() {
        return partStates.stream().anyMatch(SmsPart::hasLeft);
    }

    Optional<MessageState> fail(MessageState finalState, String reason, Instant now) {
        Optional<MessageState> moved = move(finalState, now);
        moved.ifPresent(state -> failureReason = truncate(reason));
        return moved;
    }

    private Optional<MessageState> move(MessageState next, Instant now) {
        if (!state.canMoveTo(next)) {
            return Optional.empty();
        }
        state = next;
        updatedAt = now;
        if (next == MessageState.SENT && sentAt == null) {
            sentAt = now;
        }
        if (next == MessageState.DELIVERED) {
            deliveredAt = now;
            if (sentAt == null) {
                sentAt = now;
            }
        }
        return Optional.of(next);
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }

    public Long getId() {
        return id;
    }

    /** For {@link SmsOutbox#queue}, which writes new messages without the entity manager. */
    void assignId(long id) {
        this.id = id;
    }

    public Long getBatchId() {
        return batchId;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getText() {
        return text;
    }

    public Segments.Encoding getEncoding() {
        return encoding;
    }

    public int getParts() {
        return parts;
    }

    public MessageState getState() {
        return state;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSendAfter() {
        return sendAfter;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Long getPreferredDeviceId() {
        return preferredDeviceId;
    }

    public Integer getPreferredSim() {
        return preferredSim;
    }

    public Long getDeviceId() {
        return deviceId;
    }

    public Integer getSimSlot() {
        return simSlot;
    }

    public String getCommandId() {
        return commandId;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getDispatchedAt() {
        return dispatchedAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<SmsPart> getPartStates() {
        return List.copyOf(partStates);
    }
}

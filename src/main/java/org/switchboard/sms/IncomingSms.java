package org.switchboard.sms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * An SMS a phone received, or (from an earlier-style phone) one somebody typed on the phone itself: both belong in the
 * conversation with that number.
 */
@Entity
@Table(name = "sms_incoming")
@NamedQuery(
        name = IncomingSms.WITH_NUMBER,
        query = "select i from IncomingSms i where i.number = :number order by i.receivedAt, i.id")
public class IncomingSms {

    static final String WITH_NUMBER = "IncomingSms.withNumber";

    public enum Direction {
        RECEIVED,
        /** Typed on the phone and sent from there, as a seed-style phone reports it. */
        SENT_FROM_PHONE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "device_id", nullable = false, updatable = false)
    private Long deviceId;

    @Column(name = "sim_slot", updatable = false)
    private Integer simSlot;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Direction direction;

    /** E.164 when it could be read as a number, else as reported (a sender name such as "Ooredoo"). */
    @Column(nullable = false, updatable = false)
    private String number;

    @Column(name = "number_as_reported", nullable = false, updatable = false)
    private String numberAsReported;

    @Column(name = "name_on_phone", updatable = false)
    private String nameOnPhone;

    @Column(nullable = false, updatable = false)
    private String text;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected IncomingSms() {}

    IncomingSms(
            long deviceId,
            Integer simSlot,
            Direction direction,
            String number,
            String numberAsReported,
            String nameOnPhone,
            String text,
            Instant receivedAt) {
        this.deviceId = deviceId;
        this.simSlot = simSlot;
        this.direction = Objects.requireNonNull(direction);
        this.number = Objects.requireNonNull(number);
        this.numberAsReported = Objects.requireNonNull(numberAsReported);
        this.nameOnPhone = nameOnPhone;
        this.text = Objects.requireNonNull(text);
        this.receivedAt = Objects.requireNonNull(receivedAt);
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

    public Direction getDirection() {
        return direction;
    }

    public String getNumber() {
        return number;
    }

    public String getNumberAsReported() {
        return numberAsReported;
    }

    public String getNameOnPhone() {
        return nameOnPhone;
    }

    public String getText() {
        return text;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getReadAt() {
        return readAt;
    }
}

package org.switchboard.sms;

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
import java.time.Instant;

/** One step of a message's timeline: the state it took, when, and why if the phone said. */
@Entity
@Table(name = "sms_event")
@NamedQuery(name = SmsEvent.OF_MESSAGE, query = "select e from SmsEvent e where e.messageId = :message order by e.id")
public class SmsEvent {

    static final String OF_MESSAGE = "SmsEvent.ofMessage";

    /** From a sequence (changelog 016): written by many threads at once. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sms_event_ids")
    @SequenceGenerator(name = "sms_event_ids", sequenceName = "sms_event_seq", allocationSize = 100)
    private Long id;

    @Column(name = "message_id", nullable = false, updatable = false)
    private Long messageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private MessageState state;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(updatable = false)
    private String detail;

    protected SmsEvent() {}

    SmsEvent(long messageId, MessageState state, Instant occurredAt, String detail) {
        this.messageId = messageId;
        this.state = state;
        this.occurredAt = occurredAt;
        this.detail = detail == null || detail.length() <= SmsMessage.MAX_REASON
                ? detail
                : detail.substring(0, SmsMessage.MAX_REASON);
    }

    public MessageState getState() {
        return state;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getDetail() {
        return detail;
    }
}

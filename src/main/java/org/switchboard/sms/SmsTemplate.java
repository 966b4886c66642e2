package org.switchboard.sms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A text the school sends again and again: a reminder, a closure notice. */
@Entity
@Table(name = "sms_template")
@NamedQuery(name = SmsTemplate.ALL, query = "select t from SmsTemplate t order by lower(t.name)")
@NamedQuery(name = SmsTemplate.BY_NAME, query = "select t from SmsTemplate t where lower(t.name) = :name")
public class SmsTemplate {

    static final String ALL = "SmsTemplate.all";
    static final String BY_NAME = "SmsTemplate.byName";
    static final int MAX_NAME = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String text;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SmsTemplate() {}

    SmsTemplate(String name, String text, String updatedBy, Instant updatedAt) {
        change(name, text, updatedBy, updatedAt);
    }

    void change(String newName, String newText, String by, Instant at) {
        name = Objects.requireNonNull(newName);
        text = Objects.requireNonNull(newText);
        updatedBy = Objects.requireNonNull(by);
        updatedAt = Objects.requireNonNull(at);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getText() {
        return text;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}

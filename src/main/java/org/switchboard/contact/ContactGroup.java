package org.switchboard.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A set of contacts addressed together: a class such as "3A", "Teachers", "All guardians". Members are read by paged
 * query, never as a collection, because a group can hold the whole school.
 */
@Entity
@Table(name = "contact_group")
@NamedQuery(name = ContactGroup.BY_NAME, query = "select g from ContactGroup g where lower(g.name) = lower(:name)")
@NamedQuery(name = ContactGroup.ALL, query = "select g from ContactGroup g order by g.name")
public class ContactGroup {

    static final String BY_NAME = "ContactGroup.byName";
    static final String ALL = "ContactGroup.all";
    static final int MAX_NAME = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ContactGroup() {}

    ContactGroup(String name, Instant createdAt) {
        this.name = Objects.requireNonNull(name);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    void rename(String newName) {
        this.name = Objects.requireNonNull(newName);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContactGroup group && id != null && id.equals(group.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}

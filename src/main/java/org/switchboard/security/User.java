package org.switchboard.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A person who signs in to Switchboard. The password is kept only as a PBKDF2 hash. */
@Entity
@Table(name = "app_user")
@NamedQuery(name = User.BY_USERNAME, query = "select u from User u where u.username = :username")
@NamedQuery(name = User.ALL, query = "select u from User u order by u.username")
@NamedQuery(name = User.COUNT, query = "select count(u) from User u")
@NamedNativeQuery(
        name = User.COUNT_FAILED_LOGIN,
        query = "update app_user set failed_logins = failed_logins + 1 where username = ?")
@NamedNativeQuery(
        name = User.RECORD_LOGIN,
        query = "update app_user set failed_logins = 0, last_login_at = ? where username = ?")
public class User {

    static final String BY_USERNAME = "User.byUsername";
    static final String ALL = "User.all";
    static final String COUNT = "User.count";
    // Sign-ins change their counts with one UPDATE each, not through the versioned entity, so that tries sent at once
    // each count once instead of failing on each other's version. In SQL: EclipseLink raises the version in a JPQL
    // bulk update, and the sign-in's own write of the user (its language) then failed against tries counted meanwhile.
    static final String COUNT_FAILED_LOGIN = "User.countFailedLogin";
    static final String RECORD_LOGIN = "User.recordLogin";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "can_see_numbers", nullable = false)
    private boolean canSeeNumbers;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword = true;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    /** Raised at each new password, so that the sessions signed in with an earlier one know they have ended. */
    @Column(name = "credential_version", nullable = false)
    private int credentialVersion;

    private String language;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Version
    private long version;

    protected User() {}

    User(
            String username,
            String displayName,
            Role role,
            String passwordHash,
            boolean temporaryPassword,
            Instant createdAt) {
        this.username = Objects.requireNonNull(username);
        this.displayName = Objects.requireNonNull(displayName);
        this.role = Objects.requireNonNull(role);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.mustChangePassword = temporaryPassword;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.canSeeNumbers = role.seesNumbersByDefault();
    }

    void changePassword(String newHash, boolean temporary) {
        this.passwordHash = Objects.requireNonNull(newHash);
        this.mustChangePassword = temporary;
        this.failedLogins = 0;
        this.credentialVersion++;
    }

    void forgetFailedLogins() {
        failedLogins = 0;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    void setDisplayName(String displayName) {
        this.displayName = Objects.requireNonNull(displayName);
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    void setRole(Role role) {
        this.role = Objects.requireNonNull(role);
    }

    public boolean isCanSeeNumbers() {
        return canSeeNumbers;
    }

    void setCanSeeNumbers(boolean canSeeNumbers) {
        this.canSeeNumbers = canSeeNumbers;
    }

    public boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    public int getCredentialVersion() {
        return credentialVersion;
    }

    public String getLanguage() {
        return language;
    }

    void setLanguage(String language) {
        this.language = language;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }
}

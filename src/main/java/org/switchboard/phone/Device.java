package org.switchboard.phone;

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
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A paired Android phone: what it last said about itself, and the hash of the token it connects with. Whether it is
 * connected right now is not stored: {@link PhoneRegistry} knows.
 */
@Entity
@Table(name = "device")
@NamedQuery(name = Device.BY_TOKEN_HASH, query = "select d from Device d where d.tokenHash = :hash")
@NamedQuery(
        name = Device.ALL,
        query = "select distinct d from Device d left join fetch d.sims"
                + " order by d.revokedAt nulls first, d.name, d.id")
@NamedQuery(name = Device.ACTIVE_LAST_SEEN, query = "select d.id, d.lastSeenAt from Device d where d.revokedAt is null")
@NamedQuery(
        name = Device.NAME_TAKEN,
        query = "select count(d) from Device d where d.revokedAt is null and lower(d.name) = :name and d.id <> :id")
public class Device {

    static final String BY_TOKEN_HASH = "Device.byTokenHash";
    static final String ALL = "Device.all";
    static final String ACTIVE_LAST_SEEN = "Device.activeLastSeen";
    static final String NAME_TAKEN = "Device.nameTaken";
    static final int MAX_NAME = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true, updatable = false)
    private String tokenHash;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Enumerated(EnumType.STRING)
    private PhoneProtocol protocol;

    @Column(name = "app_version")
    private String appVersion;

    @Column(name = "android_version")
    private String androidVersion;

    private String model;

    @Column(name = "battery_level")
    private Integer batteryLevel;

    private Boolean charging;

    @Column(name = "signal_level")
    private Integer signalLevel;

    /** What a seed-style phone last said with {@code phone_status}: whether its line is up. */
    @Column(name = "line_up")
    private Boolean lineUp;

    @Column(name = "last_connected_at")
    private Instant lastConnectedAt;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    /** SMS parts this phone may send a minute, per SIM; null for the server's default. */
    @Column(name = "sms_parts_per_minute")
    private Integer smsPartsPerMinute;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "device_sim", joinColumns = @JoinColumn(name = "device_id"))
    @OrderBy("slot")
    private List<Sim> sims = new ArrayList<>();

    protected Device() {}

    Device(String name, String tokenHash, String createdBy, Instant createdAt) {
        this.name = Objects.requireNonNull(name);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    void rename(String newName) {
        name = Objects.requireNonNull(newName);
    }

    void pace(Integer partsPerMinute) {
        smsPartsPerMinute = partsPerMinute;
    }

    public Integer getSmsPartsPerMinute() {
        return smsPartsPerMinute;
    }

    void connected(Instant now) {
        lastConnectedAt = now;
        lastSeenAt = now;
    }

    void speaks(PhoneProtocol spoken) {
        protocol = spoken;
    }

    void seen(Instant now) {
        lastSeenAt = now;
    }

    void describe(DeviceStatus status) {
        if (status.appVersion() != null) {
            appVersion = status.appVersion();
        }
        if (status.androidVersion() != null) {
            androidVersion = status.androidVersion();
        }
        if (status.model() != null) {
            model = status.model();
        }
        if (status.batteryLevel() != null) {
            batteryLevel = status.batteryLevel();
        }
        if (status.charging() != null) {
            charging = status.charging();
        }
        if (status.signalLevel() != null) {
            signalLevel = status.signalLevel();
        }
        if (status.lineUp() != null) {
            lineUp = status.lineUp();
        }
        if (status.sims() != null) {
            sims.clear();
            sims.addAll(status.sims());
        }
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    String getTokenHash() {
        return tokenHash;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public PhoneProtocol getProtocol() {
        return protocol;
    }

    public String getAppVersion() {
        return appVersion;
    }

    public String getAndroidVersion() {
        return androidVersion;
    }

    public String getModel() {
        return model;
    }

    public Integer getBatteryLevel() {
        return batteryLevel;
    }

    public Boolean getCharging() {
        return charging;
    }

    public Integer getSignalLevel() {
        return signalLevel;
    }

    public Boolean getLineUp() {
        return lineUp;
    }

    public Instant getLastConnectedAt() {
        return lastConnectedAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    public List<Sim> getSims() {
        return List.copyOf(sims);
    }
}

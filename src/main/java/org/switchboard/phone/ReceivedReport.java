package org.switchboard.phone;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The id of a report a phone sent, kept so that the same report sent again is acknowledged but not acted on. */
@Entity
@Table(name = "phone_report")
@IdClass(ReceivedReport.Key.class)
@NamedQuery(name = ReceivedReport.DELETE_BEFORE, query = "delete from ReceivedReport r where r.receivedAt < :before")
@NamedQuery(
        name = ReceivedReport.IDS_AMONG,
        query = "select r.frameId from ReceivedReport r where r.deviceId = :device and r.frameId in :frameIds")
class ReceivedReport {

    static final String DELETE_BEFORE = "ReceivedReport.deleteBefore";
    static final String IDS_AMONG = "ReceivedReport.idsAmong";

    @Id
    @Column(name = "device_id")
    private Long deviceId;

    @Id
    @Column(name = "frame_id")
    private String frameId;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected ReceivedReport() {}

    ReceivedReport(long deviceId, String frameId, Instant receivedAt) {
        this.deviceId = deviceId;
        this.frameId = frameId;
        this.receivedAt = receivedAt;
    }

    /** The primary key: a frame id is unique per phone only. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private Long deviceId;
        private String frameId;

        public Key() {}

        Key(long deviceId, String frameId) {
            this.deviceId = deviceId;
            this.frameId = frameId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(deviceId, key.deviceId)
                    && Objects.equals(frameId, key.frameId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(deviceId, frameId);
        }
    }
}

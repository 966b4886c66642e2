package org.switchboard.phone;

/** An admin revoked a phone; fired in the revoking transaction, acted on once it has committed. */
public record PhoneRevoked(long deviceId, String deviceName) {}

package org.switchboard.phone;

/** A paired phone opened its connection (or replaced its previous one). */
public record PhoneConnected(long deviceId, String deviceName) {}

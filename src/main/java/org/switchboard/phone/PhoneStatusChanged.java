package org.switchboard.phone;

/** A phone described itself: version, battery, signal, SIMs, or (seed style) whether its line is up. */
public record PhoneStatusChanged(long deviceId, DeviceStatus status) {}

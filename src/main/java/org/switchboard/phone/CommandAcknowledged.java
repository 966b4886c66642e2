package org.switchboard.phone;

/** A phone confirmed it has a command (or, for a seed-style phone, its socket took it). */
public record CommandAcknowledged(long deviceId, String commandId, CommandAction action, String reference) {}

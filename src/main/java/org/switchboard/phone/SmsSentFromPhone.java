package org.switchboard.phone;

import java.time.Instant;

/** An SMS someone typed on the phone itself, which a seed-style phone reports ({@code "Type": "Sends"}). */
public record SmsSentFromPhone(long deviceId, String to, String contactName, String text, Instant at) {}

package org.switchboard.contact;

import java.util.List;

/** A user created a contact in Switchboard; fired inside the transaction that stores it. */
public record ContactCreated(long contactId, String name, List<String> numbers) {}

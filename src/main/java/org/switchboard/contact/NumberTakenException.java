package org.switchboard.contact;

/** A number given for a contact is already another contact's, and sharing it was not asked for. */
public class NumberTakenException extends RuntimeException {

    private final long holderId;
    private final String holderExternalId;

    NumberTakenException(long holderId, String holderExternalId) {
        super("number already on contact " + holderId);
        this.holderId = holderId;
        this.holderExternalId = holderExternalId;
    }

    public long holderId() {
        return holderId;
    }

    public String holderExternalId() {
        return holderExternalId;
    }
}

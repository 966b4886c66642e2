package org.switchboard.sms;

/** An SMS a phone received is stored, fired in the storing transaction. */
public record IncomingSmsStored(IncomingSms sms) {}

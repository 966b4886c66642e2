package org.switchboard.companion.core.sms;

import java.util.Objects;

/**
 * What an SMS status report says of one part. A network that is still trying sends a report too: that one is neither
 * delivered nor failed, and it must not be told as either, because the server only moves a part's state forward and
 * would then ignore the final report.
 */
public final class DeliveryReport {

    /** The format Android names a 3GPP2 (CDMA) report with; anything else is read as 3GPP (GSM, UMTS, LTE). */
    public static final String FORMAT_3GPP2 = "3gpp2";

    public enum Outcome {
        DELIVERED,
        /** The service centre is still trying: a later report will be final. */
        PENDING,
        FAILED
    }

    private final Outcome outcome;
    private final String failure;

    private DeliveryReport(Outcome outcome, String failure) {
        this.outcome = outcome;
        this.failure = failure;
    }

    /**
     * The report as Android's {@code SmsMessage.getStatus()} gives it for the format of the delivery intent.
     *
     * @param format the intent's {@code format} extra, {@code 3gpp} or {@code 3gpp2}
     */
    public static DeliveryReport of(String format, int status) {
        return FORMAT_3GPP2.equals(format) ? of3gpp2(status) : of3gpp(status);
    }

    /**
     * A 3GPP TS 23.040 TP-Status (9.2.3.15): 0x00-0x1F the transaction completed (received, forwarded unconfirmed,
     * replaced, or reserved and service-centre specific values of that range); 0x20-0x3F temporary error, the service
     * centre is still trying; 0x40-0x5F permanent error; 0x60-0x7F temporary error the service centre has given up on.
     * Values with bit 7 set are reserved: without a defined meaning they cannot count as delivered.
     */
    public static DeliveryReport of3gpp(int tpStatus) {
        if (tpStatus >= 0x00 && tpStatus <= 0x1F) {
            return new DeliveryReport(Outcome.DELIVERED, null);
        }
        if (tpStatus >= 0x20 && tpStatus <= 0x3F) {
            return new DeliveryReport(Outcome.PENDING, null);
        }
        return new DeliveryReport(Outcome.FAILED, "NOT_DELIVERED_" + tpStatus);
    }

    /**
     * A 3GPP2 C.S0015-B message status (4.5.21) as Android reports it: {@code (errorClass << 8 | statusCode) << 16},
     * shifted so as not to collide with TP-Status values. Error class 0 is no error, 2 a temporary condition (the
     * network goes on trying, as Android's own messaging app reads it), 3 a permanent one; 1 is reserved. Without error,
     * status code 3 means the message was cancelled: not delivered.
     */
    public static DeliveryReport of3gpp2(int status) {
        int messageStatus = status >>> 16;
        int errorClass = messageStatus >> 8;
        int statusCode = messageStatus & 0xFF;
        if (errorClass == 0 && statusCode != 3) {
            return new DeliveryReport(Outcome.DELIVERED, null);
        }
        if (errorClass == 2) {
            return new DeliveryReport(Outcome.PENDING, null);
        }
        return new DeliveryReport(Outcome.FAILED, "NOT_DELIVERED_3GPP2_" + errorClass + "_" + statusCode);
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Why the part was not delivered; null unless {@link Outcome#FAILED}. */
    public String failure() {
        return failure;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeliveryReport
                && outcome == ((DeliveryReport) other).outcome
                && Objects.equals(failure, ((DeliveryReport) other).failure);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, failure);
    }

    @Override
    public String toString() {
        return failure == null ? outcome.name() : outcome + " " + failure;
    }
}

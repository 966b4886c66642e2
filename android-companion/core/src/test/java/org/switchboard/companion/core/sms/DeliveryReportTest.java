package org.switchboard.companion.core.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.switchboard.companion.core.sms.DeliveryReport.Outcome;

class DeliveryReportTest {

    @Test
    void aCompletedTransactionIsDelivered() {
        for (int status : new int[] {0x00, 0x01, 0x02, 0x10, 0x1F}) {
            assertEquals(Outcome.DELIVERED, DeliveryReport.of("3gpp", status).outcome(), "TP-Status " + status);
        }
    }

    @Test
    void aServiceCentreStillTryingIsPendingNotDelivered() {
        for (int status : new int[] {0x20, 0x21, 0x25, 0x30, 0x3F}) {
            DeliveryReport report = DeliveryReport.of("3gpp", status);
            assertEquals(Outcome.PENDING, report.outcome(), "TP-Status " + status);
            assertEquals(null, report.failure());
        }
    }

    @Test
    void permanentErrorsAndTemporaryOnesGivenUpOnHaveFailed() {
        assertEquals("NOT_DELIVERED_64", DeliveryReport.of3gpp(0x40).failure());
        assertEquals("NOT_DELIVERED_70", DeliveryReport.of3gpp(0x46).failure(), "validity period expired");
        for (int status : new int[] {0x40, 0x5F, 0x60, 0x62, 0x7F, 0x80, 0xFF}) {
            assertEquals(Outcome.FAILED, DeliveryReport.of3gpp(status).outcome(), "TP-Status " + status);
        }
    }

    @Test
    void a3gpp2ReportIsReadByItsErrorClass() {
        assertEquals(Outcome.DELIVERED, DeliveryReport.of("3gpp2", cdma(0, 2)).outcome(), "delivered");
        assertEquals(Outcome.DELIVERED, DeliveryReport.of("3gpp2", cdma(0, 0)).outcome(), "accepted");
        assertEquals(Outcome.PENDING, DeliveryReport.of("3gpp2", cdma(2, 4)).outcome(), "network congestion");
        assertEquals(
                "FAILED NOT_DELIVERED_3GPP2_3_13",
                DeliveryReport.of("3gpp2", cdma(3, 13)).toString(),
                "expired");
        assertEquals(Outcome.FAILED, DeliveryReport.of("3gpp2", cdma(0, 3)).outcome(), "cancelled");
    }

    @Test
    void aLow3gpp2StatusIsNotReadAsATpStatus() {
        assertEquals(Outcome.PENDING, DeliveryReport.of("3gpp2", cdma(2, 0)).outcome());
        assertEquals(Outcome.FAILED, DeliveryReport.of("3gpp", cdma(2, 0)).outcome());
    }

    /** As Android's SmsMessage.getStatus() gives a 3GPP2 report. */
    private static int cdma(int errorClass, int statusCode) {
        return (errorClass << 8 | statusCode) << 16;
    }
}

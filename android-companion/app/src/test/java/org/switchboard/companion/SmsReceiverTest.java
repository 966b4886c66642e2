package org.switchboard.companion;

import static org.junit.Assert.assertEquals;

import android.content.Intent;
import android.provider.Telephony;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.annotation.Config;

/** Incoming SMS as the radio delivers them: real GSM PDUs, decoded by Android's own SmsMessage. */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = 34)
public class SmsReceiverTest {

    private final RecordingReports reports = new RecordingReports();

    @Test
    public void thePartsOfAConcatenatedSmsAreReportedAsOneMessage() {
        String first = "Sami est malade aujourd hui et ne viendra pas a l ecole. ".repeat(2) + "Merci de prevenir ";
        String second = "son professeur principal. Sa maman";
        Intent intent =
                received(deliverPdu("+21650000004", first, 0x2A, 2, 1), deliverPdu("+21650000004", second, 0x2A, 2, 2));
        intent.putExtra("android.telephony.extra.SLOT_INDEX", 1);

        SmsReceiver.handle(intent, reports);

        assertEquals(
                List.of("received +21650000004 " + first + second + " sim=1 at=2026-11-21T08:45:00Z"), reports.lines);
    }

    @Test
    public void messagesFromTwoSendersInOneBroadcastStayApart() {
        SmsReceiver.handle(
                received(deliverPdu("+21650000005", "Oui", 0, 0, 0), deliverPdu("+21650000006", "Non", 0, 0, 0)),
                reports);

        assertEquals(
                List.of(
                        "received +21650000005 Oui sim=null at=2026-11-21T08:45:00Z",
                        "received +21650000006 Non sim=null at=2026-11-21T08:45:00Z"),
                reports.lines);
    }

    @Test
    public void otherBroadcastsAreIgnored() {
        SmsReceiver.handle(new Intent("android.intent.action.BOOT_COMPLETED"), reports);
        assertEquals(List.of(), reports.lines);
    }

    private static Intent received(byte[]... pdus) {
        return new Intent(Telephony.Sms.Intents.SMS_RECEIVED_ACTION)
                .putExtra("pdus", (Object[]) pdus)
                .putExtra("format", "3gpp");
    }

    /**
     * An SMS-DELIVER PDU (3GPP TS 23.040) in the GSM 7-bit alphabet, sent 2026-11-21 08:45:00 UTC; with
     * {@code parts > 0} it carries a concatenation header (reference, parts, sequence).
     */
    static byte[] deliverPdu(String from, String text, int reference, int parts, int sequence) {
        ByteArrayOutputStream pdu = new ByteArrayOutputStream();
        boolean concatenated = parts > 0;
        pdu.write(0x00); // no SMSC address
        pdu.write(concatenated ? 0x44 : 0x04); // SMS-DELIVER, no more messages, user data header if concatenated
        String digits = from.replace("+", "");
        pdu.write(digits.length());
        pdu.write(from.startsWith("+") ? 0x91 : 0x81);
        String padded = digits.length() % 2 == 0 ? digits : digits + "F";
        for (int i = 0; i < padded.length(); i += 2) {
            pdu.write(Integer.parseInt("" + padded.charAt(i + 1) + padded.charAt(i), 16));
        }
        pdu.write(0x00); // protocol identifier
        pdu.write(0x00); // GSM 7-bit
        for (int octet : new int[] {0x62, 0x11, 0x12, 0x80, 0x54, 0x00, 0x00}) { // 26-11-21 08:45:00 +0
            pdu.write(octet);
        }
        int headerSeptets = concatenated ? 7 : 0; // 6 header octets plus one fill bit
        int[] septets = new int[headerSeptets + text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && " .,".indexOf(c) < 0) {
                throw new IllegalArgumentException("keep test texts to ASCII letters, digits, space and . ,");
            }
            septets[headerSeptets + i] = c;
        }
        byte[] packed = new byte[(septets.length * 7 + 7) / 8];
        for (int i = 0; i < septets.length; i++) {
            for (int bit = 0; bit < 7; bit++) {
                if ((septets[i] >> bit & 1) != 0) {
                    int position = i * 7 + bit;
                    packed[position / 8] |= (byte) (1 << (position % 8));
                }
            }
        }
        if (concatenated) {
            byte[] header = {0x05, 0x00, 0x03, (byte) reference, (byte) parts, (byte) sequence};
            System.arraycopy(header, 0, packed, 0, header.length);
        }
        pdu.write(septets.length);
        pdu.write(packed, 0, packed.length);
        return pdu.toByteArray();
    }
}

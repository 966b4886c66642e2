package org.switchboard.sms;

import java.util.ArrayList;
import java.util.List;

/**
 * How a phone will split a text into SMS parts (3GPP TS 23.038 and 23.040, as Android's {@code SmsMessage} does it):
 * GSM-7 when every character is in the default alphabet or its extension table, 160 septets in one part or 153 in each
 * of several (the user data header takes the rest), an extension character ({@code € [ ] { } ~ ^ \ |} and form feed)
 * costing two septets that never straddle two parts; otherwise UCS-2, 70 UTF-16 units in one part or 67 in each of
 * several, a surrogate pair (an emoji) never cut in two.
 */
public final class Segments {

    public enum Encoding {
        GSM_7,
        UCS_2
    }

    static final int GSM_SINGLE = 160;
    static final int GSM_MULTI = 153;
    static final int UCS_SINGLE = 70;
    static final int UCS_MULTI = 67;

    /** The GSM 03.38 default alphabet, in code order. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** The extension table: each of these is sent as an escape and the character, two septets. */
    private static final String EXTENSION = "\f^{}\\[~]|€";

    /**
     * A text as the phone will send it.
     *
     * @param length characters as they count: septets for GSM-7, UTF-16 units for UCS-2
     * @param parts the text of each part, in order; one empty part for an empty text
     */
    public record Split(Encoding encoding, int length, List<String> parts) {

        public int count() {
            return parts.size();
        }

        /** How many more characters fit before another part is needed. */
        public int remainingInLastPart() {
            int perPart = count() == 1 ? single(encoding) : multi(encoding);
            String last = parts.get(parts.size() - 1);
            return perPart - (encoding == Encoding.GSM_7 ? septets(last) : last.length());
        }
    }

    private Segments() {}

    public static Split split(String text) {
        String content = text == null ? "" : text;
        Encoding encoding = isGsm(content) ? Encoding.GSM_7 : Encoding.UCS_2;
        int length = encoding == Encoding.GSM_7 ? septets(content) : content.length();
        if (length <= single(encoding)) {
            return new Split(encoding, length, List.of(content));
        }
        int perPart = multi(encoding);
        List<String> parts = new ArrayList<>();
        int start = 0;
        int used = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            int cost = encoding == Encoding.GSM_7 ? cost(c) : unitsAt(content, i);
            if (used + cost > perPart) {
                parts.add(content.substring(start, i));
                start = i;
                used = 0;
            }
            used += cost;
            if (encoding == Encoding.UCS_2 && cost == 2) {
                i++;
            }
        }
        parts.add(content.substring(start));
        return new Split(encoding, length, List.copyOf(parts));
    }

    public static boolean isGsm(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int septets(String gsmText) {
        int septets = 0;
        for (int i = 0; i < gsmText.length(); i++) {
            septets += cost(gsmText.charAt(i));
        }
        return septets;
    }

    private static int cost(char c) {
        return EXTENSION.indexOf(c) >= 0 ? 2 : 1;
    }

    /** 2 for a surrogate pair starting here, which must stay in one part; else 1. */
    private static int unitsAt(String text, int index) {
        return Character.isHighSurrogate(text.charAt(index))
                        && index + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(index + 1))
                ? 2
                : 1;
    }

    private static int single(Encoding encoding) {
        return encoding == Encoding.GSM_7 ? GSM_SINGLE : UCS_SINGLE;
    }

    private static int multi(Encoding encoding) {
        return encoding == Encoding.GSM_7 ? GSM_MULTI : UCS_MULTI;
    }
}

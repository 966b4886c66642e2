package org.switchboard.companion.core.calls;

/**
 * Whether two writings of a phone number name the same line. The server sends a number as it validated it
 * ({@code +21620123456}); Telecom hands the call back as the dialer, the carrier or the network wrote it: national or
 * international, with {@code 00} or {@code +}, with separators, as a {@code tel:} URI with escapes, with post-dial
 * digits.
 */
public final class PhoneNumbers {

    /**
     * The fewest digits a shorter writing must have to match the tail of a longer one, as Android's own loose
     * comparison has it: below that, a short code could match the end of an unrelated number.
     */
    static final int MIN_MATCHING_DIGITS = 7;

    private PhoneNumbers() {}

    /**
     * True when both name the same line: the same service code ({@code *} or {@code #}, compared whole), or the same
     * significant digits, one writing being the tail of the other (the other adds a country code) with at least
     * {@value #MIN_MATCHING_DIGITS} digits.
     */
    public static boolean sameLine(String one, String other) {
        String a = significant(one);
        String b = significant(other);
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        if (isServiceCode(a) || isServiceCode(b)) {
            return false;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        return shorter.length() >= MIN_MATCHING_DIGITS && longer.endsWith(shorter);
    }

    /**
     * The part of a number that names the line: without the {@code tel:} scheme, escapes, separators and post-dial
     * digits; for a number that is not a service code, also without {@code +} and the leading zeros of the {@code 00}
     * international and {@code 0} national prefixes, so that only the significant digits remain.
     *
     * @return empty when nothing is left
     */
    static String significant(String number) {
        if (number == null) {
            return "";
        }
        String text = number.trim();
        if (text.regionMatches(true, 0, "tel:", 0, 4)) {
            text = text.substring(4);
        }
        text = unescaped(text);
        StringBuilder kept = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == ',' || c == ';') {
                // pauses and waits before post-dial digits, or a tel URI's parameters: not part of the line
                break;
            }
            if ((c >= '0' && c <= '9') || c == '*' || c == '#' || c == '+') {
                kept.append(c);
            }
        }
        String line = kept.toString();
        if (isServiceCode(line)) {
            return line;
        }
        int start = 0;
        while (start < line.length() && (line.charAt(start) == '+' || line.charAt(start) == '0')) {
            start++;
        }
        return line.substring(start).replace("+", "");
    }

    private static boolean isServiceCode(String line) {
        return line.indexOf('*') >= 0 || line.indexOf('#') >= 0;
    }

    /** A tel URI's %XX escapes ({@code %2B} for +, {@code %23} for #), which Telecom may leave in. */
    private static String unescaped(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                int high = hex(text.charAt(i + 1));
                int low = hex(text.charAt(i + 2));
                if (high >= 0 && low >= 0) {
                    out.append((char) (high * 16 + low));
                    i += 2;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}

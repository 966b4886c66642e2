package org.switchboard.companion.core.sms;

import java.util.Arrays;

/**
 * One SMS on its way, part by part, as the radio reports it through one sent and one delivered notice per part. A part
 * only moves forward: pending, then sent, then delivered or failed. The whole message has failed as soon as one part
 * has, is delivered once every part is, and is sent once every part is at least sent; a part still pending keeps the
 * message pending.
 */
public final class SmsParts {

    public enum State {
        PENDING('-'),
        SENT('S'),
        DELIVERED('D'),
        FAILED('F');

        private final char code;

        State(char code) {
            this.code = code;
        }

        boolean isFinal() {
            return this == DELIVERED || this == FAILED;
        }

        static State of(char code) {
            for (State state : values()) {
                if (state.code == code) {
                    return state;
                }
            }
            return null;
        }
    }

    private final long startedAtMillis;
    private final State[] parts;
    private boolean resultTold;

    public SmsParts(int parts, long startedAtMillis) {
        if (parts < 1) {
            throw new IllegalArgumentException("an SMS has at least one part, not " + parts);
        }
        this.startedAtMillis = startedAtMillis;
        this.parts = new State[parts];
        Arrays.fill(this.parts, State.PENDING);
    }

    public int parts() {
        return parts.length;
    }

    public long startedAtMillis() {
        return startedAtMillis;
    }

    /** @param part numbered from 1 */
    public State part(int part) {
        return parts[part - 1];
    }

    /**
     * Moves a part to a later state.
     *
     * @param part numbered from 1
     * @return false, changing nothing, when the part is unknown or already there or further: nothing new to tell
     */
    public boolean advance(int part, State state) {
        if (part < 1 || part > parts.length || state == State.PENDING) {
            return false;
        }
        State current = parts[part - 1];
        if (current.isFinal() || current == state) {
            return false;
        }
        parts[part - 1] = state;
        return true;
    }

    public State state() {
        boolean allDelivered = true;
        boolean allSent = true;
        for (State part : parts) {
            if (part == State.FAILED) {
                return State.FAILED;
            }
            allDelivered &= part == State.DELIVERED;
            allSent &= part != State.PENDING;
        }
        return allDelivered ? State.DELIVERED : allSent ? State.SENT : State.PENDING;
    }

    /** Every part is delivered or failed: no report about this message can change anything any more. */
    public boolean isSettled() {
        for (State part : parts) {
            if (!part.isFinal()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the command's result has been told: once, when the message first stops being pending. */
    public boolean resultTold() {
        return resultTold;
    }

    public void markResultTold() {
        resultTold = true;
    }

    /** A line to keep across process deaths, read back by {@link #decode}. */
    public String encode() {
        StringBuilder line = new StringBuilder()
                .append(startedAtMillis)
                .append(' ')
                .append(resultTold ? '1' : '0')
                .append(' ');
        for (State part : parts) {
            line.append(part.code);
        }
        return line.toString();
    }

    /** @return null for a line that is not one of {@link #encode}'s, such as an older version's */
    public static SmsParts decode(String line) {
        if (line == null) {
            return null;
        }
        String[] fields = line.split(" ");
        if (fields.length != 3 || fields[2].isEmpty() || !(fields[1].equals("0") || fields[1].equals("1"))) {
            return null;
        }
        long startedAtMillis;
        try {
            startedAtMillis = Long.parseLong(fields[0]);
        } catch (NumberFormatException e) {
            return null;
        }
        SmsParts message = new SmsParts(fields[2].length(), startedAtMillis);
        for (int i = 0; i < fields[2].length(); i++) {
            State state = State.of(fields[2].charAt(i));
            if (state == null) {
                return null;
            }
            message.parts[i] = state;
        }
        message.resultTold = fields[1].equals("1");
        return message;
    }
}

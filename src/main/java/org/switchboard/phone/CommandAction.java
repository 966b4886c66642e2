package org.switchboard.phone;

/** What the server can ask a phone to do, with the {@code action} of each in version 1 and in the seed protocol. */
public enum CommandAction {
    SEND_SMS("send_sms", "Send"),
    CALL("call", "Call"),
    ANSWER("answer", "Answer"),
    REJECT("reject", "Reject"),
    HANG_UP("hang_up", null),
    DTMF("dtmf", null),
    MUTE("mute", null);

    private final String v1Action;
    private final String seedAction;

    CommandAction(String v1Action, String seedAction) {
        this.v1Action = v1Action;
        this.seedAction = seedAction;
    }

    String v1Action() {
        return v1Action;
    }

    /** The seed's action name, or null when a seed-style phone cannot do it. */
    String seedAction() {
        return seedAction;
    }
}

package org.switchboard.platform;

import java.util.Arrays;

/**
 * Input a user or a client got wrong. It carries a message-bundle key so that pages can show it in the user's
 * language, and the name of the offending field so that the REST API can report it.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public InvalidInputException(String field, String messageKey, Object... arguments) {
        super(messageKey + " " + field + " " + Arrays.toString(arguments));
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}

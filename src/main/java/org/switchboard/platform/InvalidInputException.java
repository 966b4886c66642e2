package org.switchboard.platform;

import java.util.Arrays;
import org.switchboard.i18n.Translatable;

/**
 * Input a user or a client got wrong. It carries a message-bundle key so that pages can show it in the user's
 * language, and the name of the offending field so that the REST API can report it.
 */
public class InvalidInputException extends RuntimeException implements Translatable {

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

    @Override
    public String messageKey() {
        return messageKey;
    }

    @Override
    public Object[] arguments() {
        return arguments.clone();
    }
}

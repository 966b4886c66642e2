package org.switchboard.i18n;

/**
 * Something that says what went wrong as a message-bundle key and its arguments, so that a page can show it in the
 * user's language ({@link Messages#error(Translatable)}) without this package knowing where it came from.
 */
public interface Translatable {

    String messageKey();

    Object[] arguments();
}

package org.switchboard.i18n;

/**
 * A signed-in user chose a language, or signed in without one saved and keeps the login page's: fired so that it is
 * remembered for them, by the package that keeps the users.
 *
 * @param tag the language's tag, as {@link Language#getTag()}
 */
public record LanguageChosen(String username, String tag) {}

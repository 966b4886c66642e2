package org.switchboard.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a text may hold, such as {@code {firstName}}, each replaced by the recipient's own value when the
 * message is queued. A word in braces that is not one of {@link #NAMES} is refused rather than sent as typed, since it
 * is almost always a misspelt placeholder.
 */
final class Placeholders {

    /**
     * The child's names: a guardian texted through a group of students gets one SMS per child when the text uses
     * them, otherwise one for all its children.
     */
    static final List<String> CHILD_NAMES = List.of("childFirstName", "childName");

    static final List<String> NAMES =
            List.of("firstName", "lastName", "name", "class", "amountDue", "childFirstName", "childName");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private Placeholders() {}

    /** The placeholders as they are written in a text: {@code {firstName}} … */
    static List<String> written() {
        return NAMES.stream().map(name -> "{" + name + "}").toList();
    }

    static boolean any(String text) {
        return text != null && PLACEHOLDER.matcher(text).find();
    }

    /** Whether the text names the child, so that a guardian of two children needs one text for each. */
    static boolean namesTheChild(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text == null ? "" : text);
        while (matcher.find()) {
            if (CHILD_NAMES.contains(matcher.group(1))) {
                return true;
            }
        }
        return false;
    }

    /** The words in braces that are not placeholders, in the order they appear. */
    static List<String> unknown(String text) {
        List<String> unknown = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text == null ? "" : text);
        while (matcher.find()) {
            if (!NAMES.contains(matcher.group(1)) && !unknown.contains(matcher.group(0))) {
                unknown.add(matcher.group(0));
            }
        }
        return unknown;
    }

    /** The text with each placeholder replaced by its value; one without a value (an unknown number) by nothing. */
    static String fill(String text, Map<String, String> values) {
        return PLACEHOLDER
                .matcher(text)
                .replaceAll(match -> NAMES.contains(match.group(1))
                        ? Matcher.quoteReplacement(values.getOrDefault(match.group(1), ""))
                        : Matcher.quoteReplacement(match.group(0)));
    }
}

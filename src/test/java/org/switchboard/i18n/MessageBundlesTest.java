package org.switchboard.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text in every language, and every key the pages and the code ask for. */
class MessageBundlesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/org/switchboard/i18n");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    private static final Pattern KEY_IN_PAGE = Pattern.compile("(?:msg\\['|messages\\.text\\(')([a-zA-Z0-9.\\-]+)'");
    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "\"((?:error|login|users|apiKeys|account|contacts|groups|phones|sms|calls)\\.[a-zA-Z0-9.\\-]+)\"");

    @ParameterizedTest
    @ValueSource(strings = {"fr", "ar"})
    void everyLanguageHasExactlyTheEnglishKeys(String language) throws IOException {
        Properties english = load("messages.properties");
        Properties translated = load("messages_" + language + ".properties");

        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(translated.stringPropertyNames()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "ar"})
    void translationsKeepThePlaceholders(String language) throws IOException {
        Properties english = load("messages.properties");
        Properties translated = load("messages_" + language + ".properties");

        for (String key : english.stringPropertyNames()) {
            assertEquals(
                    placeholders(english.getProperty(key)),
                    placeholders(translated.getProperty(key, "")),
                    language + " " + key);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_fr.properties", "messages_ar.properties"})
    void quotesFollowTheRuleOfTheHeader(String file) throws IOException {
        Properties bundle = load(file);
        for (String key : bundle.stringPropertyNames()) {
            String text = bundle.getProperty(key);
            if (placeholders(text).isEmpty()) {
                assertFalse(text.contains("''"), file + " " + key + " is shown as written: use a single quote");
            } else {
                // A plural reads a number; any placeholder formats one.
                Object[] arguments = {2, 2, 2, 2, 2, 2};
                String formatted = new MessageFormat(text, Locale.ROOT).format(arguments);
                assertEquals(
                        text.replace("''", "'").chars().filter(c -> c == '\'').count(),
                        formatted.chars().filter(c -> c == '\'').count(),
                        file + " " + key + " is a MessageFormat pattern: write a quote as ''");
            }
        }
    }

    /** Faces' own messages would otherwise reach every user in English, e.g. "Validation Error: Value is not valid". */
    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_fr.properties", "messages_ar.properties"})
    void facesValidationMessagesAreTranslated(String file) throws IOException {
        Properties bundle = load(file);
        for (String key : List.of(
                "jakarta.faces.component.UIInput.REQUIRED",
                "jakarta.faces.component.UISelectOne.INVALID",
                "jakarta.faces.component.UISelectMany.INVALID",
                "jakarta.faces.converter.IntegerConverter.INTEGER",
                "jakarta.faces.converter.LongConverter.LONG",
                "jakarta.faces.converter.BigDecimalConverter.DECIMAL",
                "jakarta.faces.converter.NumberConverter.NUMBER",
                "jakarta.faces.converter.DateTimeConverter.DATE",
                "jakarta.faces.validator.LengthValidator.MAXIMUM")) {
            assertTrue(bundle.containsKey(key) && bundle.containsKey(key + "_detail"), file + " " + key);
            assertFalse(bundle.getProperty(key).contains("Validation Error"), file + " " + key);
        }
    }

    /** java.text's choice knows no plural rules; a language's counts are ICU plurals, in that language's forms. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "ar"})
    void everyTextIsAnIcuPatternAndCountsArePlurals(String language) throws IOException {
        Properties bundle =
                load(language.equals("en") ? "messages.properties" : "messages_" + language + ".properties");
        Set<String> forms =
                PluralRules.forLocale(Locale.forLanguageTag(language)).getKeywords();
        for (String key : bundle.stringPropertyNames()) {
            String text = bundle.getProperty(key);
            if (placeholders(text).isEmpty()) {
                continue;
            }
            MessagePattern pattern = new MessagePattern(text);
            Deque<MessagePattern.ArgType> arguments = new ArrayDeque<>();
            for (int i = 0; i < pattern.countParts(); i++) {
                MessagePattern.Part part = pattern.getPart(i);
                switch (part.getType()) {
                    case ARG_START -> arguments.push(part.getArgType());
                    case ARG_LIMIT -> arguments.pop();
                    case ARG_SELECTOR -> {
                        String form = pattern.getSubstring(part);
                        assertTrue(
                                arguments.peek() != MessagePattern.ArgType.PLURAL
                                        || form.startsWith("=")
                                        || forms.contains(form),
                                language + " " + key + ": " + form + " is not one of " + forms);
                    }
                    default -> {}
                }
                assertNotEquals(
                        MessagePattern.ArgType.CHOICE, part.getArgType(), language + " " + key + ": write a plural");
            }
        }
    }

    /** h:outputFormat formats with java.text, which throws on a plural: a count goes through #{messages.text(...)}. */
    @Test
    void pagesFormatNoPluralWithOutputFormat() throws IOException {
        Pattern outputFormat = Pattern.compile("<h:outputFormat[^>]*value=\"#\\{msg\\['([a-zA-Z0-9.\\-]+)'\\]}\"");
        Set<String> plurals = new TreeSet<>();
        for (String file : List.of("messages.properties", "messages_fr.properties", "messages_ar.properties")) {
            Properties bundle = load(file);
            bundle.stringPropertyNames().stream()
                    .filter(key -> bundle.getProperty(key).contains("plural"))
                    .forEach(plurals::add);
        }
        Set<String> formatted = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/webapp"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
                Matcher matcher = outputFormat.matcher(Files.readString(file));
                while (matcher.find()) {
                    formatted.add(matcher.group(1));
                }
            }
        }
        formatted.retainAll(plurals);

        assertTrue(formatted.isEmpty(), "plurals shown with h:outputFormat: " + formatted);
    }

    @Test
    void theArabicBundleIsArabic() throws IOException {
        Properties arabic = load("messages_ar.properties");

        assertTrue(arabic.getProperty("login.title")
                .codePoints()
                .allMatch(c ->
                        Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC || Character.isWhitespace(c)));
    }

    @Test
    void everyKeyThePagesUseExists() throws IOException {
        Set<String> missing = missingKeys(Path.of("src/main/webapp"), ".xhtml", KEY_IN_PAGE);

        assertTrue(missing.isEmpty(), "keys used in pages but not in messages.properties: " + missing);
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Set<String> missing = missingKeys(Path.of("src/main/java"), ".java", KEY_IN_CODE);

        assertTrue(missing.isEmpty(), "keys used in code but not in messages.properties: " + missing);
    }

    private static Set<String> missingKeys(Path root, String suffix, Pattern pattern) throws IOException {
        Properties english = load("messages.properties");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    String key = matcher.group(1);
                    // A key ending in a dot is completed at run time, e.g. 'role.'.concat(user.role).
                    boolean prefix = key.endsWith(".");
                    boolean known = prefix
                            ? english.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))
                            : english.containsKey(key);
                    if (!known) {
                        missing.add(key + " (" + root.relativize(file) + ")");
                    }
                }
            }
        }
        return missing;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}

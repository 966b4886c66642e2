package org.switchboard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every action the features write to the audit trail has a label in every language, so no code shows raw. */
class AuditActionLabelsTest {

    /** The enums of audit codes, one a feature. */
    private static final List<String> ACTION_ENUMS = List.of(
            "org.switchboard.call.CallAction",
            "org.switchboard.phone.PhoneAction",
            "org.switchboard.security.SecurityAction",
            "org.switchboard.sms.SmsAction",
            "org.switchboard.webhook.WebhookAction");

    /** Classes that name their audit codes as string constants, each constant's value its own name. */
    private static final List<String> ACTION_CONSTANTS =
            List.of("org.switchboard.contact.ContactService", "org.switchboard.contact.ContactsView");

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_fr.properties", "messages_ar.properties"})
    void everyAuditActionHasALabel(String file) throws Exception {
        Properties bundle = new Properties();
        try (Reader reader = Files.newBufferedReader(
                Path.of("src/main/resources/org/switchboard/i18n", file), StandardCharsets.UTF_8)) {
            bundle.load(reader);
        }

        List<String> unlabelled = actions()
                .filter(action -> !bundle.containsKey(AuditLogView.LABEL_PREFIX + action))
                .toList();

        assertEquals(List.of(), unlabelled, file);
    }

    private static Stream<String> actions() throws ReflectiveOperationException, IOException {
        List<String> actions = new ArrayList<>();
        for (String name : ACTION_ENUMS) {
            Arrays.stream(Class.forName(name).getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name())
                    .forEach(actions::add);
        }
        for (String name : ACTION_CONSTANTS) {
            for (Field field : Class.forName(name).getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    field.setAccessible(true);
                    if (field.getName().equals(field.get(null))) {
                        actions.add(field.getName());
                    }
                }
            }
        }
        return actions.stream();
    }
}

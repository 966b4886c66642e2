package org.switchboard.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;

@ContainerTest
class SmsTemplatesTest {

    private static final String ACTOR = "templates-test";

    @Deployment
    static WebArchive deployment() {
        return Deployments.switchboard().addClasses(SmsTemplatesTest.class, Fixtures.class);
    }

    @Inject
    private SmsTemplates templates;

    @Test
    void aTemplateIsSavedChangedAndDeleted() {
        String name = Fixtures.uniqueName("Fermeture");
        SmsTemplate created = templates.save(ACTOR, null, "  " + name + " ", "L'école sera fermée demain.");

        SmsTemplate changed = templates.save(ACTOR, created.getId(), name, "L'école sera fermée lundi.");
        templates.delete(ACTOR, created.getId());

        assertEquals(name, changed.getName());
        assertEquals("L'école sera fermée lundi.", changed.getText());
        assertTrue(templates.find(created.getId()).isEmpty());
    }

    @Test
    void namesAreUniqueWhateverTheirCase() {
        String name = Fixtures.uniqueName("Rappel");
        templates.save(ACTOR, null, name, "Rappel");

        InvalidInputException taken =
                assertThrows(InvalidInputException.class, () -> templates.save(ACTOR, null, name.toUpperCase(), "x"));

        assertEquals("error.sms.templateNameTaken", taken.messageKey());
    }

    @Test
    void aTemplateObeysTheSmsRules() {
        assertEquals(
                "error.sms.emptyText",
                assertThrows(InvalidInputException.class, () -> templates.save(ACTOR, null, "Vide", " "))
                        .messageKey());
        assertEquals(
                "error.sms.tooLong",
                assertThrows(InvalidInputException.class, () -> templates.save(ACTOR, null, "Long", "x".repeat(2000)))
                        .messageKey());
        assertEquals(
                "error.sms.templateName",
                assertThrows(InvalidInputException.class, () -> templates.save(ACTOR, null, "", "Bonjour"))
                        .messageKey());
    }
}

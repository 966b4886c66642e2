package org.switchboard.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void eachPlaceholderTakesItsValueAndOneWithoutAValueTakesNothing() {
        assertEquals(
                "Bonjour Samia Ben Salah (3B), reste 12.00 TND.",
                Placeholders.fill(
                        "Bonjour {firstName} {lastName} ({class}), reste {amountDue}.",
                        Map.of(
                                "firstName",
                                "Samia",
                                "lastName",
                                "Ben Salah",
                                "class",
                                "3B",
                                "amountDue",
                                "12.00 TND")));
        assertEquals("Bonjour .", Placeholders.fill("Bonjour {firstName}.", Map.of()));
    }

    @Test
    void valuesAreInsertedAsWrittenEvenWithCharactersSpecialToReplacement() {
        assertEquals("Reste $1 \\ 2", Placeholders.fill("Reste {amountDue}", Map.of("amountDue", "$1 \\ 2")));
    }

    @Test
    void aTextWithoutPlaceholdersIsUntouched() {
        String text = "Cantine fermée lundi { } {1} {{";
        assertFalse(Placeholders.any(text));
        assertEquals(text, Placeholders.fill(text, Map.of("firstName", "x")));
        assertEquals(List.of(), Placeholders.unknown(text));
    }

    @Test
    void wordsInBracesThatAreNoPlaceholderAreNamedOnceAndLeftAsTheyAre() {
        String text = "Bonjour {prenom} {firstName} {prenom} {Class}";
        assertTrue(Placeholders.any(text));
        assertEquals(List.of("{prenom}", "{Class}"), Placeholders.unknown(text));
        assertEquals("Bonjour {prenom} Ali {prenom} {Class}", Placeholders.fill(text, Map.of("firstName", "Ali")));
    }

    @Test
    void onlyTheChildsPlaceholdersAskForOneTextPerChild() {
        assertTrue(Placeholders.namesTheChild("Bulletin de {childFirstName}"));
        assertTrue(Placeholders.namesTheChild("Bulletin de {childName} ({class})"));
        assertFalse(Placeholders.namesTheChild("Réunion des parents de {class}, {name}"));
        assertFalse(Placeholders.namesTheChild(null));
        assertEquals(List.of(), Placeholders.unknown("{childFirstName} {childName}"));
    }
}

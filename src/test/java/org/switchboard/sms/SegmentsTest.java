package org.switchboard.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The part counter against the cases phones get wrong most often. */
class SegmentsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("empty", "", Segments.Encoding.GSM_7, 0, 1),
                Arguments.of("plain GSM-7", "Rappel : réunion des parents jeudi à 18h", Segments.Encoding.GSM_7, 40, 1),
                Arguments.of("160 characters, one part", "a".repeat(160), Segments.Encoding.GSM_7, 160, 1),
                Arguments.of("161 characters, two parts of 153", "a".repeat(161), Segments.Encoding.GSM_7, 161, 2),
                Arguments.of("306 characters, two full parts", "a".repeat(306), Segments.Encoding.GSM_7, 306, 2),
                Arguments.of("307 characters, three parts", "a".repeat(307), Segments.Encoding.GSM_7, 307, 3),
                Arguments.of("extension characters count twice", "€".repeat(80), Segments.Encoding.GSM_7, 160, 1),
                Arguments.of("one more euro needs two parts", "€".repeat(81), Segments.Encoding.GSM_7, 162, 2),
                Arguments.of("all the extension characters", "[]{}~^\\|€", Segments.Encoding.GSM_7, 18, 1),
                Arguments.of("French accents in GSM-7", "Élève Ça à é è ù ì ò", Segments.Encoding.GSM_7, 20, 1),
                Arguments.of(
                        "ê and ç are not in GSM-7", "Fête de fin d'année, ça commence", Segments.Encoding.UCS_2, 32, 1),
                Arguments.of("Arabic", "مرحبا، الاجتماع غدا", Segments.Encoding.UCS_2, 19, 1),
                Arguments.of("70 Arabic letters, one part", "ب".repeat(70), Segments.Encoding.UCS_2, 70, 1),
                Arguments.of("71 Arabic letters, two parts of 67", "ب".repeat(71), Segments.Encoding.UCS_2, 71, 2),
                Arguments.of("an emoji is two UTF-16 units", "Bravo 👏", Segments.Encoding.UCS_2, 8, 1),
                Arguments.of("35 emoji fill one part", "😀".repeat(35), Segments.Encoding.UCS_2, 70, 1),
                Arguments.of("36 emoji need two", "😀".repeat(36), Segments.Encoding.UCS_2, 72, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void countsAsThePhoneWillSplit(String name, String text, Segments.Encoding encoding, int length, int parts) {
        Segments.Split split = Segments.split(text);

        assertEquals(encoding, split.encoding(), name);
        assertEquals(length, split.length(), name);
        assertEquals(parts, split.count(), name);
        assertEquals(text, String.join("", split.parts()), "the parts make the text again");
    }

    @Test
    void anExtensionCharacterIsNeverCutFromItsEscape() {
        String text = "a".repeat(152) + "€" + "b".repeat(10);

        Segments.Split split = Segments.split(text);

        assertEquals(List.of("a".repeat(152), "€" + "b".repeat(10)), split.parts());
    }

    @Test
    void anEmojiIsNeverCutInTwo() {
        String text = "a".repeat(66) + "😀" + "b".repeat(10);

        Segments.Split split = Segments.split(text);

        assertEquals(List.of("a".repeat(66), "😀" + "b".repeat(10)), split.parts());
    }

    @Test
    void onePartTellsHowMuchRoomIsLeft() {
        assertEquals(150, Segments.split("a".repeat(10)).remainingInLastPart());
        assertEquals(145, Segments.split("a".repeat(161)).remainingInLastPart());
        assertEquals(67 - 4, Segments.split("ب".repeat(71)).remainingInLastPart());
    }
}

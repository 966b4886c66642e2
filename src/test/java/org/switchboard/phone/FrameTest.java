package org.switchboard.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameTest {

    @Test
    void aSeedFrameHasNoId() {
        Frame frame =
                Frame.parse("{\"action\": \"CALL_INCOMING\", \"data\": {\"number\": \"56646971\", \"name\": \"\"}}");

        assertEquals("CALL_INCOMING", frame.action());
        assertEquals(null, frame.id());
        assertEquals("56646971", frame.string("number"));
    }

    @Test
    void missingDataReadsAsAnEmptyObject() {
        Frame frame = Frame.parse("{\"action\": \"ping\", \"id\": \"p-1\"}");

        assertEquals(Optional.empty(), frame.optionalString("anything"));
    }

    @ParameterizedTest(name = "{0} -> {1} on {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not json                                                  | MALFORMED_JSON |      |",
                "[1]                                                       | WRONG_TYPE     |      |",
                "{\"id\": \"x\"}                                           | MISSING_FIELD  | x    | action",
                "{\"action\": 5}                                           | WRONG_TYPE     |      | action",
                "{\"action\": \"a\", \"id\": \"\"}                         | INVALID_VALUE  |      | id",
                "{\"action\": \"a\", \"id\": 7}                            | WRONG_TYPE     |      | id",
            })
    void aBrokenEnvelopeNamesWhatIsWrong(String text, Frame.ErrorCode code, String ref, String field) {
        FrameError error = assertThrows(FrameError.class, () -> Frame.parse(text));

        assertEquals(code, error.code());
        assertEquals(ref, error.frameId());
        assertEquals(field, error.field());
    }

    @Test
    void fieldsAreCheckedForPresenceAndType() {
        Frame frame = Frame.parse(
                "{\"action\": \"sms_status\", \"id\": \"r-1\", \"data\": {\"part\": \"two\", \"ok\": 1, \"big\": 10000000000}}");

        assertField(Frame.ErrorCode.MISSING_FIELD, "ref", () -> frame.string("ref"));
        assertField(Frame.ErrorCode.WRONG_TYPE, "part", () -> frame.optionalInteger("part"));
        assertField(Frame.ErrorCode.WRONG_TYPE, "ok", () -> frame.bool("ok"));
        assertField(Frame.ErrorCode.INVALID_VALUE, "big", () -> frame.optionalInteger("big"));
    }

    @Test
    void dataThatIsNotAnObjectIsRefusedWhereAnObjectIsNeeded() {
        Frame frame = Frame.parse("{\"action\": \"status\", \"id\": \"s-1\", \"data\": [1]}");

        assertField(Frame.ErrorCode.WRONG_TYPE, "data", frame::object);
    }

    private static void assertField(Frame.ErrorCode code, String field, Runnable read) {
        FrameError error = assertThrows(FrameError.class, read::run);
        assertEquals(code, error.code());
        assertEquals(field, error.field());
    }

    @Test
    void bracketsInsideStringsDoNotCountTowardTheDepth() {
        String deep = "[".repeat(Frame.MAX_DEPTH);
        String text = "{\"action\": \"" + deep + "\\\"" + deep + "\", \"data\": " + "[".repeat(Frame.MAX_DEPTH - 1)
                + "]".repeat(Frame.MAX_DEPTH - 1) + "}";

        assertEquals(false, Frame.nestedTooDeeply(text));
        assertEquals(true, Frame.nestedTooDeeply("{\"data\": " + "[".repeat(Frame.MAX_DEPTH) + "}"));
    }

    @Test
    void aTextIsCutWithoutSplittingACharacterMadeOfTwo() {
        assertEquals("abc", Frame.cut("abcdef", 3));
        assertEquals("ab", Frame.cut("ab\uD83D\uDE00", 3));
        assertEquals("ab\uD83D\uDE00", Frame.cut("ab\uD83D\uDE00c", 4));
        assertEquals(null, Frame.cut(null, 3));
    }
}

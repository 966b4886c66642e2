package org.switchboard.phone;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import org.switchboard.i18n.BidiControls;
import org.switchboard.platform.JsonBuilders;

/**
 * One JSON frame on {@code /ws/phone}: {@code {"action": …, "id": …, "data": …}}. Seed-style frames have no id. The
 * accessors throw {@link FrameError} naming the field at fault, which the phone receives as an error frame.
 */
record Frame(String action, String id, JsonValue data) {

    static final int MAX_ID_LENGTH = 64;
    /** Objects and arrays within one another, the frame itself counting as one. */
    static final int MAX_DEPTH = 32;
    /** Command ids are UUIDs. */
    static final int MAX_COMMAND_ID_LENGTH = 36;
    /** The most a concatenated SMS holds: 255 parts of 153 GSM-7 characters (UCS-2 parts hold 67). */
    static final int MAX_SMS_TEXT = 255 * 153;
    /** E.164 numbers have at most 15 digits and alphanumeric senders 11 characters; numbers are never cut. */
    static final int MAX_NUMBER = 32;
    /** Contact names and phone models are cut to this. */
    static final int MAX_NAME = 100;
    /** App and Android versions are cut to this. */
    static final int MAX_VERSION = 32;
    /** Failure reasons are cut to this. */
    static final int MAX_REASON = 255;

    static Frame parse(String text) {
        if (nestedTooDeeply(text)) {
            throw new FrameError(ErrorCode.MALFORMED_JSON, null, null, "nested deeper than " + MAX_DEPTH);
        }
        JsonValue value;
        try (var reader = JsonBuilders.reader(text)) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw new FrameError(ErrorCode.MALFORMED_JSON, null, null, e.getMessage());
        }
        if (!(value instanceof JsonObject object)) {
            throw new FrameError(ErrorCode.WRONG_TYPE, null, null, "a frame is a JSON object");
        }
        String id = object.containsKey("id") ? stringIn(object, "id", null) : null;
        if (id != null && (id.isBlank() || id.length() > MAX_ID_LENGTH)) {
            throw new FrameError(ErrorCode.INVALID_VALUE, null, "id", "1 to " + MAX_ID_LENGTH + " characters");
        }
        String action = stringIn(object, "action", id);
        return new Frame(action, id, object.getOrDefault("data", JsonValue.NULL));
    }

    /**
     * Whether brackets open within one another deeper than {@link #MAX_DEPTH}, read before parsing: the parser would
     * otherwise build (or, past its own limit, fail on) a thousand nested values for one frame.
     */
    static boolean nestedTooDeeply(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    return true;
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return false;
    }

    /** The data as an object; a missing data counts as an empty object. */
    JsonObject object() {
        if (data == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (data instanceof JsonObject object) {
            return object;
        }
        throw new FrameError(ErrorCode.WRONG_TYPE, id, "data", "an object");
    }

    String string(String field) {
        return stringIn(object(), field, id);
    }

    Optional<String> optionalString(String field) {
        JsonObject object = object();
        if (isAbsent(object, field)) {
            return Optional.empty();
        }
        return Optional.of(stringIn(object, field, id));
    }

    /** A required string of at most this many characters: longer, it is {@code INVALID_VALUE}, never cut. */
    String string(String field, int maxLength) {
        return checkedLength(field, string(field), maxLength);
    }

    /** An optional string of at most this many characters: longer, it is {@code INVALID_VALUE}, never cut. */
    Optional<String> optionalString(String field, int maxLength) {
        return optionalString(field).map(text -> checkedLength(field, text, maxLength));
    }

    /** A string that may be absent, null or blank, all of which mean the phone did not know it. */
    /** A name or label the phone gives, without the direction controls that could disguise it. */
    Optional<String> optionalText(String field) {
        return optionalString(field).map(BidiControls::strip).filter(text -> !text.isBlank());
    }

    /** As {@link #optionalText(String)}, at most {@code maxLength} characters, cut there if longer. */
    Optional<String> optionalText(String field, int maxLength) {
        return optionalText(field).map(text -> cut(text, maxLength));
    }

    /** As {@link #optionalText(String, int)}, for numbers: a number longer than this is refused, never cut. */
    Optional<String> optionalNumber(String field) {
        return optionalText(field).map(text -> checkedLength(field, text, MAX_NUMBER));
    }

    String checkedLength(String field, String text, int maxLength) {
        if (text.length() > maxLength) {
            throw new FrameError(ErrorCode.INVALID_VALUE, id, field, "at most " + maxLength + " characters");
        }
        return text;
    }

    /** The text, cut to at most {@code maxLength} characters without splitting a character made of two. */
    static String cut(String text, int maxLength) {
        if (text == null || text.length() <= maxLength) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return text.substring(0, end);
    }

    int integer(String field) {
        return optionalInteger(field)
                .orElseThrow(() -> new FrameError(ErrorCode.MISSING_FIELD, id, field, "an integer is required"));
    }

    Optional<Integer> optionalInteger(String field) {
        return optionalIntegerIn(object(), field);
    }

    Optional<Integer> optionalIntegerIn(JsonObject object, String field) {
        if (isAbsent(object, field)) {
            return Optional.empty();
        }
        if (object.get(field) instanceof JsonNumber number && number.isIntegral()) {
            try {
                return Optional.of(number.intValueExact());
            } catch (ArithmeticException e) {
                throw new FrameError(ErrorCode.INVALID_VALUE, id, field, "out of range");
            }
        }
        throw new FrameError(ErrorCode.WRONG_TYPE, id, field, "an integer");
    }

    boolean bool(String field) {
        return optionalBoolean(object(), field)
                .orElseThrow(() -> new FrameError(ErrorCode.MISSING_FIELD, id, field, "true or false is required"));
    }

    Optional<Boolean> optionalBoolean(JsonObject object, String field) {
        if (isAbsent(object, field)) {
            return Optional.empty();
        }
        JsonValue value = object.get(field);
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return Optional.of(value == JsonValue.TRUE);
        }
        throw new FrameError(ErrorCode.WRONG_TYPE, id, field, "true or false");
    }

    Optional<JsonObject> optionalObject(String field) {
        JsonObject object = object();
        if (isAbsent(object, field)) {
            return Optional.empty();
        }
        if (object.get(field) instanceof JsonObject nested) {
            return Optional.of(nested);
        }
        throw new FrameError(ErrorCode.WRONG_TYPE, id, field, "an object");
    }

    Optional<JsonArray> optionalArray(String field) {
        JsonObject object = object();
        if (isAbsent(object, field)) {
            return Optional.empty();
        }
        if (object.get(field) instanceof JsonArray array) {
            return Optional.of(array);
        }
        throw new FrameError(ErrorCode.WRONG_TYPE, id, field, "an array");
    }

    Optional<String> optionalStringIn(JsonObject object, String field) {
        return isAbsent(object, field) ? Optional.empty() : Optional.of(stringIn(object, field, id));
    }

    private static boolean isAbsent(JsonObject object, String field) {
        return !object.containsKey(field) || object.isNull(field);
    }

    private static String stringIn(JsonObject object, String field, String frameId) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            throw new FrameError(ErrorCode.MISSING_FIELD, frameId, field, "a string is required");
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new FrameError(ErrorCode.WRONG_TYPE, frameId, field, "a string");
    }

    /** A frame the server sends. */
    static String outgoing(String action, String id, JsonObjectBuilder data) {
        JsonObjectBuilder frame = JsonBuilders.object().add("action", action);
        if (id != null) {
            frame.add("id", id);
        }
        if (data != null) {
            frame.add("data", data);
        }
        return frame.build().toString();
    }

    /** The errors a phone is told about in an {@code error} frame. */
    enum ErrorCode {
        MALFORMED_JSON,
        FRAME_TOO_LARGE,
        UNKNOWN_ACTION,
        MISSING_FIELD,
        WRONG_TYPE,
        INVALID_VALUE,
        /** A version-1 frame before the phone's {@code hello}. */
        HELLO_REQUIRED,
        UNSUPPORTED_VERSION,
        /** An acknowledgement or outcome for a command this phone never had. */
        UNKNOWN_COMMAND,
        /** The server could not store the report; the phone should send it again later. */
        SERVER_ERROR
    }
}

package org.switchboard.companion.core;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** The protocol's text frames: one JSON object with {@code action}, {@code id} and {@code data}. */
public final class Frames {

    private Frames() {}

    /** A frame as read; {@code data} is never null (a missing or null data reads as {}, as on the server). */
    public static final class Frame {
        private final String action;
        private final String id;
        private final JsonObject data;

        Frame(String action, String id, JsonObject data) {
            this.action = action;
            this.id = id;
            this.data = data;
        }

        public String action() {
            return action;
        }

        /** Null when the sender gave none. */
        public String id() {
            return id;
        }

        public JsonObject data() {
            return data;
        }

        /** A string field of data, or null when absent, null or not a string. */
        public String text(String field) {
            JsonElement value = data.get(field);
            return value != null
                            && value.isJsonPrimitive()
                            && value.getAsJsonPrimitive().isString()
                    ? value.getAsString()
                    : null;
        }

        /** A boolean field of data, or null when absent, null or not a boolean. */
        public Boolean bool(String field) {
            JsonElement value = data.get(field);
            return value != null
                            && value.isJsonPrimitive()
                            && value.getAsJsonPrimitive().isBoolean()
                    ? value.getAsBoolean()
                    : null;
        }

        /** An integer field of data, or null when absent, null or not an integral number. */
        public Integer integer(String field) {
            JsonElement value = data.get(field);
            if (value == null
                    || !value.isJsonPrimitive()
                    || !value.getAsJsonPrimitive().isNumber()) {
                return null;
            }
            double number = value.getAsDouble();
            return number == Math.rint(number) && Math.abs(number) <= Integer.MAX_VALUE ? (int) number : null;
        }
    }

    /**
     * @throws IllegalArgumentException when the text is not a JSON object with a string {@code action}
     */
    public static Frame parse(String text) {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonObject()) {
            throw new IllegalArgumentException("a frame is a JSON object");
        }
        JsonObject object = root.getAsJsonObject();
        JsonElement action = object.get("action");
        if (action == null
                || !action.isJsonPrimitive()
                || !action.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("a frame needs a string action");
        }
        JsonElement id = object.get("id");
        JsonElement data = object.get("data");
        return new Frame(
                action.getAsString(),
                id != null && id.isJsonPrimitive() ? id.getAsString() : null,
                data != null && data.isJsonObject() ? data.getAsJsonObject() : new JsonObject());
    }

    /** The frame's text; {@code data} is left out when null. */
    public static String write(String action, String id, JsonObject data) {
        JsonObject frame = new JsonObject();
        frame.addProperty("action", action);
        frame.addProperty("id", id);
        if (data != null) {
            frame.add("data", data);
        }
        return frame.toString();
    }

    /** {@code {"ref": ref}}, the data of ack and pong. */
    public static JsonObject ref(String ref) {
        JsonObject data = new JsonObject();
        data.addProperty("ref", ref);
        return data;
    }
}

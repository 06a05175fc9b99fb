package org.kadlab.ui.model.lessons;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One action lessons can use: its name, the button's default text, one line of help, the parameters
 * it takes (checked when a lesson is read, so a wrong argument is reported with its line before the
 * class sees the lesson) and what it does.
 *
 * @param name    as lesson files write it, such as {@code kill-percent}
 * @param button  the button's default text, such as "Kill 30% of the nodes"
 * @param help    what it does, for the format's documentation and for messages
 * @param params  its parameters, in the order the documentation lists them
 * @param handler what it does
 */
public record ActionSpec(String name, String button, String help, List<Param> params, Handler handler) {
    public ActionSpec {
        params = List.copyOf(params);
    }

    /** What an action does; returns one sentence on what happened, or throws with why it could not run. */
    @FunctionalInterface
    public interface Handler {
        String run(Args args) throws LessonException;
    }

    /** How a parameter's value is written and checked. */
    public enum Kind {
        /** A whole number between min and max. */
        WHOLE,
        /** A number between min and max. */
        NUMBER,
        /** Text on one line (an id, a key, a value). */
        TEXT,
        /** One of a few words. */
        CHOICE,
        /** A duration with a unit: 500ms, 30s, 10m, 1h, 2d. */
        DURATION,
        /** true or false. */
        FLAG
    }

    /**
     * A parameter.
     *
     * @param name    as lesson files write it
     * @param kind    its kind
     * @param min     least value (WHOLE, NUMBER, DURATION in ms)
     * @param max     greatest value (WHOLE, NUMBER, DURATION in ms; TEXT: longest text)
     * @param choices the words a CHOICE allows
     * @param help     what it means
     * @param required whether a lesson must give it
     */
    public record Param(String name, Kind kind, double min, double max, List<String> choices, String help, boolean required) {
        public Param {
            choices = List.copyOf(choices);
        }

        Param(String name, Kind kind, double min, double max, List<String> choices, String help) {
            this(name, kind, min, max, choices, help, false);
        }

        /** This parameter, which a lesson must give. */
        public Param mustBeGiven() {
            return new Param(name, kind, min, max, choices, help, true);
        }

        public static Param whole(String name, long min, long max, String help) {
            return new Param(name, Kind.WHOLE, min, max, List.of(), help);
        }

        public static Param number(String name, double min, double max, String help) {
            return new Param(name, Kind.NUMBER, min, max, List.of(), help);
        }

        public static Param text(String name, int maxChars, String help) {
            return new Param(name, Kind.TEXT, 1, maxChars, List.of(), help);
        }

        public static Param choice(String name, List<String> choices, String help) {
            return new Param(name, Kind.CHOICE, 0, 0, choices, help);
        }

        public static Param duration(String name, long minMs, long maxMs, String help) {
            return new Param(name, Kind.DURATION, minMs, maxMs, List.of(), help);
        }

        public static Param flag(String name, String help) {
            return new Param(name, Kind.FLAG, 0, 0, List.of(), help);
        }

        /** How a value is written, for the documentation and for messages. */
        public String form() {
            return switch (kind) {
                case WHOLE -> "a whole number from " + (long) min + " to " + (long) max;
                case NUMBER -> "a number from " + min + " to " + max;
                case TEXT -> "text";
                case CHOICE -> "one of " + String.join(", ", choices);
                case DURATION -> "a duration such as 30s, 10m or 1h";
                case FLAG -> "true or false";
            };
        }
    }

    /** The checked arguments of one action in a lesson: Long, Double, String or Boolean values by name. */
    public static final class Args {
        private final String action;
        private final Map<String, Object> values;

        public Args(String action, Map<String, Object> values) {
            this.action = action;
            this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** No arguments. */
        public static Args none(String action) {
            return new Args(action, Map.of());
        }

        public boolean has(String name) {
            return values.containsKey(name);
        }

        /** A WHOLE or DURATION argument, or {@code otherwise} when absent. */
        public long whole(String name, long otherwise) {
            return values.get(name) instanceof Long l ? l : otherwise;
        }

        /** A NUMBER argument, or {@code otherwise} when absent. */
        public double number(String name, double otherwise) {
            return values.get(name) instanceof Double d ? d : otherwise;
        }

        /** A TEXT or CHOICE argument, or null when absent. */
        public String text(String name) {
            return values.get(name) instanceof String s ? s : null;
        }

        /** A TEXT argument that must be given: otherwise a message naming the action and the argument. */
        public String required(String name) throws LessonException {
            String s = text(name);
            if (s == null) {
                throw new LessonException(action + ": needs " + name);
            }
            return s;
        }

        /** A FLAG argument, or {@code otherwise} when absent. */
        public boolean flag(String name, boolean otherwise) {
            return values.get(name) instanceof Boolean b ? b : otherwise;
        }

        /** The arguments by name (read-only). */
        public Map<String, Object> values() {
            return values;
        }

        @Override
        public String toString() {
            return values.isEmpty() ? action : action + " " + values;
        }
    }
}

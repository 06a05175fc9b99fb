package org.kadlab.sim.scenario;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one value of a scenario file as the type its field must have (text, whole number, number,
 * true/false, duration with a unit, a mapping of known fields), or fails naming the file, the line
 * and the field.
 */
final class ScenarioValues {

    private final String file;

    ScenarioValues(String file) {
        this.file = file;
    }

    /** The fields of step {@code step}, a mapping of names from {@code known} only. */
    Map<String, Yaml.Located> fields(Yaml.Located v, String step, Set<String> known) throws ScenarioException {
        if (!(v.value() instanceof Map)) {
            throw fail(v.line(), step, "needs fields " + String.join(", ", sorted(known)) + " as a mapping, e.g. {"
                    + sorted(known).get(0) + ": ...}, not " + v.kind());
        }
        checkKnown(v.map(), known, step);
        return v.map();
    }

    /** Fails at the first field of {@code m} not in {@code known}, with the nearest known name. */
    void checkKnown(Map<String, Yaml.Located> m, Set<String> known, String parent) throws ScenarioException {
        for (Map.Entry<String, Yaml.Located> e : m.entrySet()) {
            if (!known.contains(e.getKey())) {
                String field = parent == null ? e.getKey() : parent + "." + e.getKey();
                throw fail(e.getValue().line(), field, "unknown field" + suggestion(e.getKey(), known)
                        + "; known fields: " + String.join(", ", sorted(known)));
            }
        }
    }

    String requiredText(Map<String, Yaml.Located> m, Yaml.Located parent, String name, String field) throws ScenarioException {
        if (!m.containsKey(name)) {
            throw fail(parent.line(), field, "is required");
        }
        return text(m.get(name), field);
    }

    String optionalText(Map<String, Yaml.Located> m, String name, String field) throws ScenarioException {
        return m.containsKey(name) ? text(m.get(name), field) : null;
    }

    String text(Yaml.Located v, String field) throws ScenarioException {
        if (v.value() instanceof String s) {
            return s;
        }
        if (v.value() instanceof Number || v.value() instanceof Boolean) {
            return String.valueOf(v.value());
        }
        throw fail(v.line(), field, "must be text, was " + v.kind());
    }

    boolean bool(Yaml.Located c, String field) throws ScenarioException {
        if (!(c.value() instanceof Boolean b)) {
            throw fail(c.line(), field, "must be true or false, was " + c.kind());
        }
        return b;
    }

    /** A whole number from {@code min} to {@code max}; a {@code max} of a quarter of the long range or more means no upper bound. */
    long longValue(Yaml.Located v, String field, long min, long max) throws ScenarioException {
        if (!(v.value() instanceof BigInteger b)) {
            throw fail(v.line(), field, "must be a whole number, was " + describe(v));
        }
        if (b.compareTo(BigInteger.valueOf(min)) < 0 || b.compareTo(BigInteger.valueOf(max)) > 0) {
            String range = max >= Long.MAX_VALUE / 4 ? "at least " + min : "between " + min + " and " + max;
            throw fail(v.line(), field, "must be " + range + ", was " + b);
        }
        return b.longValue();
    }

    double number(Yaml.Located v, String field) throws ScenarioException {
        if (v.value() instanceof Number n) {
            return n.doubleValue();
        }
        throw fail(v.line(), field, "must be a number, was " + describe(v));
    }

    /** A duration with a unit: 500ms, 30s, 10m, 1h, 2d, in milliseconds (rounded). */
    long duration(Yaml.Located v, String field) throws ScenarioException {
        if (v.value() instanceof String s) {
            Long ms;
            try {
                ms = Durations.millis(s);
            } catch (IllegalArgumentException e) {
                throw fail(v.line(), field, "duration " + e.getMessage());
            }
            if (ms != null) {
                return ms;
            }
        }
        throw fail(v.line(), field, "must be a duration with a unit (500ms, 30s, 10m, 1h, 2d), was " + describe(v));
    }

    /** A value as a message quotes it: text in quotes, anything else by its kind. */
    static String describe(Yaml.Located v) {
        return v.value() instanceof String s ? "'" + s + "'" : v.kind();
    }

    ScenarioException fail(int line, String field, String problem) {
        return ScenarioException.at(file, line, field, problem);
    }

    static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    /** " (did you mean 'k'?)" for a near miss, or "". */
    static String suggestion(String typed, Set<String> known) {
        return NearestName.suggestion(typed, known);
    }
}

package org.kadlab.sim.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations with a unit as scenario files and commands write them (500ms, 30s, 10m, 1h, 2d), read into milliseconds. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");
    private static final double LONGEST_MS = 1e15;

    private Durations() {
    }

    /**
     * {@code text} in milliseconds (rounded), or null when it is not a number with a unit; an
     * {@link IllegalArgumentException} saying so when it is too long to simulate.
     */
    public static Long millis(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        long unit = switch (m.group(2)) {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            default -> 86_400_000L;
        };
        double ms = Double.parseDouble(m.group(1)) * unit;
        if (ms > LONGEST_MS) {
            throw new IllegalArgumentException("'" + text.strip() + "' is too long");
        }
        return Math.round(ms);
    }
}

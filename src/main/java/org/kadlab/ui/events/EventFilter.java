package org.kadlab.ui.events;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which event rows the log shows: a row passes when (1) no type is chosen or its type equals the
 * chosen one, and (2) the search text is blank or occurs, ignoring case, in its node id or details
 * (ids are hex, so typing part of an id finds every event that names it; a leading {@code 0x} is
 * ignored).
 */
public record EventFilter(String type, String text) implements Predicate<EventRow> {
    /** Shows every row. */
    public static final EventFilter ALL = new EventFilter(null, "");

    public EventFilter {
        text = normalise(text);
        type = type == null || type.isBlank() ? null : type;
    }

    @Override
    public boolean test(EventRow row) {
        if (type != null && !type.equals(row.type())) {
            return false;
        }
        if (text.isEmpty()) {
            return true;
        }
        return row.node().toLowerCase(Locale.ROOT).contains(text)
                || row.details().toLowerCase(Locale.ROOT).contains(text);
    }

    private static String normalise(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("0x") ? t.substring(2) : t;
    }
}

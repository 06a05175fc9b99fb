package org.kadlab.ui.events;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which event rows the log shows: a row passes when (1) no type is chosen or its type is one of the
 * chosen ones, and (2) the search text is blank or occurs, ignoring case, in its node id or details
 * (ids are hex, so typing part of an id finds every event that names it; a leading {@code 0x} is
 * ignored). Ticking none of the offered types, or all of them, chooses no type: every row passes (1).
 */
public record EventFilter(Set<String> types, String text) implements Predicate<EventRow> {
    /** Shows every row. */
    public static final EventFilter ALL = new EventFilter(Set.of(), "");

    public EventFilter {
        types = cleaned(types);
        text = normalise(text);
    }

    /** Rows of {@code type} (every type when it is null or blank) that contain {@code text}. */
    public static EventFilter of(String type, String text) {
        return new EventFilter(type == null ? Set.of() : Set.of(type), text);
    }

    /**
     * Rows of any of the {@code ticked} types that contain {@code text}; when nothing or every one of
     * the {@code offered} types is ticked, rows of every type (also of types not offered).
     */
    public static EventFilter ofTicked(Collection<String> ticked, Collection<String> offered, String text) {
        Set<String> chosen = cleaned(ticked);
        Set<String> all = cleaned(offered);
        if (!all.isEmpty() && chosen.containsAll(all)) {
            chosen = Set.of();
        }
        return new EventFilter(chosen, text);
    }

    /** Whether the filter lets rows of every type through. */
    public boolean allTypes() {
        return types.isEmpty();
    }

    @Override
    public boolean test(EventRow row) {
        if (row == null) {
            return false;
        }
        if (!types.isEmpty() && !types.contains(row.type())) {
            return false;
        }
        if (text.isEmpty()) {
            return true;
        }
        return contains(row.node()) || contains(row.details());
    }

    private boolean contains(String s) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(text);
    }

    /** The non-blank names, in their order, without nulls. */
    private static Set<String> cleaned(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            return Set.of();
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String n : names) {
            if (n != null && !n.isBlank()) {
                kept.add(n);
            }
        }
        return kept.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(kept);
    }

    private static String normalise(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("0x") ? t.substring(2) : t;
    }
}

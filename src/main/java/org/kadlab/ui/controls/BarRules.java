package org.kadlab.ui.controls;

import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.Operations;

/**
 * What the control bar's fields accept, judged from their text: each rule gives the message for a
 * text it refuses, or null. An empty key, value or target is no error until an action needs it
 * (the view model says so then).
 */
final class BarRules {
    private BarRules() {
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** A target id in hex or binary of the network's id width. */
    static String target(NetworkViewModel vm, String text) {
        try {
            vm.keySpace().parse(text);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage() == null ? "not an id: type hex (7f00) or binary (0b0111)" : e.getMessage();
        }
    }

    /** A key: any text on one line, at most {@link Operations#MAX_KEY_CHARS} characters. */
    static String key(String text) {
        return blank(text) || fitsOneLine(text.strip(), Operations.MAX_KEY_CHARS) ? null
                : "key: at most " + Operations.MAX_KEY_CHARS + " characters on one line.";
    }

    /** A value: any text on one line, at most {@link Operations#MAX_VALUE_CHARS} characters. */
    static String value(String text) {
        return text == null || fitsOneLine(text, Operations.MAX_VALUE_CHARS) ? null
                : "value: at most " + Operations.MAX_VALUE_CHARS + " characters on one line.";
    }

    /** A whole number from {@code min} to {@code max} ("30%" and "1_000" too), for the box called {@code what}. */
    static String whole(String text, String what, int min, int max) {
        int v;
        try {
            v = parseWhole(text);
        } catch (NumberFormatException e) {
            return what + ": '" + (text == null ? "" : text) + "' is not a whole number; type one from " + min + " to " + max + ".";
        }
        return v < min || v > max ? what + ": " + v + " is outside " + min + " to " + max + "." : null;
    }

    /** The whole number in {@code text}; throws NumberFormatException when there is none. */
    static int parseWhole(String text) {
        String t = text == null ? "" : text.strip();
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return Integer.parseInt(t.replace("_", "").replace(",", ""));
    }

    /**
     * Makes an editable number box forgiving: text that is not a number (committed with Enter or by
     * leaving the box) puts the last good value back instead of throwing.
     */
    static void lenient(Spinner<Integer> box) {
        SpinnerValueFactory<Integer> f = box.getValueFactory();
        f.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String s) {
                try {
                    return Integer.valueOf(s.strip().replace("%", "").strip());
                } catch (NumberFormatException | NullPointerException e) {
                    return f.getValue();
                }
            }
        });
    }

    private static boolean fitsOneLine(String s, int max) {
        if (s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}

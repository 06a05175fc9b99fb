package org.kadlab.ui.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;

/**
 * How ids read in running text: whole in narrow key spaces (up to {@value #WHOLE_BITS} bits, where a
 * class reads every digit), cut to their first {@value #SHORT_DIGITS} hex digits and an ellipsis in
 * wide ones, so that a 160-bit id does not swamp a caption, a title or a chip. Full ids stay where a
 * person needs them exactly: tooltips, the target field, the event log and the exports.
 */
public final class IdText {
    /** Ids of at most this many bits are always shown whole. */
    public static final int WHOLE_BITS = 32;
    /** Hex digits an abbreviated id keeps. */
    public static final int SHORT_DIGITS = 8;
    /** Leading bits the one-line binary of a wide id keeps. */
    public static final int SHORT_BITS = 16;
    /** What stands for the digits left out. */
    public static final String ELLIPSIS = "\u2026";

    private static final Map<Integer, Pattern> WHOLE_IDS = new ConcurrentHashMap<>();

    private IdText() {
    }

    /** Whether ids of {@code ks} are abbreviated (more than {@value #WHOLE_BITS} bits). */
    public static boolean abbreviates(KeySpace ks) {
        return ks != null && ks.bits() > WHOLE_BITS;
    }

    /** {@code id} in hex, abbreviated in a wide key space; "?" for no id. */
    public static String brief(KeySpace ks, NodeId id) {
        return id == null || ks == null ? "?" : brief(ks, ks.hex(id));
    }

    /**
     * A hex id (as {@link KeySpace#hex} prints it) abbreviated to its first {@value #SHORT_DIGITS}
     * digits and an ellipsis in a wide key space; unchanged otherwise, for text of at most that many
     * characters and for text that is not all hex digits (such as "own table"). Null gives "?".
     */
    public static String brief(KeySpace ks, String hex) {
        if (hex == null) {
            return "?";
        }
        if (!abbreviates(ks) || hex.length() <= SHORT_DIGITS || !isHex(hex)) {
            return hex;
        }
        return hex.substring(0, SHORT_DIGITS) + ELLIPSIS;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code text} with every whole id of a wide key space in it (a run of exactly
     * {@link KeySpace#hexDigits()} hex digits that is not part of a longer run) abbreviated, for
     * sentences built elsewhere with full ids; unchanged in a narrow key space. Null stays null.
     */
    public static String briefAll(KeySpace ks, String text) {
        if (text == null || !abbreviates(ks)) {
            return text;
        }
        Pattern whole = WHOLE_IDS.computeIfAbsent(ks.hexDigits(),
                n -> Pattern.compile("(?<![0-9a-fA-F])[0-9a-f]{" + n + "}(?![0-9a-fA-F])"));
        Matcher m = whole.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int from = 0;
        do {
            sb.append(text, from, m.start()).append(text, m.start(), m.start() + SHORT_DIGITS).append(ELLIPSIS);
            from = m.end();
        } while (m.find());
        return sb.append(text, from, text.length()).toString();
    }

    /**
     * {@code id} in binary, in groups of four: whole in a narrow key space, its first
     * {@value #SHORT_BITS} bits and an ellipsis in a wide one (one line instead of four).
     */
    public static String briefBinary(KeySpace ks, NodeId id) {
        if (id == null || ks == null) {
            return "?";
        }
        String grouped = IdText.grouped(ks.binary(id));
        if (!abbreviates(ks)) {
            return grouped;
        }
        int digits = 0;
        int end = 0;
        while (end < grouped.length() && digits < SHORT_BITS) {
            if (grouped.charAt(end++) != ' ') {
                digits++;
            }
        }
        return grouped.substring(0, end) + ELLIPSIS;
    }

    /** "1 bit", "13 bits". */
    public static String bits(int n) {
        return n == 1 ? "1 bit" : n + " bits";
    }

    /** Binary digits in groups of four, for reading. */
    public static String grouped(String binary) {
        StringBuilder sb = new StringBuilder(binary.length() + binary.length() / 4);
        int lead = binary.length() % 4;
        for (int i = 0; i < binary.length(); i++) {
            if (i > 0 && (i - lead) % 4 == 0) {
                sb.append(' ');
            }
            sb.append(binary.charAt(i));
        }
        return sb.toString();
    }

    /** {@code text} in double quotes, with quotes and backslashes escaped, for captions. */
    public static String quote(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}

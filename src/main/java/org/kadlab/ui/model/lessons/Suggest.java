package org.kadlab.ui.model.lessons;

import java.util.List;
import java.util.Locale;

/** " (did you mean 'kill-percent'?)" for a near miss of a known name, as the scenario reader suggests. */
final class Suggest {
    private Suggest() {
    }

    /** The suggestion for {@code typed} among {@code known}, or "". */
    static String nearest(String typed, List<String> known) {
        String t = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(t, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        if (best != null && bestDistance <= Math.max(1, t.length() / 3)) {
            return " (did you mean '" + best + "'?)";
        }
        for (String k : known) {
            if (t.length() >= 4 && k.startsWith(t)) {
                return " (did you mean '" + k + "'?)";
            }
        }
        return "";
    }

    /** Edits (insert, delete, substitute, swap two neighbours) from a to b. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

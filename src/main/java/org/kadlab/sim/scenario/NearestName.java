package org.kadlab.sim.scenario;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** " (did you mean 'alpha'?)" for a near miss of a known name, in the messages about scenarios and lessons. */
public final class NearestName {
    private NearestName() {
    }

    /** The suggestion for {@code typed} among {@code known} (tried in sorted order), or "". */
    public static String suggestion(String typed, Collection<String> known) {
        List<String> names = known.stream().sorted().toList();
        String t = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : names) {
            int d = editDistance(t, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        if (best != null && bestDistance <= Math.max(1, typed.length() / 3)) {
            return " (did you mean '" + best + "'?)";
        }
        for (String k : names) {
            if (typed.length() >= 4 && k.startsWith(t)) {
                return " (did you mean '" + k + "'?)"; // "latency" -> "latency_ms"
            }
        }
        return "";
    }

    /** Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbours as one edit. */
    static int editDistance(String a, String b) {
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
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1); // "alpah" -> "alpha" is one swap
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

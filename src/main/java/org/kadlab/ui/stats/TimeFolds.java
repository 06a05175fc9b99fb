package org.kadlab.ui.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A virtual-time axis that folds long quiet stretches, so that a dip in the lookups and their
 * recovery an hour later fit one chart side by side.
 *
 * <ol>
 *   <li>The times where something happened (operations, markers, now) are sorted; a gap between two
 *       of them longer than {@link #FOLD_MIN_MS} and than {@link #FOLD_SHARE} of the whole span is a
 *       quiet stretch, everything else is a busy segment.</li>
 *   <li>Busy segments keep their length (one display unit per virtual second); each quiet stretch
 *       is folded to a band {@link #FOLD_WIDTH_SHARE} of the busy time wide (at least a second),
 *       inside which time runs linearly from its start to its end.</li>
 *   <li>Ticks fall on whole multiples of a round unit (1 s .. 1 d) inside busy segments, about
 *       {@link #TARGET_TICKS} in all, labelled as a clock ({@code 7:30}, {@code 1:02:00}); each
 *       folded band gets one tick in its middle saying how long it is ({@code ~1 h~}). The axis
 *       shows the ones whose labels fit.</li>
 * </ol>
 */
public final class TimeFolds {
    /** Shortest quiet stretch ever folded. */
    public static final long FOLD_MIN_MS = 5 * 60_000L;
    /** A quiet stretch is folded only if it is at least this share of the whole span. */
    public static final double FOLD_SHARE = 0.15;
    /** Width of a folded band, as a share of the busy time. */
    public static final double FOLD_WIDTH_SHARE = 0.08;
    /** About how many ticks the axis shows. */
    public static final int TARGET_TICKS = 6;
    private static final long[] UNITS = {1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000,
        900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000};

    /** A piece of the axis: virtual time [fromMs, toMs] drawn at display x [x, x + width]; folded or busy. */
    public record Piece(long fromMs, long toMs, double x, double width, boolean folded) {
    }

    /** A tick: where it is drawn, what it says, and whether it stands for a folded band. */
    public record Tick(double x, String label, boolean folded) {
    }

    private final List<Piece> pieces;
    private final double width;
    private final List<Tick> ticks;

    private TimeFolds(List<Piece> pieces, double width, List<Tick> ticks) {
        this.pieces = List.copyOf(pieces);
        this.width = width;
        this.ticks = List.copyOf(ticks);
    }

    /** The axis for {@code times} (virtual ms, in any order); an empty list gives a one-second axis at 0. */
    public static TimeFolds of(List<Long> times) {
        long[] t = times.stream().mapToLong(Long::longValue).sorted().toArray();
        if (t.length == 0) {
            t = new long[] {0};
        }
        long span = t[t.length - 1] - t[0];
        List<long[]> busy = new ArrayList<>();
        long start = t[0];
        for (int i = 1; i < t.length; i++) {
            long gap = t[i] - t[i - 1];
            if (gap > FOLD_MIN_MS && gap > FOLD_SHARE * span) {
                busy.add(new long[] {start, t[i - 1]});
                start = t[i];
            }
        }
        busy.add(new long[] {start, t[t.length - 1]});
        double busySeconds = 0;
        for (long[] b : busy) {
            busySeconds += (b[1] - b[0]) / 1000.0;
        }
        double fold = Math.max(1, FOLD_WIDTH_SHARE * busySeconds);
        List<Piece> pieces = new ArrayList<>();
        double x = 0;
        for (int i = 0; i < busy.size(); i++) {
            long[] b = busy.get(i);
            if (i > 0) {
                long[] before = busy.get(i - 1);
                pieces.add(new Piece(before[1], b[0], x, fold, true));
                x += fold;
            }
            double w = (b[1] - b[0]) / 1000.0;
            pieces.add(new Piece(b[0], b[1], x, w, false));
            x += w;
        }
        double total = Math.max(x, 1);
        return new TimeFolds(pieces, total, ticks(pieces, busySeconds));
    }

    private static List<Tick> ticks(List<Piece> pieces, double busySeconds) {
        long unit = UNITS[UNITS.length - 1];
        for (long u : UNITS) {
            if (busySeconds * 1000 / u <= TARGET_TICKS) {
                unit = u;
                break;
            }
        }
        List<Tick> out = new ArrayList<>();
        for (Piece p : pieces) {
            if (p.folded()) {
                out.add(new Tick(p.x() + p.width() / 2, "~" + span(p.toMs() - p.fromMs()) + "~", true));
                continue;
            }
            for (long m = ceilDiv(p.fromMs(), unit) * unit; m <= p.toMs(); m += unit) {
                out.add(new Tick(p.x() + (m - p.fromMs()) / 1000.0, clock(m), false));
            }
        }
        return out;
    }

    /** The display x of virtual time {@code ms}; before the first piece or after the last it is clamped. */
    public double x(long ms) {
        for (Piece p : pieces) {
            if (ms <= p.toMs()) {
                if (ms <= p.fromMs()) {
                    return p.x();
                }
                double share = p.toMs() == p.fromMs() ? 0 : (double) (ms - p.fromMs()) / (p.toMs() - p.fromMs());
                return p.x() + share * p.width();
            }
        }
        return width;
    }

    /** The whole axis width, in display units. */
    public double width() {
        return width;
    }

    /** The pieces, left to right. */
    public List<Piece> pieces() {
        return pieces;
    }

    /** The folded bands, left to right. */
    public List<Piece> folds() {
        return pieces.stream().filter(Piece::folded).toList();
    }

    /** The ticks, left to right. */
    public List<Tick> ticks() {
        return ticks;
    }

    /** The label of the tick at {@code x}, or "" where there is none. */
    public String labelAt(double x) {
        for (Tick t : ticks) {
            if (Math.abs(t.x() - x) < 1e-9) {
                return t.label();
            }
        }
        return "";
    }

    /** Virtual time as a clock: {@code 7:05} (minutes and seconds) or {@code 1:02:05} (with hours). */
    public static String clock(long ms) {
        long s = Math.floorDiv(ms, 1000);
        long h = s / 3600;
        long m = s / 60 % 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec) : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }

    /** A span in the largest unit that keeps it short: {@code 45 s}, {@code 12 min}, {@code 1 h}, {@code 2.5 h}, {@code 1 d}. */
    public static String span(long ms) {
        if (ms >= 86_400_000L) {
            return trim(ms / 86_400_000.0) + " d";
        }
        if (ms >= 3_600_000L) {
            return trim(ms / 3_600_000.0) + " h";
        }
        if (ms >= 60_000L) {
            return Math.round(ms / 60_000.0) + " min";
        }
        return Math.round(ms / 1000.0) + " s";
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}

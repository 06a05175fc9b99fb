package org.kadlab.ui.model;

import java.math.BigInteger;
import java.util.Locale;
import org.kadlab.kad.NodeId;

/**
 * Where an id sits on a circle, as small pure functions kept apart from drawing.
 *
 * <ol>
 *   <li>The fraction of an id is id / 2^bits, in [0, 1), computed from its top 53 bits.</li>
 *   <li>The angle is that fraction of a full turn, clockwise from twelve o'clock.</li>
 *   <li>A point is centre + radius * (sin angle, -cos angle), so id 0 is at the top.</li>
 *   <li>The distance rings put bucket i at a radius growing with i: the closest bucket innermost.</li>
 *   <li>A click at an angle names the id at that angle, so a target can be picked on the ring.</li>
 * </ol>
 */
public final class RingGeometry {
    private RingGeometry() {
    }

    /** id / 2^bits as a double in [0, 1) (computed without allocating: it runs per node per frame). */
    public static double fraction(NodeId id, int bits) {
        return id.fraction(bits);
    }

    /** The angle of {@code id} in radians, clockwise from the top: 2 pi * id / 2^bits. */
    public static double angle(NodeId id, int bits) {
        return 2 * Math.PI * fraction(id, bits);
    }

    /** The angle of the point (x, y) around the centre, clockwise from the top, in [0, 2 pi). */
    public static double angleAt(double cx, double cy, double x, double y) {
        double a = Math.atan2(x - cx, cy - y);
        return a < 0 ? a + 2 * Math.PI : a;
    }

    /** The id at {@code angle} on the ring: floor(angle / 2 pi * 2^bits), the inverse of {@link #angle}. */
    public static BigInteger idAt(double angle, int bits) {
        double f = angle / (2 * Math.PI);
        f = Math.max(0, Math.min(f, Math.nextDown(1.0)));
        int precise = Math.min(bits, 52);
        BigInteger top = BigInteger.valueOf((long) Math.floor(f * Math.pow(2, precise)));
        return top.shiftLeft(bits - precise);
    }

    /** The x coordinate of the point at {@code angle} on a circle. */
    public static double x(double cx, double radius, double angle) {
        return cx + radius * Math.sin(angle);
    }

    /** The y coordinate of the point at {@code angle} on a circle (screen y grows downwards). */
    public static double y(double cy, double radius, double angle) {
        return cy - radius * Math.cos(angle);
    }

    /**
     * The radius of the ring of bucket {@code index} when rings {@code lowest..highest} share the
     * band from {@code inner} to {@code outer}: evenly spaced, the lowest (closest) innermost.
     */
    public static double bucketRadius(int index, int lowest, int highest, double inner, double outer) {
        if (highest <= lowest) {
            return outer;
        }
        double t = (double) (index - lowest) / (highest - lowest);
        return inner + t * (outer - inner);
    }

    /** The share of the id space bucket {@code index} covers: 2^index / 2^bits. */
    public static double bucketShare(int index, int bits) {
        return Math.pow(2, index - bits);
    }

    /** The expected number of contacts in bucket {@code index} for {@code others} random peers: min(k, N 2^(i-B)) for B-bit ids. */
    public static double expectedFill(int index, int k, int others, int bits) {
        return Math.min(k, others * Math.pow(2, index - bits));
    }

    /** A share of the id space as a short percentage. */
    public static String share(double s) {
        double pct = s * 100;
        if (pct >= 10) {
            return String.format(Locale.ROOT, "%.0f%%", pct);
        }
        if (pct >= 0.1) {
            return String.format(Locale.ROOT, "%.2g%%", pct);
        }
        return String.format(Locale.ROOT, "%.1e%%", pct);
    }
}

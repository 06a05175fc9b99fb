package org.kadlab.ui.model;

/**
 * The radial bands of the XOR-distance rings, buckets {@code lowest..highest} between an inner and
 * an outer radius, the closest bucket innermost. Two scales:
 *
 * <ul>
 *   <li>even: every ring gets the same width (today's picture, easy to read);</li>
 *   <li>true: a ring's width is proportional to its bucket's share of the id space, 2^i / 2^bits, so
 *   the farthest bucket (half the id space) takes about half the radius, the next a quarter, and so
 *   on; a ring narrower than the minimum width is widened to it (and the others shrink to make
 *   room), so the tiny inner buckets stay visible and clickable.</li>
 * </ul>
 *
 * Edges are given from the inner radius out: ring {@code lowest + j} spans {@code [edge(j), edge(j+1))}.
 */
public final class RingScale {
    private final int lowest;
    private final double[] edges;

    private RingScale(int lowest, double[] edges) {
        this.lowest = lowest;
        this.edges = edges;
    }

    /** Even rings: each ring's band is centred on {@link RingGeometry#bucketRadius}, the same width for all. */
    public static RingScale even(int lowest, int highest, double inner, double outer) {
        int n = highest - lowest + 1;
        double[] e = new double[n + 1];
        if (n == 1) {
            e[0] = inner;
            e[1] = outer;
            return new RingScale(lowest, e);
        }
        double step = (outer - inner) / (n - 1);
        for (int j = 0; j <= n; j++) {
            e[j] = inner + (j - 0.5) * step;
        }
        return new RingScale(lowest, e);
    }

    /**
     * True-scale rings: widths proportional to the buckets' shares of the id space, none narrower
     * than {@code minWidth} (when they cannot all have it, all get an equal width).
     */
    public static RingScale trueScale(int lowest, int highest, double inner, double outer, double minWidth) {
        int n = highest - lowest + 1;
        double room = Math.max(0, outer - inner);
        double[] w = new double[n];
        boolean[] atMin = new boolean[n];
        if (minWidth * n >= room) {
            java.util.Arrays.fill(w, room / n);
        } else {
            // widen the rings below the minimum, share what is left among the others by share; repeat
            // until no ring is below it (at most n rounds: each round fixes at least one more ring)
            for (int round = 0; round <= n; round++) {
                double fixed = 0;
                double shares = 0;
                for (int j = 0; j < n; j++) {
                    if (atMin[j]) {
                        fixed += minWidth;
                    } else {
                        shares += Math.pow(2, j - (n - 1)); // ring j's share relative to the farthest
                    }
                }
                boolean changed = false;
                for (int j = 0; j < n; j++) {
                    if (atMin[j]) {
                        w[j] = minWidth;
                        continue;
                    }
                    w[j] = (room - fixed) * Math.pow(2, j - (n - 1)) / shares;
                    if (w[j] < minWidth) {
                        atMin[j] = true;
                        changed = true;
                    }
                }
                if (!changed) {
                    break;
                }
            }
        }
        double[] e = new double[n + 1];
        e[0] = inner;
        for (int j = 0; j < n; j++) {
            e[j + 1] = e[j] + w[j];
        }
        return new RingScale(lowest, e);
    }

    /** The inner edge of bucket {@code index}'s band. */
    public double innerEdge(int index) {
        return edges[index - lowest];
    }

    /** The outer edge of bucket {@code index}'s band. */
    public double outerEdge(int index) {
        return edges[index - lowest + 1];
    }

    /** The radius the bucket's ring is drawn at (its nodes sit on it): the middle of its band. */
    public double radius(int index) {
        return (innerEdge(index) + outerEdge(index)) / 2;
    }

    /** The band's width. */
    public double width(int index) {
        return outerEdge(index) - innerEdge(index);
    }

    /** The bucket whose band holds radius {@code r}, or -1 when it lies inside or outside all of them. */
    public int bucketAt(double r) {
        for (int j = 0; j + 1 < edges.length; j++) {
            if (r >= edges[j] && r < edges[j + 1]) {
                return lowest + j;
            }
        }
        return -1;
    }
}

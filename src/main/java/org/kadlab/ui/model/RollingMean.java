package org.kadlab.ui.model;

/**
 * The mean of the last {@code window} values: a ring with a running sum, so adding is O(1) and
 * memory is fixed. The sum is recomputed from the ring now and then, so rounding never drifts.
 */
final class RollingMean {
    private final double[] ring;
    private int next;
    private int size;
    private double sum;
    private long added;

    RollingMean(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + window);
        }
        this.ring = new double[window];
    }

    /** Adds one value; the oldest falls out once the window is full. */
    void add(double v) {
        if (size == ring.length) {
            sum -= ring[next];
        } else {
            size++;
        }
        ring[next] = v;
        sum += v;
        next = (next + 1) % ring.length;
        if (++added % (16L * ring.length) == 0) {
            sum = 0;
            for (int i = 0; i < size; i++) {
                sum += ring[i];
            }
        }
    }

    /** The mean of the window, or NaN when nothing was added. */
    double mean() {
        return size == 0 ? Double.NaN : sum / size;
    }

    void clear() {
        next = 0;
        size = 0;
        sum = 0;
        added = 0;
    }
}

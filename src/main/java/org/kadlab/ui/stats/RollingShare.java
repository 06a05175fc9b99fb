package org.kadlab.ui.stats;

/**
 * The share of true outcomes among the last {@code window} ones: a ring of booleans with a running
 * count, so adding is O(1) and memory is fixed.
 */
public final class RollingShare {
    private final boolean[] ring;
    private int next;
    private int size;
    private int trues;

    public RollingShare(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + window);
        }
        this.ring = new boolean[window];
    }

    /** Records one outcome; the oldest falls out once the window is full. */
    public void add(boolean outcome) {
        if (size == ring.length) {
            if (ring[next]) {
                trues--;
            }
        } else {
            size++;
        }
        ring[next] = outcome;
        if (outcome) {
            trues++;
        }
        next = (next + 1) % ring.length;
    }

    /** The share of true outcomes in the window (0..1), or NaN when nothing was recorded. */
    public double share() {
        return size == 0 ? Double.NaN : (double) trues / size;
    }

    public int size() {
        return size;
    }

    public void clear() {
        next = 0;
        size = 0;
        trues = 0;
    }
}

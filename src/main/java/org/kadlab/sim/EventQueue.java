package org.kadlab.sim;

import java.util.Arrays;

/**
 * The simulator's agenda: a binary min-heap of scheduled actions ordered by (time, sequence number),
 * so actions due at the same virtual millisecond run in the order they were scheduled. Parallel
 * arrays keep it free of per-entry wrapper objects.
 */
final class EventQueue {
    private long[] times = new long[1024];
    private long[] seqs = new long[1024];
    private Scheduled[] items = new Scheduled[1024];
    private int size;
    private long nextSeq;

    /** Something that happens at a virtual time. */
    abstract static class Scheduled {
        /** Whether this action keeps the network busy (RPCs, joins) rather than being a background timer. */
        boolean foreground() {
            return true;
        }

        abstract void fire();
    }

    void add(long time, Scheduled item) {
        if (size == times.length) {
            int n = size * 2;
            times = Arrays.copyOf(times, n);
            seqs = Arrays.copyOf(seqs, n);
            items = Arrays.copyOf(items, n);
        }
        int i = size++;
        long seq = nextSeq++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(time, seq, times[parent], seqs[parent])) {
                break;
            }
            times[i] = times[parent];
            seqs[i] = seqs[parent];
            items[i] = items[parent];
            i = parent;
        }
        times[i] = time;
        seqs[i] = seq;
        items[i] = item;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The time of the earliest entry; only when not empty. */
    long peekTime() {
        return times[0];
    }

    /** Removes and returns the earliest entry; only when not empty. */
    Scheduled poll() {
        Scheduled top = items[0];
        int last = --size;
        long t = times[last];
        long s = seqs[last];
        Scheduled it = items[last];
        items[last] = null;
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && less(times[right], seqs[right], times[child], seqs[child])) {
                child = right;
            }
            if (!less(times[child], seqs[child], t, s)) {
                break;
            }
            times[i] = times[child];
            seqs[i] = seqs[child];
            items[i] = items[child];
            i = child;
        }
        if (size > 0) {
            times[i] = t;
            seqs[i] = s;
            items[i] = it;
        }
        return top;
    }

    private static boolean less(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }
}

package org.kadlab.sim;

import java.util.Arrays;

/**
 * The simulator's agenda: scheduled actions ordered by (time, sequence number), so actions due at
 * the same virtual millisecond run in the order they were scheduled.
 *
 * <p>Most actions fall due within a few seconds (deliveries, replies, timeouts), so those go into a
 * calendar: a ring of one slot per millisecond over the next {@value #WINDOW} ms, each slot a
 * first-in first-out list (all its actions share one time, and were scheduled in sequence order),
 * with a bitmap of the slots in use. The rest (upkeep timers, anything earlier than the ring's
 * start) goes into a binary min-heap. The earliest action is the earlier of the ring's first and the
 * heap's top. Parallel arrays keep both free of per-entry wrapper objects.
 */
final class EventQueue {
    static final int WINDOW = 1 << 12;
    private static final int MASK = WINDOW - 1;

    // the ring: slot s holds the actions due at slotTime[s], a list through next[] from first[s] to last[s]
    private final int[] first = new int[WINDOW];
    private final int[] last = new int[WINDOW];
    private final long[] slotTime = new long[WINDOW];
    private final long[] inUse = new long[WINDOW / 64];
    private Scheduled[] entry = new Scheduled[1024];
    private long[] entrySeq = new long[1024];
    private int[] next = new int[1024];
    private int entries; // entry cells handed out so far
    private int freeCell = -1; // a list of cells given back, through next[]
    private int ringSize;
    private int earliest = -1; // the ring's earliest slot once found, -1 until then (a scan per change, not per look)
    private long polledTime; // the time of the entry polled last
    private long start; // the ring holds times in [start, start + WINDOW); it follows the time polled last

    // the heap
    private long[] times = new long[1024];
    private long[] seqs = new long[1024];
    private Scheduled[] items = new Scheduled[1024];
    private int size; // of the heap
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
        long seq = nextSeq++;
        if (ringSize == 0 && time < start) {
            start = time; // an empty ring can start anywhere before the time polled last
        }
        if (time >= start && time - start < WINDOW) {
            ringAdd(time, seq, item);
        } else {
            heapAdd(time, seq, item);
        }
    }

    boolean isEmpty() {
        return size + ringSize == 0;
    }

    int size() {
        return size + ringSize;
    }

    /** The time of the earliest entry; only when not empty. */
    long peekTime() {
        int slot = ringSize == 0 ? -1 : firstSlot();
        if (slot < 0) {
            return times[0];
        }
        return size == 0 ? slotTime[slot] : Math.min(slotTime[slot], times[0]);
    }

    /** The time of the entry {@link #poll} returned last. */
    long polledTime() {
        return polledTime;
    }

    /** Removes and returns the earliest entry; only when not empty. */
    Scheduled poll() {
        int slot = ringSize == 0 ? -1 : firstSlot();
        if (slot < 0 || (size > 0 && less(times[0], seqs[0], slotTime[slot], entrySeq[first[slot]]))) {
            polledTime = times[0];
            start = Math.max(start, polledTime); // nothing in the ring is earlier: it may move on
            return heapPoll();
        }
        start = slotTime[slot];
        polledTime = start;
        int cell = first[slot];
        Scheduled s = entry[cell];
        entry[cell] = null;
        first[slot] = next[cell];
        if (first[slot] < 0) {
            inUse[slot >>> 6] &= ~(1L << slot);
            earliest = -1;
        }
        next[cell] = freeCell;
        freeCell = cell;
        ringSize--;
        return s;
    }

    private void ringAdd(long time, long seq, Scheduled item) {
        int cell = freeCell;
        if (cell >= 0) {
            freeCell = next[cell];
        } else {
            if (entries == entry.length) {
                int n = entries * 2;
                entry = Arrays.copyOf(entry, n);
                entrySeq = Arrays.copyOf(entrySeq, n);
                next = Arrays.copyOf(next, n);
            }
            cell = entries++;
        }
        entry[cell] = item;
        entrySeq[cell] = seq;
        next[cell] = -1;
        int slot = (int) (time & MASK);
        if ((inUse[slot >>> 6] & (1L << slot)) == 0) {
            inUse[slot >>> 6] |= 1L << slot;
            slotTime[slot] = time;
            first[slot] = cell;
            if (earliest >= 0 && time < slotTime[earliest]) {
                earliest = slot;
            }
        } else {
            next[last[slot]] = cell;
        }
        last[slot] = cell;
        ringSize++;
    }

    /** The slot of the ring's earliest time: the first in use going round from the ring's start. */
    private int firstSlot() {
        if (earliest >= 0) {
            return earliest;
        }
        int from = (int) (start & MASK);
        int word = from >>> 6;
        long bits = inUse[word] & (-1L << from); // the start's word, from the start on
        for (int n = 0; n <= inUse.length; n++) {
            if (bits != 0) {
                earliest = (word << 6) | Long.numberOfTrailingZeros(bits);
                return earliest;
            }
            word = (word + 1) % inUse.length;
            bits = inUse[word];
        }
        return -1;
    }

    private void heapAdd(long time, long seq, Scheduled item) {
        if (size == times.length) {
            int n = size * 2;
            times = Arrays.copyOf(times, n);
            seqs = Arrays.copyOf(seqs, n);
            items = Arrays.copyOf(items, n);
        }
        int i = size++;
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

    private Scheduled heapPoll() {
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

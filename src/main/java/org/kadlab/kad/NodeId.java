package org.kadlab.kad;

import java.math.BigInteger;

/**
 * An immutable identifier in a Kademlia key space of up to 160 bits, stored right-aligned in
 * three words (32 + 64 + 64 bits) so that ids are compact and distances need no allocation.
 *
 * <p>Rules kept here:
 * <ol>
 *   <li>the distance of two ids is their XOR, read as an unsigned big-endian number;</li>
 *   <li>{@link #compareDistance(NodeId, NodeId, NodeId)} orders two ids by distance to a target
 *       without building the XOR;</li>
 *   <li>{@link #bucketIndex(NodeId)} is {@code bitLength(a XOR b) - 1}: bucket 0 is the closest.</li>
 * </ol>
 * The width of the key space lives in {@link KeySpace}; an id never has bits above it.
 */
public final class NodeId implements Comparable<NodeId> {
    /** The largest supported width of a key space, in bits (SHA-1 sized). */
    public static final int MAX_BITS = 160;

    private final int high;  // bits 159..128
    private final long mid;  // bits 127..64
    private final long low;  // bits 63..0

    NodeId(int high, long mid, long low) {
        this.high = high;
        this.mid = mid;
        this.low = low;
    }

    /** The id whose value is {@code value}, which must be non-negative and fit in 160 bits. */
    public static NodeId of(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > MAX_BITS) {
            throw new IllegalArgumentException("id value must lie in [0, 2^160): " + value);
        }
        long lo = value.longValue();
        long mi = value.shiftRight(64).longValue();
        int hi = value.shiftRight(128).intValue();
        return new NodeId(hi, mi, lo);
    }

    /** The id whose value is the given non-negative {@code long}. */
    public static NodeId of(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("id value must be non-negative: " + value);
        }
        return new NodeId(0, 0L, value);
    }

    /** This id as a non-negative {@link BigInteger}. */
    public BigInteger toBigInteger() {
        BigInteger v = BigInteger.valueOf(Integer.toUnsignedLong(high));
        v = v.shiftLeft(64).or(unsigned(mid));
        return v.shiftLeft(64).or(unsigned(low));
    }

    private static BigInteger unsigned(long w) {
        BigInteger b = BigInteger.valueOf(w & Long.MAX_VALUE);
        return w < 0 ? b.setBit(63) : b;
    }

    /** The XOR of this id and {@code other}: their distance, as an id-shaped number. */
    public NodeId xor(NodeId other) {
        return new NodeId(high ^ other.high, mid ^ other.mid, low ^ other.low);
    }

    /** The number of significant bits of this value (0 for zero). */
    public int bitLength() {
        if (high != 0) {
            return 160 - Integer.numberOfLeadingZeros(high);
        }
        if (mid != 0) {
            return 128 - Long.numberOfLeadingZeros(mid);
        }
        return 64 - Long.numberOfLeadingZeros(low);
    }

    /** Whether bit {@code i} (0 = least significant) is set. */
    public boolean testBit(int i) {
        if (i < 64) {
            return (low >>> i & 1L) != 0;
        }
        if (i < 128) {
            return (mid >>> (i - 64) & 1L) != 0;
        }
        return (high >>> (i - 128) & 1) != 0;
    }

    /** Whether this value is zero. */
    public boolean isZero() {
        return high == 0 && mid == 0 && low == 0;
    }

    /**
     * The bucket that {@code other} falls into as seen from this id: {@code bitLength(this XOR
     * other) - 1}, so 0 is the closest bucket; -1 when the ids are equal.
     */
    public int bucketIndex(NodeId other) {
        int h = high ^ other.high;
        if (h != 0) {
            return 159 - Integer.numberOfLeadingZeros(h);
        }
        long m = mid ^ other.mid;
        if (m != 0) {
            return 127 - Long.numberOfLeadingZeros(m);
        }
        return 63 - Long.numberOfLeadingZeros(low ^ other.low);
    }

    /**
     * Compares the XOR distances of {@code a} and {@code b} to {@code target}, as unsigned numbers:
     * negative when {@code a} is closer, zero when equally close (only if {@code a} equals {@code b}).
     */
    public static int compareDistance(NodeId target, NodeId a, NodeId b) {
        int c = Integer.compareUnsigned(a.high ^ target.high, b.high ^ target.high);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(a.mid ^ target.mid, b.mid ^ target.mid);
        if (c != 0) {
            return c;
        }
        return Long.compareUnsigned(a.low ^ target.low, b.low ^ target.low);
    }

    /** Unsigned numeric order of the id values (the order of distances when ids are distances). */
    @Override
    public int compareTo(NodeId o) {
        int c = Integer.compareUnsigned(high, o.high);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(mid, o.mid);
        return c != 0 ? c : Long.compareUnsigned(low, o.low);
    }

    /** This id as a fraction of a {@code bits}-wide key space, id / 2^bits, in [0, 1); no allocation. */
    public double fraction(int bits) {
        long t = top(bits);
        double unsigned = (double) (t >>> 1) * 2.0 + (t & 1L);
        return Math.min(Math.scalb(unsigned, -Math.min(bits, 64)), Math.nextDown(1.0));
    }

    /**
     * The 64 most significant bits of this id in a {@code bits}-wide key space (the whole value when
     * bits <= 64). XOR commutes with it, so {@code top(a) ^ top(t)} orders distances to t up to ties.
     */
    long top(int bits) {
        int shift = bits - 64;
        if (shift <= 0) {
            return low;
        }
        if (shift >= 64) {
            int s = shift - 64; // 0..32
            return s == 0 ? mid : (((long) high) << (64 - s)) | (mid >>> s);
        }
        return (mid << (64 - shift)) | (low >>> shift);
    }

    /**
     * The 32 most significant bits of this id in a {@code bits}-wide key space (the whole value when
     * bits <= 32), as an unsigned int: like {@link #top}, it orders distances up to ties.
     */
    int key32(int bits) {
        if (bits > 64) {
            return (int) (top(bits) >>> 32);
        }
        return (int) (low >>> Math.max(0, bits - 32));
    }

    int high() {
        return high;
    }

    long mid() {
        return mid;
    }

    long low() {
        return low;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeId n && n.high == high && n.mid == mid && n.low == low;
    }

    @Override
    public int hashCode() {
        long h = low * 0x9E3779B97F4A7C15L ^ mid * 0xC2B2AE3D27D4EB4FL ^ high;
        return (int) (h ^ h >>> 32);
    }

    /** The minimal lowercase hex rendering; use {@link KeySpace#hex(NodeId)} for padded output. */
    @Override
    public String toString() {
        return toBigInteger().toString(16);
    }
}

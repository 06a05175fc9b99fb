package org.kadlab.ui.model;

import java.math.BigInteger;
import org.kadlab.kad.NodeId;

/**
 * Where bucket i of a node lies in the id space, and how to say it briefly. Bucket i holds the ids
 * at XOR distance [2^i, 2^(i+1)): they share the owner's first (bits - 1 - i) bits and differ at the
 * next one, so they form one aligned block of 2^i ids, a single arc of the ID ring covering
 * 2^i / 2^bits of it (the farthest bucket, i = bits - 1, is half the ring).
 *
 * @param index the bucket index
 * @param bits  the width of the ids
 * @param start the block's first id as a fraction of the id space, in [0, 1)
 * @param share the block's size as a fraction of the id space, 2^(index - bits)
 */
public record BucketSpan(int index, int bits, double start, double share) {

    /** Bucket {@code index} of {@code owner} in a {@code bits}-wide id space. */
    public static BucketSpan of(NodeId owner, int index, int bits) {
        if (index < 0 || index >= bits) {
            throw new IllegalArgumentException("bucket " + index + " outside 0.." + (bits - 1));
        }
        return new BucketSpan(index, bits, first(owner, index).fraction(bits), RingGeometry.bucketShare(index, bits));
    }

    /** The first id of bucket {@code index} of {@code owner}: the owner's higher bits, bit {@code index} flipped, zeros below. */
    public static NodeId first(NodeId owner, int index) {
        BigInteger v = owner.toBigInteger().flipBit(index).shiftRight(index).shiftLeft(index);
        return NodeId.of(v);
    }

    /** How deep in the binary trie the bucket's subtree hangs: it shares this many leading bits with the owner. */
    public int depth() {
        return bits - 1 - index;
    }

    /** The angle the bucket's arc starts at, in degrees clockwise from the top (id 0). */
    public double startDegrees() {
        return start * 360;
    }

    /** The angle the bucket's arc spans, in degrees: its share of the full turn. */
    public double extentDegrees() {
        return share * 360;
    }

    /** The bucket's share of the id space as a fraction: "1/2", "1/4", ... "1/1024", then "1/2^11" and up. */
    public String shareText() {
        return shareText(index, bits);
    }

    /** The share of bucket {@code index} of {@code bits}-wide ids as a fraction (see {@link #shareText()}). */
    public static String shareText(int index, int bits) {
        int e = bits - index;
        return e <= 10 ? "1/" + (1 << e) : "1/2^" + e;
    }

    /** The bucket's XOR-distance range, compactly: "2^15..2^16" (from 2^i up to, not including, 2^(i+1)). */
    public static String rangeText(int index) {
        return "2^" + index + ".." + "2^" + (index + 1);
    }

    /** "bucket 15: 1/2 of the id space, 3/4 contacts". */
    public static String describe(int index, int bits, int held, int k) {
        return "bucket " + index + ": " + shareText(index, bits) + " of the id space, " + held + "/" + k + " contacts";
    }
}

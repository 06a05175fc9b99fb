package org.kadlab.kad;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.random.RandomGenerator;

/**
 * A key space of B bits (1 to 160): makes, parses and renders ids of that width.
 *
 * <ol>
 *   <li>Hex renderings are lowercase and zero-padded to ceil(B/4) digits; binary ones to B digits.</li>
 *   <li>Parsing accepts hex ({@code 3a}, {@code 0x3a}) or binary ({@code 0b0011_1010}) and names
 *       what is wrong: an empty text, a bad character and its position, too many digits, or a
 *       value with bits above B.</li>
 *   <li>The id of a user key is the top B bits of SHA-1 of its UTF-8 bytes.</li>
 *   <li>{@link #randomIdInBucket} flips bit i of the local id and randomises every lower bit, so
 *       the result always lands in bucket i.</li>
 * </ol>
 */
public final class KeySpace {
    private static final KeySpace[] SHARED = new KeySpace[NodeId.MAX_BITS + 1];

    private final int bits;
    private final int hexDigits;
    private final NodeId max;

    /** The key space {@code bits} wide, one shared instance per width (a key space is immutable). */
    public static KeySpace of(int bits) {
        if (bits < 1 || bits > NodeId.MAX_BITS) {
            return new KeySpace(bits); // the constructor says what is wrong
        }
        KeySpace ks = SHARED[bits];
        if (ks == null) {
            ks = new KeySpace(bits);
            SHARED[bits] = ks; // a benign race: at worst two equal instances
        }
        return ks;
    }

    /** A key space of {@code bits} bits; rejects widths outside 1..160. */
    public KeySpace(int bits) {
        if (bits < 1 || bits > NodeId.MAX_BITS) {
            throw new IllegalArgumentException("bits must be between 1 and 160, was " + bits);
        }
        this.bits = bits;
        this.hexDigits = (bits + 3) / 4;
        this.max = NodeId.of(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
    }

    /** The width B of this key space. */
    public int bits() {
        return bits;
    }

    /** The number of hex digits of a rendered id: ceil(B/4). */
    public int hexDigits() {
        return hexDigits;
    }

    /** Whether {@code id} has no bit at or above B. */
    public boolean contains(NodeId id) {
        return id.bitLength() <= bits;
    }

    /** The id with this value; rejects values outside [0, 2^B). */
    public NodeId id(long value) {
        NodeId id = NodeId.of(value);
        requireInside(id);
        return id;
    }

    /** The id with this value; rejects values outside [0, 2^B). */
    public NodeId id(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > bits) {
            throw new IllegalArgumentException("value " + value.toString(16) + " does not fit in " + bits + " bits");
        }
        return NodeId.of(value);
    }

    private void requireInside(NodeId id) {
        if (!contains(id)) {
            throw new IllegalArgumentException("id " + id + " has bits above the " + bits + "-bit key space");
        }
    }

    /** Lowercase hex, zero-padded to ceil(B/4) digits. */
    public String hex(NodeId id) {
        String s = id.toBigInteger().toString(16);
        return s.length() >= hexDigits ? s : "0".repeat(hexDigits - s.length()) + s;
    }

    /** Binary, zero-padded to B digits. */
    public String binary(NodeId id) {
        StringBuilder sb = new StringBuilder(bits);
        for (int i = bits - 1; i >= 0; i--) {
            sb.append(id.testBit(i) ? '1' : '0');
        }
        return sb.toString();
    }

    /**
     * Parses an id typed as hex ({@code 3a}, {@code 0x3a}) or binary ({@code 0b00111010}, underscores
     * allowed). Shorter input is zero-padded on the left. Text starting with {@code 0b} is binary,
     * except a full-width hex rendering (exactly ceil(B/4) hex digits, as {@link #hex} prints it),
     * so that every printed id parses back to itself.
     *
     * @throws IllegalArgumentException with a message saying what is wrong and where
     */
    public NodeId parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("id is empty: type " + hexDigits + " hex digits or 0b and " + bits + " binary digits");
        }
        String t = text.strip();
        if ((t.startsWith("0b") || t.startsWith("0B")) && !isFullWidthHex(t)) {
            return parseDigits(t, 2, 2, bits, "binary");
        }
        int start = t.startsWith("0x") || t.startsWith("0X") ? 2 : 0;
        return parseDigits(t, start, 16, hexDigits, "hex");
    }

    /** A full-width hex rendering that happens to start with "0b" (such as 0b3f for 16 bits) is hex. */
    private boolean isFullWidthHex(String t) {
        if (t.length() != hexDigits) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (Character.digit(t.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private NodeId parseDigits(String t, int start, int radix, int maxDigits, String kind) {
        StringBuilder digits = new StringBuilder(t.length());
        for (int i = start; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '_') {
                continue;
            }
            if (Character.digit(c, radix) < 0) {
                throw new IllegalArgumentException("'" + c + "' at position " + (i + 1) + " of \"" + t
                        + "\" is not a " + kind + " digit");
            }
            digits.append(c);
        }
        if (digits.length() == 0) {
            throw new IllegalArgumentException("\"" + t + "\" has no " + kind + " digits");
        }
        if (digits.length() > maxDigits) {
            throw new IllegalArgumentException("\"" + t + "\" has " + digits.length() + " " + kind
                    + " digits; a " + bits + "-bit id has at most " + maxDigits);
        }
        BigInteger v = new BigInteger(digits.toString(), radix);
        if (v.bitLength() > bits) {
            throw new IllegalArgumentException("\"" + t + "\" is larger than the largest " + bits + "-bit id " + hex(max));
        }
        return NodeId.of(v);
    }

    /** The id of a user key: the top B bits of SHA-1 of its UTF-8 bytes. */
    public NodeId keyId(String key) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-1").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
        return NodeId.of(new BigInteger(1, digest).shiftRight(NodeId.MAX_BITS - bits));
    }

    /** A uniformly random id of this key space. */
    public NodeId randomId(RandomGenerator random) {
        return mask(new NodeId(random.nextInt(), random.nextLong(), random.nextLong()), bits);
    }

    /**
     * A random id in bucket {@code index} of {@code local}: bit {@code index} flipped, every lower
     * bit random, every higher bit equal to {@code local}'s.
     */
    public NodeId randomIdInBucket(NodeId local, int index, RandomGenerator random) {
        if (index < 0 || index >= bits) {
            throw new IllegalArgumentException("bucket index must be between 0 and " + (bits - 1) + ", was " + index);
        }
        NodeId noise = mask(new NodeId(random.nextInt(), random.nextLong(), random.nextLong()), index);
        NodeId flip = bit(index);
        // keep local above index, flip bit index, take noise below it
        NodeId keepMask = mask(new NodeId(-1, -1L, -1L), bits).xor(mask(new NodeId(-1, -1L, -1L), index + 1));
        NodeId kept = and(local, keepMask);
        NodeId flipped = and(local, flip).xor(flip);
        return kept.xor(flipped).xor(noise);
    }

    /** The largest id of this key space, 2^B - 1. */
    public NodeId maxId() {
        return max;
    }

    /** The unsigned XOR distance of two ids as a number. */
    public static BigInteger distance(NodeId a, NodeId b) {
        return a.xor(b).toBigInteger();
    }

    static NodeId bit(int i) {
        if (i < 64) {
            return new NodeId(0, 0L, 1L << i);
        }
        if (i < 128) {
            return new NodeId(0, 1L << (i - 64), 0L);
        }
        return new NodeId(1 << (i - 128), 0L, 0L);
    }

    /** Keeps only the lowest {@code n} bits of {@code id}. */
    static NodeId mask(NodeId id, int n) {
        long lo = n >= 64 ? id.low() : n <= 0 ? 0L : id.low() & ((1L << n) - 1);
        long mi = n >= 128 ? id.mid() : n <= 64 ? 0L : id.mid() & ((1L << (n - 64)) - 1);
        int hi = n >= 160 ? id.high() : n <= 128 ? 0 : id.high() & ((1 << (n - 128)) - 1);
        return new NodeId(hi, mi, lo);
    }

    private static NodeId and(NodeId a, NodeId b) {
        return new NodeId(a.high() & b.high(), a.mid() & b.mid(), a.low() & b.low());
    }

    @Override
    public String toString() {
        return bits + "-bit key space";
    }
}

package org.kadlab.kad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property 1 of KADEMLIA-NOTES.md: XOR distance is a metric-like function and {@link
 * NodeId#compareDistance} orders exactly like unsigned {@link BigInteger} comparison of the XORs.
 * Property tests are seeded loops over {@link Random}; every message names the rule and the input.
 */
class NodeIdTest {
    static final int[] WIDTHS = {8, 16, 32, 64, 100, 128, 160};
    static final int ITERATIONS = 3_000;

    /**
     * A random id of the given width. A third of the time it shares a long random prefix with
     * {@code near} (so the lower words of the three-word representation decide comparisons), and
     * sometimes it is an extreme value (0, 2^B - 1, a single bit around a word boundary).
     */
    static NodeId randomId(Random r, KeySpace ks, NodeId near) {
        int bits = ks.bits();
        switch (r.nextInt(6)) {
            case 0, 1 -> {
                if (near != null) {
                    // keep the bits above a random position, randomise the rest
                    int keep = r.nextInt(bits + 1);
                    BigInteger low = new BigInteger(keep, r);
                    BigInteger high = near.toBigInteger().shiftRight(keep).shiftLeft(keep);
                    return ks.id(high.or(low));
                }
                return ks.randomId(r);
            }
            case 2 -> {
                int pick = r.nextInt(6);
                return switch (pick) {
                    case 0 -> ks.id(0);
                    case 1 -> ks.maxId();
                    case 2 -> ks.id(BigInteger.ONE.shiftLeft(bits - 1));
                    case 3 -> ks.id(BigInteger.ONE.shiftLeft(Math.min(63, bits - 1)));
                    case 4 -> ks.id(BigInteger.ONE.shiftLeft(Math.min(64, bits - 1)));
                    default -> ks.id(BigInteger.ONE.shiftLeft(Math.min(128, bits - 1)));
                };
            }
            default -> {
                return ks.randomId(r);
            }
        }
    }

    @Test
    void valueRoundTripsThroughBigIntegerAndLong() {
        Random r = new Random(11);
        for (int bits : WIDTHS) {
            KeySpace ks = new KeySpace(bits);
            for (int i = 0; i < ITERATIONS; i++) {
                BigInteger v = new BigInteger(bits, r);
                NodeId id = NodeId.of(v);
                assertThat(id.toBigInteger()).as("of(v).toBigInteger() == v for v=%s", v.toString(16)).isEqualTo(v);
                assertThat(id.bitLength()).as("bitLength of %s", v.toString(16)).isEqualTo(v.bitLength());
                assertThat(id.isZero()).as("isZero of %s", v.toString(16)).isEqualTo(v.signum() == 0);
                assertThat(ks.contains(id)).isTrue();
                int bit = r.nextInt(bits);
                assertThat(id.testBit(bit)).as("testBit(%d) of %s", bit, v.toString(16)).isEqualTo(v.testBit(bit));
                assertThat(id).isEqualTo(NodeId.of(v)).hasSameHashCodeAs(NodeId.of(v));
            }
        }
        long l = 0x7fff_ffff_ffff_fffeL;
        assertThat(NodeId.of(l).toBigInteger()).isEqualTo(BigInteger.valueOf(l));
        assertThat(NodeId.of(BigInteger.ONE.shiftLeft(160).subtract(BigInteger.ONE)).bitLength()).isEqualTo(160);
    }

    @Test
    void rejectsValuesOutsideOneHundredSixtyBits() {
        assertThatThrownBy(() -> NodeId.of(BigInteger.ONE.shiftLeft(160)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeId.of(BigInteger.valueOf(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeId.of(-1L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void distanceToSelfIsZero() {
        Random r = new Random(1);
        for (int bits : WIDTHS) {
            KeySpace ks = new KeySpace(bits);
            for (int i = 0; i < ITERATIONS; i++) {
                NodeId a = randomId(r, ks, null);
                assertThat(a.xor(a).isZero()).as("d(a,a) = 0 for a=%s (B=%d)", ks.hex(a), bits).isTrue();
                assertThat(KeySpace.distance(a, a)).as("d(a,a) = 0 for a=%s", ks.hex(a)).isZero();
                assertThat(a.bucketIndex(a)).as("bucketIndex(a,a) = -1 for a=%s", ks.hex(a)).isEqualTo(-1);
                assertThat(NodeId.compareDistance(a, a, a)).isZero();
            }
        }
    }

    @Test
    void distanceIsSymmetricAndMatchesBigIntegerXor() {
        Random r = new Random(2);
        for (int bits : WIDTHS) {
            KeySpace ks = new KeySpace(bits);
            for (int i = 0; i < ITERATIONS; i++) {
                NodeId a = randomId(r, ks, null);
                NodeId b = randomId(r, ks, a);
                BigInteger expected = a.toBigInteger().xor(b.toBigInteger());
                assertThat(a.xor(b)).as("d(a,b) = d(b,a) for a=%s b=%s (B=%d)", ks.hex(a), ks.hex(b), bits)
                        .isEqualTo(b.xor(a));
                assertThat(KeySpace.distance(a, b)).as("d(a,b) = a XOR b for a=%s b=%s", ks.hex(a), ks.hex(b))
                        .isEqualTo(expected);
                assertThat(ks.contains(a.xor(b))).as("d(a,b) stays in the %d-bit space", bits).isTrue();
                assertThat(a.xor(b).isZero()).as("d(a,b) = 0 iff a = b, a=%s b=%s", ks.hex(a), ks.hex(b))
                        .isEqualTo(a.equals(b));
            }
        }
    }

    @Test
    void distanceSatisfiesXorTriangleIdentity() {
        Random r = new Random(3);
        for (int bits : WIDTHS) {
            KeySpace ks = new KeySpace(bits);
            for (int i = 0; i < ITERATIONS; i++) {
                NodeId a = randomId(r, ks, null);
                NodeId b = randomId(r, ks, a);
                NodeId c = randomId(r, ks, r.nextBoolean() ? a : b);
                assertThat(a.xor(c))
                        .as("d(a,c) = d(a,b) XOR d(b,c) for a=%s b=%s c=%s (B=%d)", ks.hex(a), ks.hex(b), ks.hex(c), bits)
                        .isEqualTo(a.xor(b).xor(b.xor(c)));
                // the XOR "triangle inequality": d(a,c) <= d(a,b) + d(b,c)
                BigInteger ab = KeySpace.distance(a, b);
                BigInteger bc = KeySpace.distance(b, c);
                assertThat(KeySpace.distance(a, c)).as("d(a,c) <= d(a,b) + d(b,c) for a=%s b=%s c=%s",
                        ks.hex(a), ks.hex(b), ks.hex(c)).isLessThanOrEqualTo(ab.add(bc));
            }
        }
    }

    @Test
    void compareDistanceEqualsUnsignedBigIntegerOrder() {
        Random r = new Random(4);
        for (int bits : WIDTHS) {
            KeySpace ks = new KeySpace(bits);
            for (int i = 0; i < ITERATIONS * 2; i++) {
                NodeId t = randomId(r, ks, null);
                NodeId a = randomId(r, ks, t);
                NodeId b = r.nextInt(10) == 0 ? a : randomId(r, ks, r.nextBoolean() ? a : t);
                int expected = Integer.signum(KeySpace.distance(t, a).compareTo(KeySpace.distance(t, b)));
                assertThat(Integer.signum(NodeId.compareDistance(t, a, b)))
                        .as("sign(compareDistance(t,a,b)) = sign(BigInteger(a^t) cmp BigInteger(b^t)) for t=%s a=%s b=%s (B=%d)",
                                ks.hex(t), ks.hex(a), ks.hex(b), bits)
                        .isEqualTo(expected);
                assertThat(Integer.signum(NodeId.compareDistance(t, b, a)))
                        .as("compareDistance is antisymmetric for t=%s a=%s b=%s", ks.hex(t), ks.hex(a), ks.hex(b))
                        .isEqualTo(-expected);
                assertThat(Integer.signum(a.xor(t).compareTo(b.xor(t))))
                        .as("compareTo of distances = BigInteger order for t=%s a=%s b=%s", ks.hex(t), ks.hex(a), ks.hex(b))
                        .isEqualTo(expected);
                assertThat(Integer.signum(a.compareTo(b)))
                        .as("compareTo = unsigned value order for a=%s b=%s", ks.hex(a), ks.hex(b))
                        .isEqualTo(Integer.signum(a.toBigInteger().compareTo(b.toBigInteger())));
            }
        }
    }

    @Test
    void bucketIndexIsBitLengthOfXorMinusOne() {
        Random r = new Random(5);
        for (int bits : WIDTHS) {
            KeySpace ks = new KeySpace(bits);
            for (int i = 0; i < ITERATIONS; i++) {
                NodeId a = randomId(r, ks, null);
                NodeId b = randomId(r, ks, a);
                int expected = a.toBigInteger().xor(b.toBigInteger()).bitLength() - 1;
                assertThat(a.bucketIndex(b)).as("bucketIndex(a,b) = bitLength(a^b)-1 for a=%s b=%s (B=%d)",
                        ks.hex(a), ks.hex(b), bits).isEqualTo(expected).isEqualTo(b.bucketIndex(a));
                assertThat(a.bucketIndex(b)).as("bucket index lies in [-1, B)").isBetween(-1, bits - 1);
            }
        }
    }

    @Test
    void toStringIsMinimalLowercaseHex() {
        assertThat(NodeId.of(0xABCL).toString()).isEqualTo("abc");
        assertThat(NodeId.of(0).toString()).isEqualTo("0");
    }

    @Test
    void topWordsOrderDistancesLikeTheFullIdsUpToTies() {
        java.util.Random r = new java.util.Random(91);
        for (int bits = 1; bits <= 160; bits++) {
            KeySpace ks = new KeySpace(bits);
            for (int n = 0; n < 200; n++) {
                NodeId t = ks.randomId(r);
                NodeId a = ks.randomId(r);
                NodeId b = n % 5 == 0 ? ks.randomIdInBucket(a, r.nextInt(bits), r) : ks.randomId(r);
                int byTop = Long.compareUnsigned(a.top(bits) ^ t.top(bits), b.top(bits) ^ t.top(bits));
                int full = NodeId.compareDistance(t, a, b);
                if (byTop != 0) {
                    assertThat(Integer.signum(byTop)).as("top-word order of %s and %s to %s in %d bits", a, b, t, bits)
                            .isEqualTo(Integer.signum(full));
                }
                assertThat(a.top(bits)).as("top(%d) of %s is its value shifted right by max(0, bits - 64)", bits, a)
                        .isEqualTo(a.toBigInteger().shiftRight(Math.max(0, bits - 64)).longValue());
            }
        }
    }

    @Test
    void fractionIsTheIdOverTwoToTheBits() {
        java.util.Random r = new java.util.Random(17);
        for (int bits = 1; bits <= 160; bits++) {
            KeySpace ks = new KeySpace(bits);
            for (int n = 0; n < 50; n++) {
                NodeId id = ks.randomId(r);
                double want = new java.math.BigDecimal(id.toBigInteger())
                        .divide(new java.math.BigDecimal(java.math.BigInteger.ONE.shiftLeft(bits))).doubleValue();
                assertThat(id.fraction(bits)).as("fraction of %s in %d bits", id, bits)
                        .isCloseTo(want, org.assertj.core.data.Offset.offset(1e-15)).isLessThan(1.0).isGreaterThanOrEqualTo(0.0);
            }
        }
        assertThat(new KeySpace(160).maxId().fraction(160)).isLessThan(1.0);
    }
}

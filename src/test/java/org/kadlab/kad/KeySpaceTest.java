package org.kadlab.kad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The key space of B bits: bucket indices (test vectors and property 2), random ids in a bucket,
 * hex/binary rendering, parsing with clear errors, and SHA-1 key ids.
 */
class KeySpaceTest {
    static final int[] WIDTHS = NodeIdTest.WIDTHS;

    private static BigInteger pow2(int i) {
        return BigInteger.ONE.shiftLeft(i);
    }

    // ---- bucket index test vectors (KADEMLIA-NOTES.md) ----

    @Test
    void bucketIndexTestVectorsFromTheNotes() {
        KeySpace ks = new KeySpace(160);
        NodeId local = ks.id(0);
        assertThat(local.bucketIndex(ks.parse("0".repeat(39) + "1"))).isZero();
        assertThat(local.bucketIndex(ks.parse("0x" + "0".repeat(39) + "1"))).isZero();
        assertThat(local.bucketIndex(ks.parse("80" + "0".repeat(38)))).isEqualTo(159);
        assertThat(local.bucketIndex(ks.parse("0080" + "0".repeat(36)))).isEqualTo(151);
        assertThat(local.bucketIndex(ks.maxId())).isEqualTo(159);
        assertThat(local.bucketIndex(local)).isEqualTo(-1);
    }

    @Test
    void bucketIndexVectorsInAnEightBitSpace() {
        KeySpace ks = new KeySpace(8);
        NodeId local = ks.parse("0b0000_0000");
        assertThat(local.bucketIndex(ks.parse("0b0000_0001"))).isZero();
        assertThat(local.bucketIndex(ks.parse("0b0000_0011"))).isEqualTo(1);
        assertThat(local.bucketIndex(ks.parse("0b0000_0010"))).isEqualTo(1);
        assertThat(local.bucketIndex(ks.parse("0b0001_0110"))).isEqualTo(4);
        assertThat(local.bucketIndex(ks.parse("0b1000_0000"))).isEqualTo(7);
        NodeId other = ks.parse("0b1010_1010");
        assertThat(other.bucketIndex(ks.parse("0b1010_1011"))).isZero();
        assertThat(other.bucketIndex(ks.parse("0b1010_0000"))).isEqualTo(3);
        assertThat(other.bucketIndex(ks.parse("0b0010_1010"))).isEqualTo(7);
    }

    // ---- property 2 ----

    @Test
    void bucketsPartitionEveryNonZeroDistanceExhaustivelyInEightBits() {
        KeySpace ks = new KeySpace(8);
        for (int local = 0; local < 256; local++) {
            int[] perBucket = new int[8];
            for (int other = 0; other < 256; other++) {
                NodeId a = ks.id(local);
                NodeId b = ks.id(other);
                int d = local ^ other;
                int index = a.bucketIndex(b);
                if (d == 0) {
                    assertThat(index).as("no bucket for distance 0 (local=%d)", local).isEqualTo(-1);
                    continue;
                }
                int covering = 0;
                for (int i = 0; i < 8; i++) {
                    if (d >= (1 << i) && d < (1 << (i + 1))) {
                        covering++;
                        assertThat(index).as("distance %d lies in bucket %d = [2^%d, 2^%d) (local=%d other=%d)",
                                d, i, i, i + 1, local, other).isEqualTo(i);
                    }
                }
                assertThat(covering).as("exactly one bucket covers distance %d", d).isEqualTo(1);
                perBucket[index]++;
            }
            for (int i = 0; i < 8; i++) {
                assertThat(perBucket[i]).as("bucket %d of %d holds 2^%d ids", i, local, i).isEqualTo(1 << i);
            }
        }
    }

    @Test
    void bucketsCoverEveryNonZeroDistanceWithoutOverlapAtEveryWidth() {
        Random r = new Random(21);
        for (int bits : WIDTHS) {
            KeySpace ks = new KeySpace(bits);
            for (int n = 0; n < 3_000; n++) {
                NodeId a = NodeIdTest.randomId(r, ks, null);
                NodeId b = NodeIdTest.randomId(r, ks, a);
                BigInteger d = KeySpace.distance(a, b);
                int index = a.bucketIndex(b);
                if (d.signum() == 0) {
                    assertThat(index).isEqualTo(-1);
                    continue;
                }
                assertThat(index).as("bucket of a nonzero distance lies in [0, B) (B=%d)", bits).isBetween(0, bits - 1);
                assertThat(d).as("distance %s lies in bucket %d = [2^i, 2^(i+1)) (a=%s b=%s)",
                        d.toString(16), index, ks.hex(a), ks.hex(b))
                        .isGreaterThanOrEqualTo(pow2(index)).isLessThan(pow2(index + 1));
            }
        }
    }

    @Test
    void randomIdInBucketAlwaysLandsInItsBucketAndKeepsTheHigherBits() {
        for (int bits : WIDTHS) {
            KeySpace ks = new KeySpace(bits);
            for (long seed = 0; seed < 12; seed++) {
                Random r = new Random(1000 * bits + seed);
                NodeId local = NodeIdTest.randomId(r, ks, null);
                for (int i = 0; i < bits; i++) {
                    NodeId id = ks.randomIdInBucket(local, i, r);
                    assertThat(ks.contains(id)).as("randomIdInBucket(%s, %d) stays in %d bits", ks.hex(local), i, bits)
                            .isTrue();
                    assertThat(local.bucketIndex(id)).as("randomIdInBucket(%s, %d) = %s lands in bucket %d (B=%d, seed=%d)",
                            ks.hex(local), i, ks.hex(id), i, bits, seed).isEqualTo(i);
                    assertThat(id.toBigInteger().shiftRight(i + 1))
                            .as("bits above %d are local's (local=%s id=%s)", i, ks.hex(local), ks.hex(id))
                            .isEqualTo(local.toBigInteger().shiftRight(i + 1));
                    assertThat(id.testBit(i)).as("bit %d is flipped (local=%s id=%s)", i, ks.hex(local), ks.hex(id))
                            .isNotEqualTo(local.testBit(i));
                }
            }
        }
    }

    @Test
    void randomIdInBucketRandomisesEveryLowerBit() {
        for (int bits : new int[] {8, 64, 100, 160}) {
            KeySpace ks = new KeySpace(bits);
            Random r = new Random(77 + bits);
            NodeId local = ks.randomId(r);
            for (int i : new int[] {1, 2, bits / 2, bits - 1}) {
                BigInteger seenOne = BigInteger.ZERO;
                BigInteger seenZero = BigInteger.ZERO;
                BigInteger lowMask = pow2(i).subtract(BigInteger.ONE);
                for (int n = 0; n < 200; n++) {
                    BigInteger v = ks.randomIdInBucket(local, i, r).toBigInteger().and(lowMask);
                    seenOne = seenOne.or(v);
                    seenZero = seenZero.or(v.not().and(lowMask));
                }
                assertThat(seenOne).as("every bit below %d was 1 at least once in 200 draws (B=%d)", i, bits)
                        .isEqualTo(lowMask);
                assertThat(seenZero).as("every bit below %d was 0 at least once in 200 draws (B=%d)", i, bits)
                        .isEqualTo(lowMask);
            }
        }
    }

    @Test
    void randomIdInBucketRejectsIndicesOutsideTheSpace() {
        KeySpace ks = new KeySpace(8);
        Random r = new Random(0);
        assertThatThrownBy(() -> ks.randomIdInBucket(ks.id(0), 8, r))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bucket index");
        assertThatThrownBy(() -> ks.randomIdInBucket(ks.id(0), -1, r))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bucket index");
    }

    @Test
    void randomIdStaysInsideTheSpace() {
        Random r = new Random(9);
        for (int bits : new int[] {1, 2, 7, 8, 31, 32, 33, 63, 64, 65, 100, 127, 128, 129, 159, 160}) {
            KeySpace ks = new KeySpace(bits);
            BigInteger or = BigInteger.ZERO;
            for (int n = 0; n < 300; n++) {
                NodeId id = ks.randomId(r);
                assertThat(ks.contains(id)).as("randomId fits in %d bits: %s", bits, id).isTrue();
                or = or.or(id.toBigInteger());
            }
            assertThat(or).as("every bit of a %d-bit random id is used", bits).isEqualTo(pow2(bits).subtract(BigInteger.ONE));
        }
    }

    // ---- rendering ----

    @Test
    void hexIsLowercaseAndZeroPaddedToCeilBOverFourDigits() {
        assertThat(new KeySpace(8).hex(new KeySpace(8).id(3))).isEqualTo("03");
        assertThat(new KeySpace(8).hex(new KeySpace(8).id(0xAB))).isEqualTo("ab");
        assertThat(new KeySpace(10).hex(new KeySpace(10).id(5))).isEqualTo("005");
        assertThat(new KeySpace(1).hex(new KeySpace(1).id(1))).isEqualTo("1");
        assertThat(new KeySpace(160).hex(new KeySpace(160).id(0))).isEqualTo("0".repeat(40));
        assertThat(new KeySpace(160).hex(new KeySpace(160).maxId())).isEqualTo("f".repeat(40));
        Random r = new Random(31);
        for (int bits = 1; bits <= 160; bits++) {
            KeySpace ks = new KeySpace(bits);
            assertThat(ks.hexDigits()).isEqualTo((bits + 3) / 4);
            for (int n = 0; n < 20; n++) {
                NodeId id = ks.randomId(r);
                String hex = ks.hex(id);
                assertThat(hex).as("hex of %s in %d bits", id, bits).hasSize((bits + 3) / 4).matches("[0-9a-f]+");
                assertThat(new BigInteger(hex, 16)).isEqualTo(id.toBigInteger());
            }
        }
    }

    @Test
    void binaryIsZeroPaddedToBDigits() {
        KeySpace ks = new KeySpace(8);
        assertThat(ks.binary(ks.id(3))).isEqualTo("00000011");
        assertThat(ks.binary(ks.id(0xff))).isEqualTo("11111111");
        assertThat(new KeySpace(1).binary(new KeySpace(1).id(0))).isEqualTo("0");
        Random r = new Random(32);
        for (int bits : WIDTHS) {
            KeySpace space = new KeySpace(bits);
            for (int n = 0; n < 50; n++) {
                NodeId id = space.randomId(r);
                String bin = space.binary(id);
                assertThat(bin).as("binary of %s in %d bits", id, bits).hasSize(bits).matches("[01]+");
                assertThat(new BigInteger(bin, 2)).isEqualTo(id.toBigInteger());
            }
        }
    }

    // ---- parsing ----

    @Test
    void parsesHexWithOrWithoutPrefixAndBinaryWithUnderscores() {
        KeySpace ks = new KeySpace(8);
        NodeId expected = ks.id(0x3a);
        assertThat(ks.parse("3a")).isEqualTo(expected);
        assertThat(ks.parse("0x3a")).isEqualTo(expected);
        assertThat(ks.parse("0X3A")).isEqualTo(expected);
        assertThat(ks.parse("3A")).isEqualTo(expected);
        assertThat(ks.parse("  3a  ")).isEqualTo(expected);
        assertThat(ks.parse("0b0011_1010")).isEqualTo(expected);
        assertThat(ks.parse("0b00111010")).isEqualTo(expected);
        assertThat(ks.parse("0B11_1010")).as("shorter binary is zero-padded").isEqualTo(expected);
        assertThat(ks.parse("a")).as("shorter hex is zero-padded").isEqualTo(ks.id(10));
        assertThat(ks.parse("0b0000_0011")).isEqualTo(ks.id(3));
        assertThat(new KeySpace(160).parse("f".repeat(40))).isEqualTo(new KeySpace(160).maxId());
    }

    @Test
    void parseRoundTripsRenderedIds() {
        Random r = new Random(33);
        for (int bits = 1; bits <= 160; bits++) {
            KeySpace ks = new KeySpace(bits);
            for (int n = 0; n < 20; n++) {
                NodeId id = ks.randomId(r);
                assertThat(ks.parse("0x" + ks.hex(id))).as("parse(0x + hex(%s)) in %d bits", id, bits).isEqualTo(id);
                assertThat(ks.parse(ks.hex(id))).as("parse(hex(%s)) in %d bits", id, bits).isEqualTo(id);
                assertThat(ks.parse("0b" + ks.binary(id))).as("parse(0b + binary(%s)) in %d bits", id, bits).isEqualTo(id);
            }
        }
    }

    @Test
    void aFullWidthHexRenderingThatStartsWithZeroBIsReadAsHex() {
        KeySpace ks = new KeySpace(16);
        assertThat(ks.parse("0b10")).as("four hex digits in a 16-bit space").isEqualTo(ks.id(0x0b10));
        assertThat(ks.parse("0b3f")).isEqualTo(ks.id(0x0b3f));
        assertThat(ks.parse("0b101")).as("fewer digits than the hex width: binary").isEqualTo(ks.id(5));
        assertThat(ks.parse("0b0000_0000_0000_0010")).isEqualTo(ks.id(2));
    }

    @Test
    void parseRejectsEmptyInput() {
        KeySpace ks = new KeySpace(8);
        for (String empty : new String[] {"", "   ", null}) {
            assertThatThrownBy(() -> ks.parse(empty)).as("parse(%s)", empty)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        }
        assertThatThrownBy(() -> ks.parse("0x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no hex digits");
        assertThatThrownBy(() -> ks.parse("0b__")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no binary digits");
    }

    @Test
    void parseNamesABadCharacterAndItsPosition() {
        KeySpace ks = new KeySpace(16);
        assertThatThrownBy(() -> ks.parse("3g")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'g'").hasMessageContaining("position 2").hasMessageContaining("hex");
        assertThatThrownBy(() -> ks.parse("0x3z")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'z'").hasMessageContaining("position 4");
        assertThatThrownBy(() -> ks.parse("0b0012")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'2'").hasMessageContaining("position 6").hasMessageContaining("binary");
        assertThatThrownBy(() -> ks.parse("12 4")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("' '").hasMessageContaining("position 3");
        assertThatThrownBy(() -> ks.parse("-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'-'").hasMessageContaining("position 1");
    }

    @Test
    void parseRejectsTooManyDigits() {
        KeySpace ks = new KeySpace(8);
        assertThatThrownBy(() -> ks.parse("123")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 hex digits").hasMessageContaining("at most 2");
        assertThatThrownBy(() -> ks.parse("0x003")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 2");
        assertThatThrownBy(() -> ks.parse("0b0_0000_0011")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9 binary digits").hasMessageContaining("at most 8");
        assertThatThrownBy(() -> new KeySpace(160).parse("1".repeat(41))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("41 hex digits").hasMessageContaining("at most 40");
    }

    @Test
    void parseRejectsAValueAboveTheLargestId() {
        KeySpace ks = new KeySpace(10); // 3 hex digits hold 12 bits, the largest id is 3ff
        assertThat(ks.parse("3ff")).isEqualTo(ks.maxId());
        assertThatThrownBy(() -> ks.parse("400")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("larger than the largest 10-bit id 3ff");
        KeySpace one = new KeySpace(1);
        assertThat(one.parse("1")).isEqualTo(one.maxId());
        assertThatThrownBy(() -> one.parse("2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("larger than the largest 1-bit id");
        KeySpace wide = new KeySpace(159);
        assertThatThrownBy(() -> wide.parse("8" + "0".repeat(39))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("larger than the largest 159-bit id");
    }

    @Test
    void idRejectsValuesOutsideTheSpace() {
        KeySpace ks = new KeySpace(8);
        assertThat(ks.id(255)).isEqualTo(ks.maxId());
        assertThatThrownBy(() -> ks.id(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ks.id(BigInteger.valueOf(256))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ks.id(BigInteger.valueOf(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ks.contains(NodeId.of(256))).isFalse();
    }

    // ---- key ids ----

    private static byte[] sha1(String key) throws Exception {
        return MessageDigest.getInstance("SHA-1").digest(key.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keyIdIsTheTopBBitsOfSha1() throws Exception {
        KeySpace full = new KeySpace(160);
        KeySpace eight = new KeySpace(8);
        KeySpace twelve = new KeySpace(12);
        for (String key : new String[] {"", "hello", "kadlab", "a much longer key with spaces", "ключ", "🔑"}) {
            byte[] d = sha1(key);
            assertThat(full.keyId(key)).as("keyId(%s) in 160 bits is SHA-1", key).isEqualTo(NodeId.of(new BigInteger(1, d)));
            assertThat(eight.keyId(key).toBigInteger().intValue()).as("keyId(%s) in 8 bits is SHA-1's first byte", key)
                    .isEqualTo(d[0] & 0xff);
            assertThat(twelve.keyId(key).toBigInteger().intValue()).as("keyId(%s) in 12 bits is SHA-1's first 12 bits", key)
                    .isEqualTo((d[0] & 0xff) << 4 | (d[1] & 0xff) >>> 4);
            assertThat(eight.contains(eight.keyId(key))).isTrue();
        }
        // SHA-1("hello") = aaf4c61d...
        assertThat(full.hex(full.keyId("hello"))).isEqualTo("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d");
        assertThat(eight.hex(eight.keyId("hello"))).isEqualTo("aa");
    }

    @Test
    void rejectsWidthsOutsideOneToOneHundredSixty() {
        for (int bits : new int[] {0, 161, -1, 500}) {
            assertThatThrownBy(() -> new KeySpace(bits)).as("KeySpace(%d)", bits)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bits must be between 1 and 160").hasMessageContaining("was " + bits);
        }
        assertThat(new KeySpace(1).bits()).isEqualTo(1);
        assertThat(new KeySpace(160).bits()).isEqualTo(160);
    }
}

package org.kadlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.kadlab.kad.KeySpace;

/** Placement as pure functions: angle from id / 2^bits, bucket radii, shares and expected fill. */
class RingGeometryTest {
    private final KeySpace ks16 = new KeySpace(16);

    @Test
    void angleIsTheIdsFractionOfAFullTurnClockwiseFromTheTop() {
        assertThat(RingGeometry.angle(ks16.id(0), 16)).isEqualTo(0.0);
        assertThat(RingGeometry.angle(ks16.id(0x4000), 16)).isCloseTo(Math.PI / 2, within(1e-12));
        assertThat(RingGeometry.angle(ks16.id(0x8000), 16)).isCloseTo(Math.PI, within(1e-12));
        assertThat(RingGeometry.x(100, 50, Math.PI / 2)).isCloseTo(150, within(1e-9));
        assertThat(RingGeometry.y(100, 50, 0)).isCloseTo(50, within(1e-9));
    }

    @Test
    void wideIdsUseTheirTopBits() {
        KeySpace ks160 = new KeySpace(160);
        assertThat(RingGeometry.fraction(ks160.parse("8" + "0".repeat(39)), 160)).isEqualTo(0.5);
        assertThat(RingGeometry.fraction(ks160.maxId(), 160)).isLessThan(1.0).isGreaterThan(0.999);
    }

    @Test
    void closestBucketIsInnermost() {
        assertThat(RingGeometry.bucketRadius(10, 10, 15, 30, 130)).isEqualTo(30);
        assertThat(RingGeometry.bucketRadius(15, 10, 15, 30, 130)).isEqualTo(130);
        assertThat(RingGeometry.bucketRadius(12, 10, 15, 30, 130)).isCloseTo(70, within(1e-9));
    }

    @Test
    void bucketShareAndExpectedFillFollowTwoToTheIMinusB() {
        assertThat(RingGeometry.bucketShare(15, 16)).isEqualTo(0.5);
        assertThat(RingGeometry.bucketShare(0, 16)).isEqualTo(1.0 / 65536);
        assertThat(RingGeometry.expectedFill(15, 4, 31, 16)).isEqualTo(4.0);
        assertThat(RingGeometry.expectedFill(12, 4, 31, 16)).isCloseTo(31 / 16.0, within(1e-12));
    }

    @Test
    void theIdAtAnAngleIsTheInverseOfTheAngleOfAnId() {
        java.util.Random r = new java.util.Random(5);
        for (int bits : new int[] {8, 16, 52, 53, 64, 160}) {
            KeySpace ks = new KeySpace(bits);
            for (int n = 0; n < 500; n++) {
                org.kadlab.kad.NodeId id = ks.randomId(r);
                java.math.BigInteger back = RingGeometry.idAt(RingGeometry.angle(id, bits), bits);
                java.math.BigInteger slack = java.math.BigInteger.ONE.shiftLeft(Math.max(0, bits - 50));
                org.assertj.core.api.Assertions.assertThat(id.toBigInteger().subtract(back).abs())
                        .as("id %s at %d bits comes back from its angle", id, bits)
                        .isLessThanOrEqualTo(slack);
                org.assertj.core.api.Assertions.assertThat(ks.contains(ks.id(back))).isTrue();
            }
        }
    }

    @Test
    void theAngleOfAPointIsMeasuredClockwiseFromTheTop() {
        org.assertj.core.api.Assertions.assertThat(RingGeometry.angleAt(0, 0, 0, -10)).isEqualTo(0.0);
        org.assertj.core.api.Assertions.assertThat(RingGeometry.angleAt(0, 0, 10, 0)).isCloseTo(Math.PI / 2, org.assertj.core.data.Offset.offset(1e-12));
        org.assertj.core.api.Assertions.assertThat(RingGeometry.angleAt(0, 0, 0, 10)).isCloseTo(Math.PI, org.assertj.core.data.Offset.offset(1e-12));
        org.assertj.core.api.Assertions.assertThat(RingGeometry.angleAt(0, 0, -10, 0)).isCloseTo(1.5 * Math.PI, org.assertj.core.data.Offset.offset(1e-12));
        org.assertj.core.api.Assertions.assertThat(RingGeometry.idAt(Math.PI, 16)).isEqualTo(java.math.BigInteger.valueOf(0x8000));
    }
}

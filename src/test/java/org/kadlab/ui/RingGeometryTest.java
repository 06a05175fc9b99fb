package org.kadlab.ui;

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
}

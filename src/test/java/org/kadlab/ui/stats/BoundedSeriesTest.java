package org.kadlab.ui.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chart series keep at most their capacity, dropping the oldest points; shares roll over a window. */
class BoundedSeriesTest {

    @Test
    void addingBeyondCapacityDropsTheOldestPoint() {
        BoundedSeries s = new BoundedSeries("hops", 3);
        for (int i = 1; i <= 5; i++) {
            s.add(i, i * 10);
        }
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.series().getData().get(0).getXValue().doubleValue()).isEqualTo(3);
        assertThat(s.lastX()).isEqualTo(5);
        assertThat(s.lastY()).isEqualTo(50);
    }

    @Test
    void addingABatchLargerThanTheCapacityKeepsOnlyItsNewestPoints() {
        BoundedSeries s = new BoundedSeries("rpcs", 200);
        s.add(0, 0);
        List<double[]> batch = new ArrayList<>();
        for (int i = 1; i <= 1_000; i++) {
            batch.add(new double[] {i, i});
        }
        s.addAll(batch);
        assertThat(s.size()).isEqualTo(200);
        assertThat(s.series().getData().get(0).getXValue().doubleValue()).isEqualTo(801);
        assertThat(s.lastX()).isEqualTo(1_000);
    }

    @Test
    void aSmallBatchAppendsAfterTheKeptPoints() {
        BoundedSeries s = new BoundedSeries("live", 4);
        s.addAll(List.of(new double[] {1, 1}, new double[] {2, 2}, new double[] {3, 3}));
        s.addAll(List.of(new double[] {4, 4}, new double[] {5, 5}));
        assertThat(s.series().getData()).extracting(d -> d.getXValue().intValue()).containsExactly(2, 3, 4, 5);
        s.clear();
        assertThat(s.size()).isZero();
        assertThat(s.lastY()).isNaN();
    }

    @Test
    void aDeferredSeriesKeepsItsPointsAndTheChartCatchesUpAfterwards() {
        BoundedSeries s = new BoundedSeries("hops", 3);
        s.add(1, 1);
        s.setDeferred(true);
        s.add(2, 2);
        s.addAll(List.of(new double[] {3, 3}, new double[] {4, 4}));
        s.replaceLast(4, 40);
        assertThat(s.series().getData()).as("a hidden chart is not touched").hasSize(1);
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.lastY()).isEqualTo(40);
        s.setDeferred(false);
        assertThat(s.series().getData()).extracting(d -> d.getXValue().intValue()).containsExactly(2, 3, 4);
        assertThat(s.series().getData().get(2).getYValue().doubleValue()).isEqualTo(40);
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new BoundedSeries("x", 0)).hasMessageContaining("capacity");
    }

    @Test
    void rollingShareCountsOnlyTheLastWindowOfOutcomes() {
        RollingShare r = new RollingShare(4);
        assertThat(r.share()).isNaN();
        r.add(false);
        r.add(false);
        r.add(true);
        r.add(true);
        assertThat(r.share()).isEqualTo(0.5);
        r.add(true);
        r.add(true);
        assertThat(r.share()).as("the two misses fell out of the window").isEqualTo(1.0);
        assertThat(r.size()).isEqualTo(4);
        r.clear();
        assertThat(r.size()).isZero();
    }
}

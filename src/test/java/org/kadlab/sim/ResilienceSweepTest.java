package org.kadlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The resilience grid: its cells in order, the median-to-mean rule of the churn, the knob sets, the checks. */
class ResilienceSweepTest {
    private static ResilienceSweep.Grid grid(List<ResilienceSweep.Kind> kinds) {
        ResilienceSweep.ChurnSpec churn = new ResilienceSweep.ChurnSpec(SessionModel.WEIBULL, 20e6, 0.6, 3_600_000, 0.01, 10, 10,
                600_000);
        return new ResilienceSweep.Grid(40, 32, 4, 3, 1, 5, 5, 3, kinds,
                List.of(ResilienceSweep.Knobs.PAPER, ResilienceSweep.Knobs.RETRIES1), List.of(ResilienceSweep.Knobs.MAXFAIL1),
                List.of(0.0, 0.05), List.of(0.3), 0.0, churn);
    }

    @Test
    @DisplayName("cells come kind by kind, value by value, knob set by knob set; each kind names its phases")
    void cellsInGridOrder() {
        List<ResilienceSweep.Cell> cells = ResilienceSweep.cells(grid(List.of(ResilienceSweep.Kind.STATIC, ResilienceSweep.Kind.KILL,
                ResilienceSweep.Kind.CHURN)));
        ResilienceSweep.Grid g = grid(List.of());
        assertThat(cells).extracting(c -> c.scenario(g) + " " + c.knobs().label()).containsExactly(
                "loss 0% paper", "loss 0% retries1", "loss 5% paper", "loss 5% retries1", "kill 30% paper", "kill 30% retries1",
                "churn 1h loss 1% maxfail1");
        assertThat(cells.get(4).phases()).containsExactly("right after", "after 1 h");
        assertThat(cells.get(6).phases()).containsExactly("during", "at the end");
    }

    @Test
    @DisplayName("the seed knob set is the seed crate's rules; the paper set is the defaults")
    void knobSets() {
        org.kadlab.kad.KadConfig seed = ResilienceSweep.Knobs.parse("seed").apply(org.kadlab.kad.KadConfig.builder()).build();
        assertThat(seed.maxFailures()).isEqualTo(1);
        assertThat(seed.evictStaleAlone()).isTrue();
        assertThat(seed.shareFailing()).isTrue();
        assertThat(seed.failureBackoffMs()).isZero();
        assertThat(seed.scaleCacheTtl()).isFalse();
        assertThat(ResilienceSweep.Knobs.parse(" Paper ").apply(org.kadlab.kad.KadConfig.builder()).build())
                .isEqualTo(org.kadlab.kad.KadConfig.defaults());
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> ResilienceSweep.Knobs.parse("fast"))
                .withMessageContaining("seed");
    }

    @Test
    @DisplayName("the mean session given for a median has that median: half of the sampled sessions are shorter")
    void meanForMedianGivesThatMedian() {
        double median = 2 * 3_600_000;
        Object[][] cases = {{SessionModel.WEIBULL, 0.6}, {SessionModel.PARETO, 1.5}, {SessionModel.EXPONENTIAL, 1.0}};
        SplittableRandom r = new SplittableRandom(8);
        for (Object[] c : cases) {
            SessionModel m = (SessionModel) c[0];
            double shape = (double) c[1];
            double mean = ResilienceSweep.meanForMedian(m, median, shape);
            double[] xs = new double[100_001];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = m.sample(r, mean, shape);
            }
            Arrays.sort(xs);
            assertThat(xs[xs.length / 2]).as("sample median of %s(%s)", m, shape).isCloseTo(median, within(0.02 * median));
        }
        assertThat(ResilienceSweep.meanForMedian(SessionModel.WEIBULL, median, 0.6) / 3_600_000)
                .as("2 h median, shape 0.6: the mean session IPFS's measured sessions imply").isCloseTo(5.54, within(0.01));
    }

    @Test
    @DisplayName("knob sets change only what they name: rpc_retries 1 or 2, max_failures 1")
    void knobSetsChangeWhatTheyName() {
        org.kadlab.kad.KadConfig paper = ResilienceSweep.Knobs.PAPER.apply(org.kadlab.kad.KadConfig.builder()).build();
        assertThat(paper).isEqualTo(org.kadlab.kad.KadConfig.defaults());
        assertThat(ResilienceSweep.Knobs.RETRIES2.apply(org.kadlab.kad.KadConfig.builder()).build())
                .isEqualTo(paper.toBuilder().rpcRetries(2).build());
        assertThat(ResilienceSweep.Knobs.MAXFAIL1.apply(org.kadlab.kad.KadConfig.builder()).build())
                .isEqualTo(paper.toBuilder().maxFailures(1).build());
        assertThat(ResilienceSweep.Knobs.parse(" Retries1")).isEqualTo(ResilienceSweep.Knobs.RETRIES1);
        assertThatIllegalArgumentException().isThrownBy(() -> ResilienceSweep.Knobs.parse("fast")).withMessageContaining("paper");
    }

    @Test
    @DisplayName("a static loss-free cell is exact, stores reach all k closest, and every find_value finds its record")
    void staticLossFreeCellIsExact() {
        ResilienceSweep.Grid g = grid(List.of(ResilienceSweep.Kind.STATIC));
        ResilienceSweep.Tally t = ResilienceSweep.runCell(g, ResilienceSweep.cells(g).get(0), 1).get(0);
        assertThat(t.lookups).isEqualTo(5);
        assertThat(t.exactShare()).isEqualTo(1.0);
        assertThat(t.missedUnseen + t.missedUnasked + t.missedSilent).isZero();
        assertThat(t.foundShare()).isEqualTo(1.0);
        assertThat(t.storeAcksMean()).isEqualTo(4.0);
        assertThat(t.minHolders).isEqualTo(4);
        assertThat(t.rpcsPerLookup()).as("a lookup on 40 nodes asks at least k of them").isGreaterThanOrEqualTo(4);
    }
}

package org.kadlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The running totals: the exact share is defined only once a find_node lookup was judged. */
class SimStatsTest {

    @Test
    @DisplayName("with no find_node judged the exact share is undefined, not 100 %")
    void exactShareIsUndefinedWithoutJudgedLookups() {
        SimStats s = new SimStats();
        assertThat(s.judgedLookups()).isZero();
        assertThat(s.exactShareIfJudged()).isEmpty();
        assertThat(s.exactShare()).isNaN();
    }

    @Test
    @DisplayName("the exact share is exact lookups over judged lookups")
    void exactShareIsExactOverJudged() {
        SimStats s = new SimStats();
        s.judgedLookup(3, 20, true);
        s.judgedLookup(4, 25, false);
        s.judgedLookup(3, 22, true);
        s.judgedLookup(2, 18, true);
        assertThat(s.exactShareIfJudged()).hasValue(0.75);
        assertThat(s.exactShare()).isEqualTo(0.75);
    }

    @Test
    @DisplayName("a network that only joined judged no find_node and has no exact share")
    void joinsAloneJudgeNothing() {
        Simulation sim = SimFixture.joined(SimFixture.config(4, SimFixture.kad(16, 4, 3)), 10);
        assertThat(sim.stats().lookupsStarted()).as("joins ran lookups of their own").isPositive();
        assertThat(sim.stats().judgedLookups()).isZero();
        assertThat(sim.stats().exactShareIfJudged()).isEmpty();
    }
}

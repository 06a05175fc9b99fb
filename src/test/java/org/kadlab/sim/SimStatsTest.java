package org.kadlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The running totals: the exact share and the mean recall are defined only once a find_node lookup
 * was judged, the find_value success share only once a find_value ran.
 */
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

    @Test
    @DisplayName("with no find_node judged the mean recall is undefined, and with no find_value the success share is undefined")
    void recallAndFindValueSuccessAreUndefinedWithoutOperations() {
        SimStats s = new SimStats();
        assertThat(s.meanRecallIfJudged()).as("mean recall of no lookup").isEmpty();
        assertThat(s.findValues()).isZero();
        assertThat(s.findValueSuccessIfAny()).as("success share of no find_value").isEmpty();
    }

    @Test
    @DisplayName("the mean recall is the mean of the lookups' recalls, not the share of exact lookups")
    void meanRecallIsTheMeanOfEachLookupsRecall() {
        SimStats s = new SimStats();
        s.lookupRecall(1.0);
        s.lookupRecall(0.75);
        s.lookupRecall(0.5);
        s.lookupRecall(0.75);
        assertThat(s.meanRecallIfJudged()).hasValue(0.75);
    }

    @Test
    @DisplayName("a recall outside 0..1 is refused: it is a share of the truth")
    void recallOutsideZeroToOneIsRefused() {
        SimStats s = new SimStats();
        assertThatThrownBy(() -> s.lookupRecall(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.lookupRecall(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(s.meanRecallIfJudged()).as("a refused recall is not counted").isEmpty();
    }

    @Test
    @DisplayName("the find_value success share is found over ran")
    void findValueSuccessIsFoundOverRan() {
        SimStats s = new SimStats();
        s.findValueEnded(true);
        s.findValueEnded(false);
        s.findValueEnded(true);
        s.findValueEnded(true);
        assertThat(s.findValues()).isEqualTo(4);
        assertThat(s.findValuesFound()).isEqualTo(3);
        assertThat(s.findValueSuccessIfAny()).hasValue(0.75);
    }
}

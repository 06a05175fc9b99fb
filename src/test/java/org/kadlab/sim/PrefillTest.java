package org.kadlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KBucket;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.scenario.Scenario;
import org.kadlab.sim.scenario.ScenarioException;
import org.kadlab.sim.scenario.ScenarioReader;
import org.kadlab.sim.scenario.ScenarioWriter;

/**
 * Tables built from the global view: every bucket holds nodes of its own range only, all of them
 * when the range has at most k, exactly k drawn from it otherwise; no message is sent; the ids are
 * those the same number of joins would get; the same seed gives the same tables; lookups on a
 * prefilled network find the true k closest; and only an empty network can be prefilled.
 */
class PrefillTest {
    private static final int K = 6;

    private static Simulation sim(long seed) {
        KadConfig kad = KadConfig.builder().bits(32).k(K).alpha(3).build();
        return new Simulation(SimConfig.defaults().withKad(kad).withSeed(seed).withHistoryCapacity(0));
    }

    @Test
    void everyBucketHoldsKNodesOfItsRangeOrAllOfThem() {
        Simulation s = sim(4);
        List<SimNode> nodes = s.prefill(400);
        assertThat(nodes).hasSize(400);
        assertThat(s.stats().messages()).as("no message is sent").isZero();
        assertThat(s.prefilled()).isEqualTo(400);
        for (SimNode n : nodes) {
            int[] inRange = new int[32];
            for (SimNode other : nodes) {
                if (other != n) {
                    inRange[n.id().bucketIndex(other.id())]++;
                }
            }
            for (int i = 0; i < 32; i++) {
                KBucket b = n.kad().routingTable().bucket(i);
                int held = b == null ? 0 : b.size();
                assertThat(held).as("node %s bucket %d", n.id(), i).isEqualTo(Math.min(K, inRange[i]));
                for (int j = 0; j < held; j++) {
                    assertThat(n.id().bucketIndex(b.contact(j).id())).isEqualTo(i);
                }
            }
            assertThat(n.kad().joined()).isTrue();
        }
    }

    @Test
    void idsAreThoseOfJoinsAndTheSameSeedGivesTheSameTables() {
        Simulation joined = sim(9);
        List<NodeId> joinedIds = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            joinedIds.add(joined.addNode().id());
            joined.runUntilIdle();
        }
        Simulation a = sim(9);
        Simulation b = sim(9);
        List<SimNode> na = a.prefill(60);
        List<SimNode> nb = b.prefill(60);
        assertThat(na).extracting(SimNode::id).containsExactlyElementsOf(joinedIds);
        for (int i = 0; i < na.size(); i++) {
            assertThat(na.get(i).kad().routingTable().contacts()).extracting(Contact::id)
                    .containsExactlyElementsOf(nb.get(i).kad().routingTable().contacts().stream().map(Contact::id).toList());
        }
        Simulation other = sim(10);
        List<SimNode> no = other.prefill(60);
        assertThat(no).extracting(SimNode::id).isNotEqualTo(joinedIds);
    }

    @Test
    void lookupsOnAPrefilledNetworkFindTheTrueClosest() {
        Simulation s = sim(5);
        s.prefill(300);
        for (int i = 0; i < 40; i++) {
            s.findNode(s.randomLive(), s.randomId());
            s.runUntilIdle();
        }
        assertThat(s.stats().judgedLookups()).isEqualTo(40);
        assertThat(s.stats().exactLookups()).isEqualTo(40);
        SimNode late = s.addNode(); // a node joining later joins for real
        assertThat(s.awaitJoin(late, () -> false)).isTrue();
        assertThat(late.kad().routingTable().size()).isPositive();
    }

    @Test
    void recordingEventsChangesNothingButTellsEachContactAdded() {
        // unwatched, the tables are filled on several threads; recorded, each contact is also told
        Simulation quiet = sim(12);
        KadConfig kad = KadConfig.builder().bits(32).k(K).alpha(3).build();
        Simulation recorded = new Simulation(SimConfig.defaults().withKad(kad).withSeed(12).withHistoryCapacity(100_000));
        List<SimNode> nq = quiet.prefill(500);
        List<SimNode> nr = recorded.prefill(500);
        long added = recorded.history().events().stream().filter(e -> e instanceof SimEvent.BucketChanged c
                && c.change() == SimEvent.BucketChange.ADDED).count();
        assertThat(added).isEqualTo(nr.stream().mapToLong(n -> n.kad().routingTable().size()).sum());
        for (Simulation s : List.of(quiet, recorded)) {
            for (int i = 0; i < 30; i++) {
                s.findNode(s.randomLive(), s.randomId());
                s.runUntilIdle();
            }
        }
        for (int i = 0; i < nq.size(); i++) {
            assertThat(nq.get(i).kad().routingTable().contacts()).extracting(Contact::id)
                    .containsExactlyElementsOf(nr.get(i).kad().routingTable().contacts().stream().map(Contact::id).toList());
        }
        assertThat(quiet.stats().messages()).isEqualTo(recorded.stats().messages());
        assertThat(quiet.now()).isEqualTo(recorded.now());
    }

    @Test
    void onlyAnEmptyNetworkCanBePrefilled() {
        Simulation s = sim(1);
        s.addNode();
        s.runUntilIdle();
        assertThatThrownBy(() -> s.prefill(10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only an empty network");
        assertThatThrownBy(() -> sim(1).prefill(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aScenarioPrefillsFirstOrNotAtAll() throws ScenarioException {
        Scenario sc = ScenarioReader.parse("bits: 32\nsteps:\n  - prefill: 50\n  - lookups: 3\n", "p.yaml");
        assertThat(sc.steps().get(0)).isEqualTo(new Scenario.Prefill(3, 50));
        Scenario again = ScenarioReader.parse(ScenarioWriter.toYaml(sc), "again.yaml");
        assertThat(again.stepsWithoutLines()).isEqualTo(sc.stepsWithoutLines());
        assertThatThrownBy(() -> ScenarioReader.parse("bits: 32\nsteps:\n  - add: 2\n  - prefill: 5\n", "late.yaml"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("late.yaml:4")
                .hasMessageContaining("must be the first step");
    }
}

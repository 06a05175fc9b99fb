package org.kadlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.NodeId;

/** The comparison engine: one network per configuration on one seed, the same lookups, judged by brute force. */
class ComparisonTest {
    private static final int NODES = 40;
    private static final SimConfig BASE = SimFixture.config(7, SimFixture.kad(16, 4, 3));

    private static List<Comparison.Setup> alpha3vs1() {
        Comparison.Setup a = Comparison.Setup.of("A", BASE);
        return List.of(a, a.withName("B").withAlpha(1));
    }

    @Test
    @DisplayName("every configuration gets the ids a lone network of that seed gets, and the lookups drawn for the seed")
    void sameIdsSameLookups() {
        Comparison.Request req = Comparison.Request.random(BASE, NODES, alpha3vs1(), 20);
        ComparisonResult r = Comparison.run(req, () -> false, p -> { });

        Simulation lone = new Simulation(BASE.withKad(BASE.kad().toBuilder().alpha(2).lookupMode(LookupMode.ROUNDS).build()));
        for (int i = 0; i < NODES; i++) {
            lone.awaitJoin(lone.addNode(), () -> false);
        }
        assertThat(r.ids()).isEqualTo(lone.nodes().stream().map(SimNode::id).toList());
        List<Comparison.Query> drawn = Comparison.randomQueries(BASE, NODES, 20);
        assertThat(r.rows()).hasSize(20);
        for (int i = 0; i < 20; i++) {
            ComparisonResult.Row row = r.rows().get(i);
            assertThat(row.origin()).isEqualTo(r.ids().get(drawn.get(i).origin()));
            assertThat(row.target()).isEqualTo(drawn.get(i).target());
            // both networks judged the lookup against the same truth: same live ids, same origin, same target
            assertThat(row.outcomes().get(1).truth()).isEqualTo(row.outcomes().get(0).truth())
                    .isEqualTo(SimFixture.bruteForceClosest(without(r.ids(), row.origin()), row.target(), 4));
        }
        assertThat(new HashSet<>(drawn)).as("the draw covers more than one lookup").hasSizeGreaterThan(1);
    }

    @Test
    @DisplayName("alpha 1 and alpha 3 send other RPCs, and each outcome's exact, recall and missed match a sort by XOR")
    void alphaOneVersusThreeJudgedByBruteForce() {
        ComparisonResult r = Comparison.run(Comparison.Request.random(BASE, NODES, alpha3vs1(), 30), () -> false, p -> { });
        assertThat(r.rows().stream().anyMatch(row -> row.differs(ComparisonResult.Measure.RPCS))).isTrue();
        assertThat(r.totals(0).rpcs()).isNotEqualTo(r.totals(1).rpcs());
        for (ComparisonResult.Row row : r.rows()) {
            List<NodeId> truth = SimFixture.bruteForceClosest(without(r.ids(), row.origin()), row.target(), 4);
            for (ComparisonResult.Outcome o : row.outcomes()) {
                assertThat(o.ended()).isTrue();
                Set<NodeId> got = new HashSet<>(o.returned());
                List<NodeId> missed = truth.stream().filter(id -> !got.contains(id)).toList();
                assertThat(o.exact()).isEqualTo(o.returned().equals(truth));
                assertThat(o.recall()).isEqualTo((double) (truth.size() - missed.size()) / truth.size());
                assertThat(o.missed()).containsExactlyInAnyOrderElementsOf(missed);
            }
        }
        ComparisonResult.Totals a = r.totals(0);
        assertThat(a.lookups()).isEqualTo(30);
        assertThat(a.rpcs()).isEqualTo(r.rows().stream().mapToLong(row -> row.outcomes().get(0).rpcs()).sum());
        assertThat(a.exact()).isEqualTo((int) r.rows().stream().filter(row -> row.outcomes().get(0).exact()).count());
    }

    @Test
    @DisplayName("the same request gives the same result twice, lossy configurations and rounds included")
    void deterministic() {
        Comparison.Setup a = Comparison.Setup.of("A", BASE);
        List<Comparison.Setup> setups = List.of(a, a.withName("rounds").withMode(LookupMode.ROUNDS),
                a.withName("lossy").withLoss(0.05).withRpcRetries(1));
        Comparison.Request req = Comparison.Request.random(BASE, NODES, setups, 15);
        ComparisonResult one = Comparison.run(req, () -> false, p -> { });
        ComparisonResult two = Comparison.run(req, () -> false, p -> { });
        assertThat(one.cancelled()).isFalse();
        assertThat(one.rows()).hasSize(15);
        assertThat(two).isEqualTo(one);
        StringBuilder csv1 = new StringBuilder();
        StringBuilder csv2 = new StringBuilder();
        try {
            one.writeCsv(csv1);
            two.writeCsv(csv2);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(csv1.toString()).isEqualTo(csv2.toString());
        assertThat(csv1.toString().lines()).hasSize(1 + 15 * 3);
    }

    @Test
    @DisplayName("a stop ends the run early with the lookups that ran, and progress counts up to the stop")
    void cancelStopsEarly() {
        AtomicInteger lookupsDone = new AtomicInteger();
        List<Comparison.Progress> seen = new ArrayList<>();
        Comparison.Request req = Comparison.Request.random(BASE, NODES, alpha3vs1(), 50);
        ComparisonResult r = Comparison.run(req, () -> lookupsDone.get() >= 10, p -> {
            seen.add(p);
            if (p.phase().startsWith("lookup")) {
                lookupsDone.incrementAndGet();
            }
        });
        assertThat(r.cancelled()).isTrue();
        assertThat(r.rows().size()).isBetween(4, 5);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).done()).isEqualTo(seen.get(i - 1).done() + 1);
        }
        assertThat(seen.get(seen.size() - 1).fraction()).isLessThan(1.0);
    }

    @Test
    @DisplayName("no lookups, five configurations, an id wider than the key space, a bad alpha, twin names: each refused saying why")
    void badInputRejected() {
        assertThatThrownBy(() -> Comparison.Request.random(BASE, NODES, alpha3vs1(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lookups must be between 1 and 1000, was 0");
        Comparison.Setup a = Comparison.Setup.of("A", BASE);
        List<Comparison.Setup> five = List.of(a, a.withName("B"), a.withName("C"), a.withName("D"), a.withName("E"));
        assertThatThrownBy(() -> Comparison.run(Comparison.Request.random(BASE, NODES, five, 3), () -> false, p -> { }))
                .hasMessage("compare 2 to 4 configurations, got 5");
        Comparison.Request wide = new Comparison.Request(BASE, NODES, alpha3vs1(),
                List.of(Comparison.Query.at(0, NodeId.of(1L << 20))));
        assertThatThrownBy(() -> Comparison.validate(wide)).hasMessage("lookup 1: an id is wider than the network's 16-bit ids");
        List<Comparison.Setup> badAlpha = List.of(a, a.withName("B").withAlpha(0));
        assertThatThrownBy(() -> Comparison.validate(Comparison.Request.random(BASE, NODES, badAlpha, 3)))
                .hasMessageStartingWith("B: alpha must be between 1 and");
        assertThatThrownBy(() -> Comparison.validate(Comparison.Request.random(BASE, NODES, List.of(a, a), 3)))
                .hasMessage("two configurations are called 'A'");
        Comparison.Request stranger = new Comparison.Request(BASE, NODES, alpha3vs1(),
                List.of(Comparison.Query.from(NodeId.of(1), NodeId.of(2))));
        assertThatThrownBy(() -> Comparison.run(stranger, () -> false, p -> { }))
                .hasMessage("lookup 1: origin 0001 is not a node of the network");
    }

    @Test
    @DisplayName("a lookup given by origin id runs from that node on every network")
    void originById() {
        Comparison.Request probe = Comparison.Request.random(BASE, NODES, alpha3vs1(), 1);
        NodeId third = Comparison.run(probe, () -> false, p -> { }).ids().get(2);
        NodeId target = NodeId.of(0x1234);
        ComparisonResult r = Comparison.run(new Comparison.Request(BASE, NODES, alpha3vs1(),
                List.of(Comparison.Query.from(third, target))), () -> false, p -> { });
        assertThat(r.rows().get(0).originIndex()).isEqualTo(2);
        assertThat(r.rows().get(0).outcomes().get(0).returned()).doesNotContain(third);
    }

    private static List<NodeId> without(List<NodeId> ids, NodeId except) {
        return ids.stream().filter(id -> !id.equals(except)).toList();
    }
}

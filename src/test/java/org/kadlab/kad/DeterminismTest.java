package org.kadlab.kad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kadlab.kad.KadTestSupport.joined;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Property 9: the same seed and scenario give the same tables, records, results, events and messages. */
class DeterminismTest {

    /** Everything observable after one run of the scenario. */
    record Outcome(List<String> tables, List<String> records, List<Object> results, List<String> events,
                   List<TestNetwork.Sent> messages) {
    }

    private static Outcome run(long seed, LookupMode mode) {
        KadConfig cfg = ClassicConfig.builder().bits(64).k(6).alpha(3).lookupMode(mode).refreshIntervalMs(200_000)
                .holderRepublishMs(150_000).build();
        RecordingObserver seen = new RecordingObserver();
        TestNetwork net = joined(cfg, seed, 40, seen);
        List<Object> results = new ArrayList<>();
        Random scenario = new Random(seed ^ 0x5eed);
        for (int i = 0; i < 5; i++) {
            KadNode publisher = net.node(net.liveIds().get(scenario.nextInt(40)));
            results.add(net.await(publisher.store("key-" + i, "value-" + i)));
        }
        for (int i = 0; i < 8; i++) {
            net.kill(net.liveIds().get(scenario.nextInt(net.liveIds().size())));
        }
        for (NodeId origin : net.liveIds()) {
            results.add(net.await(net.node(origin).findNode(net.keySpace.randomId(scenario))));
            results.add(net.await(net.node(origin).findValue("key-" + scenario.nextInt(5))));
        }
        net.runUntil(net.now + 200_000);
        for (NodeId id : net.liveIds()) {
            results.add(net.node(id).maintain());
        }
        net.runUntilIdle();

        List<String> tables = new ArrayList<>();
        List<String> records = new ArrayList<>();
        for (KadNode n : net.nodes.values()) {
            StringBuilder sb = new StringBuilder(n.id().toString());
            for (KBucket b : n.routingTable().nonEmptyBuckets()) {
                sb.append(" | ").append(b.index()).append(':');
                for (int i = 0; i < b.size(); i++) {
                    sb.append(' ').append(b.contact(i).id()).append('@').append(b.lastSeen(i))
                            .append('x').append(b.failures(i));
                }
                sb.append(" repl ").append(b.replacements()).append(" refreshed ").append(b.lastRefreshed());
            }
            tables.add(sb.toString());
            for (RecordStore.StoredRecord r : n.recordStore().records()) {
                records.add(n.id() + " " + r.key() + "=" + r.value() + " " + r.storedAt() + ".." + r.expiresAt()
                        + " republish " + r.nextRepublish());
            }
        }
        return new Outcome(tables, records, results, seen.events, List.copyOf(net.log));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LookupMode.class)
    @DisplayName("two runs of the same seeded scenario give identical tables, records, results, events and messages")
    void sameSeedSameOutcome(LookupMode mode) {
        Outcome first = run(71, mode);
        Outcome second = run(71, mode);
        assertThat(second.tables()).as("%s seed 71: routing tables", mode).isEqualTo(first.tables());
        assertThat(second.records()).as("%s seed 71: records", mode).isEqualTo(first.records());
        assertThat(second.results()).as("%s seed 71: lookup, store and maintain results", mode)
                .isEqualTo(first.results());
        assertThat(second.events()).as("%s seed 71: observer events", mode).isEqualTo(first.events());
        assertThat(second.messages()).as("%s seed 71: every message sent", mode).isEqualTo(first.messages());
        assertThat(first.events()).as("%s seed 71: the scenario did something", mode).hasSizeGreaterThan(1_000);

        Outcome other = run(72, mode);
        assertThat(other.tables()).as("%s: a different seed gives different tables", mode).isNotEqualTo(first.tables());
    }
}

package org.kadlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kadlab.sim.SimFixture.config;
import static org.kadlab.sim.SimFixture.joined;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.kad.NodeId;
import org.kadlab.kad.RecordStore;

/** Operation handles: each user operation names its own lookup the moment it starts, and ends with its own record. */
class SimulationOperationTest {

    private static Simulation network() {
        KadConfig kad = KadConfig.builder().bits(16).k(4).alpha(3).cacheOnFindValue(false).build();
        return joined(config(31, kad).withHistoryCapacity(0), 30);
    }

    /** A node that holds no record under {@code key}, so that its find_value has to look. */
    private static SimNode nodeWithout(Simulation sim, String key) {
        NodeId id = sim.keySpace().keyId(key);
        for (SimNode n : sim.nodes()) {
            if (n.isAlive() && n.kad().recordStore().get(id, sim.now()) == null) {
                return n;
            }
        }
        throw new AssertionError("every node holds " + key);
    }

    private static List<SimEvent.LookupStarted> started(SimFixture.Recorder r) {
        return r.of(SimEvent.LookupStarted.class);
    }

    @Test
    @DisplayName("the handle's lookup id is the id of the LookupStarted event of its lookup, for find_node, find_value and store")
    void handleLookupIdIsTheStartedEventsId() {
        Simulation sim = network();
        SimFixture.Recorder rec = new SimFixture.Recorder();
        sim.addListener(rec);
        SimNode origin = sim.nodes().get(5);
        NodeId target = sim.randomId();

        Operation find = sim.findNode(origin, target);
        assertThat(find.lookup()).as("the lookup is known when the call returns").isNotNull();
        assertThat(sim.activeLookups()).contains(find.lookup());
        SimEvent.LookupStarted ev = started(rec).get(started(rec).size() - 1);
        assertThat(find.lookupId()).isEqualTo(ev.lookup());
        assertThat(ev.purpose()).isEqualTo(LookupPurpose.FIND_NODE);
        assertThat(find.lookup().target()).isEqualTo(target).isEqualTo(ev.target());
        assertThat(find.lookup().origin()).isEqualTo(origin.id());
        assertThat(find.op()).isEqualTo("find_node");

        Operation store = sim.store(origin, "greeting", "hello");
        ev = started(rec).get(started(rec).size() - 1);
        assertThat(store.lookupId()).isEqualTo(ev.lookup()).isNotEqualTo(find.lookupId());
        assertThat(ev.purpose()).as("a store's handle names the lookup that finds the k closest").isEqualTo(LookupPurpose.STORE);
        assertThat(store.lookup().target()).isEqualTo(sim.keySpace().keyId("greeting"));

        sim.runUntilIdle();
        SimNode reader = nodeWithout(sim, "greeting");
        Operation read = sim.findValue(reader, "greeting");
        ev = started(rec).get(started(rec).size() - 1);
        assertThat(read.lookupId()).isEqualTo(ev.lookup());
        assertThat(ev.purpose()).isEqualTo(LookupPurpose.FIND_VALUE);
        assertThat(ev.origin()).isEqualTo(reader.id());
        sim.runUntilIdle();

        long findId = find.lookupId();
        assertThat(rec.events).as("the lookup's end carries the handle's id")
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(SimEvent.LookupFinished.class,
                        f -> assertThat(f.lookup()).isEqualTo(findId)));
        assertThat(find.future()).isCompleted();
        assertThat(find.future().join().target()).isEqualTo(target);
    }

    @Test
    @DisplayName("two overlapping find_value operations from the same origin each get their own lookup id and their own record")
    void overlappingFindValuesAreKeptApart() {
        Simulation sim = network();
        sim.store(sim.nodes().get(2), "apple", "red");
        sim.runUntilIdle();
        SimNode origin = nodeWithout(sim, "apple");

        Operation first = sim.findValue(origin, "apple");
        Operation second = sim.findValue(origin, "apple");
        Operation third = sim.findValue(origin, "missing");
        assertThat(first.lookup()).isNotNull();
        assertThat(second.lookup()).isNotNull().isNotSameAs(first.lookup());
        assertThat(List.of(first.lookupId(), second.lookupId(), third.lookupId())).doesNotHaveDuplicates();
        assertThat(sim.activeLookups()).as("all three run at once").contains(first.lookup(), second.lookup(), third.lookup());

        sim.runUntilIdle();
        OperationRecord a = first.future().join();
        OperationRecord b = second.future().join();
        OperationRecord c = third.future().join();
        assertThat(a).isNotSameAs(b);
        assertThat(a.found()).isTrue();
        assertThat(b.found()).isTrue();
        assertThat(c.found()).as("the third asked for a key nobody stored").isFalse();
        assertThat(c.target()).isEqualTo(sim.keySpace().keyId("missing"));
        assertThat(a.rpcs()).as("each record counts its own lookup's RPCs").isEqualTo(first.lookup().queriesSent());
        assertThat(b.rpcs()).isEqualTo(second.lookup().queriesSent());
        assertThat(c.rpcs()).isEqualTo(third.lookup().queriesSent());
        assertThat(sim.operations()).as("one record per operation").containsOnlyOnce(a, b, c);
    }

    @Test
    @DisplayName("a found value's record says when it arrived, between start and end, and which holder sent it")
    void valueFoundTimeLiesBetweenStartAndEnd() {
        Simulation sim = network();
        sim.store(sim.nodes().get(9), "greeting", "hello");
        sim.runUntilIdle();
        sim.advance(1_000);
        SimNode reader = nodeWithout(sim, "greeting");
        long before = sim.now();
        Operation read = sim.findValue(reader, "greeting");
        sim.runUntilIdle();
        OperationRecord r = read.future().join();

        assertThat(r.found()).isTrue();
        assertThat(r.valueFoundMs()).isNotNull();
        assertThat(r.startMs()).isEqualTo(before);
        assertThat(r.endMs()).as("the lookup took network time").isGreaterThan(r.startMs());
        assertThat(r.valueFoundMs()).isBetween(r.startMs(), r.endMs()).isGreaterThan(r.startMs());
        assertThat(r.valueFrom()).isNotNull().isNotEqualTo(reader.id());
        RecordStore.StoredRecord held = sim.node(r.valueFrom()).kad().recordStore().get(sim.keySpace().keyId("greeting"), sim.now());
        assertThat(held).as("the node named as the value's sender holds it").isNotNull();
        assertThat(held.value()).isEqualTo("hello");
    }

    @Test
    @DisplayName("a value not found, a find_node and a store have no value time and no sender")
    void noValueTimeWithoutAFoundValue() {
        Simulation sim = network();
        Operation miss = sim.findValue(sim.nodes().get(1), "nobody stored this");
        Operation find = sim.findNode(sim.nodes().get(2), sim.randomId());
        Operation store = sim.store(sim.nodes().get(3), "k", "v");
        sim.runUntilIdle();
        for (Operation op : List.of(miss, find, store)) {
            OperationRecord r = op.future().join();
            assertThat(r.valueFoundMs()).as("%s", r.op()).isNull();
            assertThat(r.valueFrom()).as("%s", r.op()).isNull();
        }
        assertThat(miss.future().join().found()).isFalse();
    }

    @Test
    @DisplayName("a find_value the origin answers from its own store runs no lookup: id 0, no lookup, the origin as sender")
    void localHitRunsNoLookup() {
        Simulation sim = network();
        SimNode publisher = sim.nodes().get(4);
        sim.store(publisher, "mine", "local");
        sim.runUntilIdle();
        SimNode holder = null;
        NodeId key = sim.keySpace().keyId("mine");
        for (SimNode n : sim.nodes()) {
            if (n.kad().recordStore().get(key, sim.now()) != null) {
                holder = n;
                break;
            }
        }
        assertThat(holder).as("someone holds the record").isNotNull();
        int active = sim.activeLookups().size();
        Operation op = sim.findValue(holder, "mine");
        assertThat(op.ranLookup()).isFalse();
        assertThat(op.lookupId()).isZero();
        assertThat(sim.activeLookups()).hasSize(active);
        OperationRecord r = op.future().join();
        assertThat(r.found()).isTrue();
        assertThat(r.valueFrom()).isEqualTo(holder.id());
        assertThat(r.valueFoundMs()).isEqualTo(r.startMs()).isEqualTo(sim.now());
    }
    @Test
    @DisplayName("a lookup with nobody to ask ends inside the call, and its handle still names it and completes judged")
    void lookupThatEndsInsideTheCallIsStillNamed() {
        Simulation sim = new Simulation(config(3, KadConfig.builder().bits(8).k(2).alpha(1).build()).withHistoryCapacity(0));
        SimFixture.Recorder rec = new SimFixture.Recorder();
        SimNode alone = sim.addNode();
        sim.runUntilIdle();
        sim.addListener(rec);
        Operation op = sim.findNode(alone, sim.randomId());
        assertThat(op.ranLookup()).isTrue();
        assertThat(op.future()).as("nobody to ask: done at once").isCompleted();
        assertThat(op.lookupId()).isEqualTo(rec.of(SimEvent.LookupStarted.class).get(0).lookup());
        OperationRecord r = op.future().join();
        assertThat(r.truth()).as("no other live node").isEmpty();
        assertThat(r.exact()).isTrue();
        assertThat(sim.stats().judgedLookups()).isEqualTo(1);
    }
}

package org.kadlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KadNode;
import org.kadlab.kad.KadRequest;
import org.kadlab.kad.KadResponse;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.NodeId;
import org.kadlab.kad.RoutingTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Micro benchmarks of the core's hot paths: comparing two XOR distances, {@code closest} on a
 * routing table filled from a 10,000-node population, a FIND_NODE round trip at the answering node,
 * and one lookup step (an answer fed in plus the next decision). {@link JoinBenchmark} times a
 * whole join. Run with {@code mvn -B -ntp test-compile exec:exec -Pjmh} (see the README).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathBenchmark {
    @Param({"20"})
    int k;

    private KeySpace keySpace;
    private NodeId self;
    private NodeId[] targets;
    private NodeId[] others;
    private RoutingTable table;
    private Contact[] population;
    private int next;
    private KadNode node;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        KadConfig config = KadConfig.builder().k(k).build();
        keySpace = config.keySpace();
        self = keySpace.randomId(random);
        table = new RoutingTable(self, config, () -> 0L);
        population = new Contact[10_000];
        for (int i = 0; i < population.length; i++) {
            population[i] = new Contact(keySpace.randomId(random), "bench:" + i);
            table.update(population[i]);
        }
        node = new KadNode(new Contact(self, "bench:self"), config, (to, request, handler) -> { }, () -> 0L,
                new SplittableRandom(7), KadNode.DIRECT, null);
        for (Contact c : population) {
            node.handleRequest(c, new KadRequest.Ping(0)); // its table filled as the table above
        }
        targets = new NodeId[1024];
        others = new NodeId[1024];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = keySpace.randomId(random);
            others[i] = keySpace.randomId(random);
        }
    }

    @Benchmark
    public int xorCompare() {
        int i = next++ & 1023;
        return NodeId.compareDistance(targets[i], others[i], others[(i + 1) & 1023]);
    }

    @Benchmark
    public List<Contact> closest() {
        return table.closest(targets[next++ & 1023], k);
    }

    /**
     * One FIND_NODE round trip at the answering node: the request from a peer (which updates the
     * routing table, as every message does) is handled and the answer of k contacts built.
     */
    @Benchmark
    public KadResponse findNodeRoundTrip() {
        int i = next++;
        Contact from = population[i % population.length];
        return node.handleRequest(from, new KadRequest.FindNode(i, targets[i & 1023]));
    }

    /** One lookup step: the next query is chosen, its peer answers with k contacts, the answer is fed in. */
    @Benchmark
    public Lookup.Step lookupStep() {
        NodeId target = targets[next++ & 1023];
        Lookup lookup = new Lookup(1, target, self, table.closest(target, k), k, 3, 5_000, LookupMode.SLIDING);
        Lookup.Step step = lookup.next(0);
        if (step instanceof Lookup.Query q) {
            List<Contact> answer = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                answer.add(population[(next * 31 + i) % population.length]);
            }
            lookup.onSuccess(q.peer(), answer);
            step = lookup.next(1);
        }
        return step;
    }
}

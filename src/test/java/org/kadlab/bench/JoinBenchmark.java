package org.kadlab.bench;

import java.util.concurrent.TimeUnit;
import org.kadlab.kad.KadConfig;
import org.kadlab.sim.SimConfig;
import org.kadlab.sim.SimNode;
import org.kadlab.sim.Simulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One real join, whole: a node bootstraps into a simulated network of 2,000 nodes (160-bit ids,
 * k = 20, alpha = 3) built by joins, and every message of its self-lookup, bucket refreshes and the
 * pings they trigger runs until the network is idle. The network is built again for each iteration,
 * so it grows only by the joins of one iteration. Run with
 * {@code mvn -B -ntp test-compile exec:exec -Pjmh -Djmh.args=JoinBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JoinBenchmark {
    private static final int NODES = 2_000;
    private Simulation sim;

    @Setup(Level.Iteration)
    public void build() {
        KadConfig kad = KadConfig.builder().bits(160).k(20).alpha(3).build();
        sim = new Simulation(SimConfig.defaults().withKad(kad).withSeed(1).withHistoryCapacity(0));
        sim.setKeepOperations(false);
        for (int i = 0; i < NODES; i++) {
            sim.addNode();
            sim.runUntil(sim.now() + 10);
        }
        sim.runUntilIdle();
    }

    @Benchmark
    public SimNode join() {
        SimNode n = sim.addNode();
        sim.runUntilIdle();
        return n;
    }
}

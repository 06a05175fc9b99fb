package org.kadlab.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.sim.Operation;
import org.kadlab.sim.OperationRecord;
import org.kadlab.sim.SimEvent;
import org.kadlab.sim.Simulation;

/** The scenario runner: cancelled from another thread it stops promptly; it tells a listener of every operation it starts. */
class ScenarioRunnerTest {
    private static final long DAY = 86_400_000L;

    /** Runs {@code runner} on its own thread; the returned reference holds what run() threw, if anything. */
    private static Thread start(ScenarioRunner runner, AtomicReference<Throwable> thrown) {
        Thread t = new Thread(() -> {
            try {
                runner.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "scenario");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    @DisplayName("a long advance cancelled from another thread stops promptly, before its end, with a cancellation naming its line")
    void cancelledAdvanceStopsBeforeItsEnd() throws Exception {
        Scenario sc = ScenarioReader.parse("""
                seed: 5
                bits: 16
                k: 4
                refresh_interval: 10m
                steps:
                  - add: 20
                  - advance: 3650d
                  - lookups: 5
                """, "long.yaml");
        Simulation sim = new Simulation(sc.config());
        CountDownLatch deepIn = new CountDownLatch(1);
        sim.addListener(e -> {
            if (e.time() > 2 * DAY) {
                deepIn.countDown(); // the advance is well under way
            }
        });
        ScenarioRunner runner = new ScenarioRunner(sc, sim);
        List<Operation> ops = new ArrayList<>();
        runner.setOperationListener((step, op) -> ops.add(op));
        AtomicReference<Throwable> thrown = new AtomicReference<>();

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Thread t = start(runner, thrown);
            assertThat(deepIn.await(8, TimeUnit.SECONDS)).as("the advance got going").isTrue();
            runner.cancel();
            t.join();
        }, "a cancelled run must end (the bound is a safety net, not a speed test)");

        assertThat(runner.isCancelled()).isTrue();
        assertThat(thrown.get()).isInstanceOf(ScenarioCancelledException.class)
                .hasMessageStartingWith("long.yaml:7: cancelled at virtual time");
        long stoppedAt = ((ScenarioCancelledException) thrown.get()).virtualTimeMs();
        assertThat(stoppedAt).isEqualTo(sim.now()).isGreaterThan(2 * DAY).isLessThan(3650 * DAY);
        assertThat(ops).as("the steps after the advance never ran").isEmpty();
    }

    @Test
    @DisplayName("a cancelled add of very many nodes and a cancelled long churn stop promptly too")
    void cancelledAddAndChurnStop() throws Exception {
        Scenario many = ScenarioReader.parse("""
                bits: 32
                k: 4
                steps:
                  - add: 10000000
                """, "many.yaml");
        Simulation sim = new Simulation(many.config());
        CountDownLatch going = new CountDownLatch(1);
        sim.addListener(e -> {
            if (e instanceof SimEvent.NodeAdded && sim.nodes().size() >= 50) {
                going.countDown();
            }
        });
        assertCancels(new ScenarioRunner(many, sim), going, "many.yaml:4: cancelled");
        assertThat(sim.nodes().size()).isBetween(50, 10_000_000 - 1);

        Scenario churn = ScenarioReader.parse("""
                bits: 16
                k: 4
                steps:
                  - add: 20
                  - churn: {model: exponential, mean_session: 10m, duration: 3650d}
                """, "churn.yaml");
        Simulation sim2 = new Simulation(churn.config());
        CountDownLatch churning = new CountDownLatch(1);
        sim2.addListener(e -> {
            if (e.time() > DAY) {
                churning.countDown();
            }
        });
        assertCancels(new ScenarioRunner(churn, sim2), churning, "churn.yaml:5: cancelled");
        assertThat(sim2.now()).isLessThan(3650 * DAY);
    }

    private static void assertCancels(ScenarioRunner runner, CountDownLatch going, String message) {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Thread t = start(runner, thrown);
            assertThat(going.await(8, TimeUnit.SECONDS)).as("the step got going").isTrue();
            runner.cancel();
            t.join();
        }, "a cancelled run must end (the bound is a safety net, not a speed test)");
        assertThat(thrown.get()).isInstanceOf(ScenarioCancelledException.class).hasMessageStartingWith(message);
    }

    @Test
    @DisplayName("a runner cancelled before it starts runs no step")
    void cancelledBeforeRunRunsNothing() throws ScenarioException {
        Scenario sc = ScenarioReader.parse("steps:\n  - add: 3\n", "early.yaml");
        Simulation sim = new Simulation(sc.config());
        ScenarioRunner runner = new ScenarioRunner(sc, sim);
        runner.cancel();
        assertThatThrownBy(runner::run).isInstanceOf(ScenarioCancelledException.class).hasMessageContaining("early.yaml:2");
        assertThat(sim.nodes()).isEmpty();
    }

    @Test
    @DisplayName("an uncancelled run gives the same events as running its steps straight on the simulation")
    void cancellationChecksDoNotChangeTheRun() throws ScenarioException {
        String text = """
                seed: 9
                bits: 16
                k: 4
                loss: 0.01
                steps:
                  - add: 15
                  - lookups: 4
                  - advance: 2h
                  - churn: {model: weibull, mean_session: 20m, shape: 0.8, duration: 1h}
                """;
        Scenario sc = ScenarioReader.parse(text, "same.yaml");
        Simulation viaRunner = new Simulation(sc.config().withHistoryCapacity(0));
        List<String> a = new ArrayList<>();
        viaRunner.addListener(e -> a.add(e.toString()));
        new ScenarioRunner(sc, viaRunner).run();

        Simulation direct = new Simulation(sc.config().withHistoryCapacity(0));
        List<String> b = new ArrayList<>();
        direct.addListener(e -> b.add(e.toString()));
        long wait = Simulation.MAX_WAIT_MS;
        for (int i = 0; i < 15; i++) {
            org.kadlab.sim.SimNode n = direct.addNode();
            direct.runUntilDone(() -> !n.isJoining(), direct.now() + wait, () -> false); // each join, not the whole network
        }
        direct.runUntilDone(() -> !direct.isBusy(), direct.now() + wait, () -> false); // then the step settles
        for (int i = 0; i < 4; i++) {
            org.kadlab.sim.SimNode from = direct.randomLive();
            org.kadlab.sim.Operation op = direct.findNode(from, direct.randomId());
            direct.runUntilDone(() -> op.future().isDone() || !from.isAlive(), direct.now() + wait, () -> false);
        }
        direct.runUntilDone(() -> !direct.isBusy(), direct.now() + wait, () -> false);
        direct.advance(7_200_000);
        direct.churn(org.kadlab.sim.SessionModel.WEIBULL, 1_200_000, 0.8, 3_600_000);
        direct.runUntilDone(() -> !direct.isBusy(), direct.now() + wait, () -> false);
        direct.runUntilDone(() -> !direct.isBusy(), direct.now() + wait, () -> false); // the end of the run
        assertThat(a).hasSizeGreaterThan(1000).isEqualTo(b);
    }

    @Test
    @DisplayName("the operation listener hears every operation the runner starts, with its step, kind and lookup id")
    void listenerHearsEveryOperation() throws ScenarioException {
        Scenario sc = ScenarioReader.parse("""
                seed: 2
                bits: 16
                k: 4
                steps:
                  - add: 12
                  - lookups: 3
                  - lookup: {target: "0x3f"}
                  - store: {key: "a", value: "1"}
                  - find_value: {key: "a"}
                  - advance: 10s
                """, "ops.yaml");
        Simulation sim = new Simulation(sc.config());
        record Heard(Scenario.Step step, Operation op) {
        }
        List<Heard> heard = new ArrayList<>();
        List<Long> startedIds = new ArrayList<>();
        sim.addListener(e -> {
            if (e instanceof SimEvent.LookupStarted s && s.purpose() != LookupPurpose.BOOTSTRAP
                    && s.purpose() != LookupPurpose.REFRESH && s.purpose() != LookupPurpose.REPUBLISH) {
                startedIds.add(s.lookup());
            }
        });
        ScenarioRunner runner = new ScenarioRunner(sc, sim);
        runner.setOperationListener((step, op) -> heard.add(new Heard(step, op)));
        runner.run();

        assertThat(heard).extracting(h -> h.op().op())
                .containsExactly("find_node", "find_node", "find_node", "find_node", "store", "find_value");
        assertThat(heard).extracting(h -> h.step().getClass().getSimpleName())
                .containsExactly("Lookups", "Lookups", "Lookups", "LookupOne", "Store", "FindValue");
        assertThat(heard).extracting(h -> h.step().line()).containsExactly(6, 6, 6, 7, 8, 9);
        List<Long> heardIds = heard.stream().filter(h -> h.op().ranLookup()).map(h -> h.op().lookupId()).toList();
        assertThat(heardIds).as("the ids of the user lookups the events announced").isEqualTo(startedIds);
        List<OperationRecord> records = heard.stream().map(h -> h.op().future().join()).toList();
        assertThat(records).as("each handle completed with the record the simulation kept").isEqualTo(sim.operations());
    }
}

package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kadlab.ui.FxFixture.fx;

import java.util.Arrays;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kadlab.ui.model.NetworkSettings;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.Preset;
import org.kadlab.ui.theme.Theme;

/**
 * A benchmark, not a test: runs the real frame loop (the AnimationTimer, with JavaFX's own CSS,
 * layout and software rendering on every pulse) on the Default, Realistic and Large presets, first
 * idle for a baseline and then while
 * rounds of three find_node lookups from different nodes animate together, and prints the frame rate, the spread of the time
 * between frames and the work of one frame. It runs only when asked:
 *
 * <pre>mvn -B -ntp test -Dtest=FrameRateBench -Dkadlab.bench=true</pre>
 *
 * With {@code -Dkadlab.bench.nodes=N} it measures one network of N nodes (160-bit ids, k = 20,
 * alpha = 3, built by joins) instead of the presets.
 */
@EnabledIfSystemProperty(named = "kadlab.bench", matches = "true")
@ExtendWith(FxFixture.class)
class FrameRateBench {
    /** Rounds of lookups, each of {@link #AT_ONCE} lookups from different nodes animating together. */
    private static final int ROUNDS = 4;
    private static final int AT_ONCE = 3;
    private static final long IDLE_MS = 3_000;

    @Test
    void frameRateWhileLookupsAnimate() throws Exception {
        Stage stage = FxFixture.primaryStage();
        java.util.Map<String, NetworkSettings> runs = new java.util.LinkedHashMap<>();
        String size = System.getProperty("kadlab.bench.nodes");
        if (size != null) { // one network of that many nodes (160-bit, k = 20, alpha = 3), built by joins
            runs.put(size + " nodes", new NetworkSettings(Integer.parseInt(size), 160, 20, 3,
                    org.kadlab.kad.LookupMode.SLIDING, 10, 80, 0.0, 1));
        } else {
            for (Preset p : new Preset[] {Preset.DEFAULT, Preset.REALISTIC, Preset.LARGE}) {
                runs.put(p.label(), p.settings());
            }
        }
        for (java.util.Map.Entry<String, NetworkSettings> run : runs.entrySet()) {
            NetworkSettings s = run.getValue();
            String label = run.getKey();
            NetworkViewModel vm = new NetworkViewModel(s.toSimConfig(), s.nodes());
            FrameLoop loop = fx(() -> {
                MainView view = new MainView(vm);
                Scene scene = new Scene(view, 1280, 800);
                scene.getStylesheets().add(Theme.appStylesheet());
                stage.setScene(scene);
                stage.show();
                FrameLoop l = new FrameLoop(vm, view);
                view.refresh();
                l.start();
                return l;
            });
            Thread.sleep(1_500); // let the first layout and CSS passes settle
            fx(() -> {
                loop.resetMeasurements();
                return null;
            });
            Thread.sleep(IDLE_MS); // the baseline: the same window with nothing moving
            long[] idle = fx(loop::recentIntervals);
            System.out.println(String.format(Locale.ROOT, "frame rate, %s preset, idle: %.1f fps", label,
                    idle.length / (IDLE_MS / 1000.0)));
            fx(() -> {
                loop.resetMeasurements();
                return null;
            });
            long start = System.nanoTime();
            int finished = 0;
            for (int i = 0; i < ROUNDS; i++) {
                int round = i;
                fx(() -> {
                    var nodes = vm.simulation().nodes();
                    for (int j = 0; j < AT_ONCE; j++) {
                        vm.selection().select(nodes.get((round * AT_ONCE + j) * 37 % nodes.size()).id());
                        vm.operations().randomTarget();
                        vm.operations().findNode();
                    }
                    return null;
                });
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (System.nanoTime() < deadline && fx(() -> vm.simulation().isBusy() || vm.rpcs().hasMotion())) {
                    Thread.sleep(20);
                }
                finished += AT_ONCE;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] intervals = fx(loop::recentIntervals);
            double meanWork = fx(loop::meanNanos);
            long worstWork = fx(loop::worstNanos);
            fx(() -> {
                loop.stop();
                return null;
            });
            vm.shutdown();
            long[] sorted = intervals.clone();
            Arrays.sort(sorted);
            System.out.println(String.format(Locale.ROOT,
                    "frame rate, %s preset (%d nodes, %d-bit ids): %d lookups in %.1f s, %d frames, %.1f fps;"
                            + " time between frames p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms;"
                            + " frame work mean %.2f ms, worst %.1f ms",
                    label, s.nodes(), s.bits(), finished, seconds, intervals.length, intervals.length / seconds,
                    pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                    meanWork / 1e6, worstWork / 1e6));
            assertThat(intervals).as("frames shown while the lookups ran").isNotEmpty();
        }
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

}

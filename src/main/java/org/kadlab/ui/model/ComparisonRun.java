package org.kadlab.ui.model;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.kadlab.sim.Comparison;
import org.kadlab.sim.ComparisonResult;
import org.kadlab.sim.SimConfig;

/**
 * A comparison of configurations run from the window, in the background: its own networks (never
 * the window's), a progress between 0 and 1, Cancel, and the last result, which the Compare tab and
 * the Stats tab both show.
 *
 * <ol>
 *   <li>{@link #start} checks the request on the UI thread (a bad one gives a message and nothing
 *       runs), then runs it on a daemon thread; progress and the result come back on the UI thread.</li>
 *   <li>{@link #cancel} stops it at the next simulation step; the lookups that ran are kept as the
 *       result, marked as stopped.</li>
 * </ol>
 */
public final class ComparisonRun {
    private final NetworkViewModel vm;
    private final ReadOnlyObjectWrapper<ComparisonResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private ExecutorService thread;
    private AtomicBoolean stop;

    ComparisonRun(NetworkViewModel vm) {
        this.vm = vm;
    }

    /** The window's network settings: the base every configuration starts from. */
    public SimConfig baseConfig() {
        return vm.simulation().config();
    }

    /** How many nodes the window's network was built with. */
    public int baseNodes() {
        NetworkSettings s = vm.builder().settingsProperty().get();
        return s == null ? vm.simulation().nodes().size() : s.nodes();
    }

    /** The last comparison that ran (possibly stopped early), or null. */
    public ReadOnlyObjectProperty<ComparisonResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ComparisonResult result() {
        return result.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0..1 while running. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What is under way, what came out, or why nothing ran. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the message is an error. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /**
     * {@code lookups} random lookups on {@code nodes} nodes built from {@code base} under {@code setups};
     * false (with a message) when the request is refused or a comparison is already running.
     */
    public boolean start(SimConfig base, int nodes, List<Comparison.Setup> setups, int lookups) {
        Comparison.Request req;
        try {
            req = Comparison.Request.random(base, nodes, setups, lookups);
            Comparison.validate(req);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return false;
        }
        return start(req);
    }

    /** Runs {@code req} in the background; false (with a message) when it is refused or one is running. */
    public boolean start(Comparison.Request req) {
        if (running.get()) {
            fail("a comparison is running: cancel it first");
            return false;
        }
        try {
            Comparison.validate(req);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return false;
        }
        AtomicBoolean flag = new AtomicBoolean();
        stop = flag;
        Task<ComparisonResult> task = new Task<>() {
            @Override
            protected ComparisonResult call() {
                return Comparison.run(req, flag::get, p -> {
                    updateProgress(p.done(), p.total());
                    updateMessage("Comparing\u2026 " + p.phase());
                });
            }
        };
        task.progressProperty().addListener((o, a, b) -> progress.set(Math.max(0, b.doubleValue())));
        task.messageProperty().addListener((o, a, b) -> say(b, false));
        task.setOnSucceeded(e -> finish(task.getValue()));
        task.setOnFailed(e -> {
            running.set(false);
            Throwable t = task.getException();
            fail("the comparison failed: " + (t.getMessage() == null ? t.toString() : t.getMessage()));
        });
        running.set(true);
        progress.set(0);
        say("Building " + req.setups().size() + " networks of " + req.nodes() + " nodes\u2026", false);
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "kadlab-compare");
                t.setDaemon(true);
                return t;
            });
        }
        thread.submit(task);
        return true;
    }

    /** Says why a comparison the user asked for cannot run (a field the view could not read). */
    public void refuse(String why) {
        fail(why);
    }

    /** Stops a running comparison at its next step. */
    public void cancel() {
        if (stop != null) {
            stop.set(true);
        }
    }

    /** Stops the comparison and its thread (the window closes). */
    void shutdown() {
        cancel();
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }

    private void finish(ComparisonResult r) {
        running.set(false);
        progress.set(1);
        result.set(r);
        int asked = r.request().queries().size();
        String head = r.cancelled() ? "Stopped after " + r.rows().size() + " of " + asked + " lookups. "
                : "Compared " + asked + " lookups on " + r.request().nodes() + " nodes. ";
        StringBuilder b = new StringBuilder(head);
        for (ComparisonResult.Totals t : r.totals()) {
            b.append(String.format(Locale.ROOT, "%s: %.1f RPCs, %.0f%% exact. ", t.name(), t.meanRpcs(),
                    Double.isNaN(t.exactShare()) ? 0 : 100 * t.exactShare()));
        }
        b.append(r.disagreements()).append(r.disagreements() == 1 ? " lookup finds" : " lookups find").append(" other nodes.");
        say(b.toString(), false);
    }

    private void fail(String text) {
        say(text, true);
    }

    private void say(String text, boolean error) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> say(text, error));
            return;
        }
        failed.set(error);
        message.set(text);
    }
}

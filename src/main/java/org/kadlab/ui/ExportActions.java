package org.kadlab.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.controlsfx.control.Notifications;
import org.kadlab.sim.TableCapture;
import org.kadlab.ui.model.NetworkExports;
import org.kadlab.ui.model.NetworkViewModel;

/**
 * What the Export menu writes: the window or the current view as PNG, the event log as JSON Lines (the simulation's
 * bounded history through the runner's EventJsonWriter), the runner's report JSON, every routing
 * table as JSON or CSV (written in the background), and the scenario that rebuilds the network. The writers take a path and can be tested without a Stage;
 * the {@code choose...} actions ask for the file, confirm what was saved in the caption and with a
 * ControlsFX notification, and report failures inline, never by throwing.
 */
public final class ExportActions {
    /** How long a confirmation stays in the window's corner. */
    private static final double NOTIFICATION_SECONDS = 4;
    private final NetworkViewModel vm;
    private final Scene scene;
    private Path lastDirectory;

    public ExportActions(NetworkViewModel vm, Scene scene) {
        this.vm = vm;
        this.scene = scene;
    }

    // ------------------------------------------------------------------ writers (no Stage needed)

    /** Writes a snapshot of {@code scene} as PNG (call on the FX thread). */
    public static void writePng(Scene scene, Path out) throws IOException {
        write(scene.snapshot(null), out);
    }

    /** Writes a snapshot of one view (any node) as PNG (call on the FX thread). */
    public static void writePng(javafx.scene.Node view, Path out) throws IOException {
        write(view.snapshot(null, null), out);
    }

    private static void write(WritableImage image, Path out) throws IOException {
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        if (!ImageIO.write(buffered, "png", out.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    // ------------------------------------------------------------------ actions (ask for a file)

    /** Asks for a file and saves the window as PNG. */
    public void savePng() {
        Path p = choose("Save the window as PNG", "kadlab.png", "PNG image", "*.png", true);
        if (p != null) {
            run(() -> writePng(scene, p), "Saved the window to " + p.getFileName() + ".");
        }
    }

    /** Asks for a file and saves one view (the open tab) as PNG. */
    public void saveViewPng(javafx.scene.Node view) {
        Path p = choose("Save the current view as PNG", "kadlab-view.png", "PNG image", "*.png", true);
        if (p != null) {
            run(() -> writePng(view, p), "Saved the view to " + p.getFileName() + ".");
        }
    }

    /** Asks for a file and saves the event log. */
    public void saveEvents() {
        Path p = choose("Save the event log", "events.jsonl", "JSON Lines", "*.jsonl", true);
        if (p != null) {
            run(() -> confirm("Saved the latest " + vm.exports().writeEvents(p) + " events to " + p.getFileName() + "."), null);
        }
    }

    /** Asks for a file and saves the report. */
    public void saveReport() {
        Path p = choose("Save the report", "report.json", "JSON", "*.json", true);
        if (p != null) {
            run(() -> vm.exports().writeReport(p), "Saved the report to " + p.getFileName() + ".");
        }
    }

    /** Asks for a file and saves every routing table with the health summary as JSON, written in the background. */
    public void saveTablesJson() {
        Path p = choose("Save the routing tables", "tables.json", "JSON", "*.json", true);
        if (p != null) {
            inBackground(p, "tables JSON", tables -> "Saved " + NetworkExports.writeTablesJson(tables, p)
                    + " routing tables to " + p.getFileName() + ".");
        }
    }

    /** Asks for a file and saves every routing table as CSV (one row per node and contact), written in the background. */
    public void saveTablesCsv() {
        Path p = choose("Save the routing tables", "tables.csv", "CSV", "*.csv", true);
        if (p != null) {
            inBackground(p, "tables CSV", tables -> "Saved " + NetworkExports.writeTablesCsv(tables, p)
                    + " contacts to " + p.getFileName() + ".");
        }
    }

    /** Writes a copy of the tables somewhere and says what it wrote. */
    private interface TablesWrite {
        String write(TableCapture tables) throws IOException;
    }

    /**
     * Copies the tables here, on the FX thread (the simulation is single-threaded), then runs
     * {@code write} on a thread of its own and says the outcome, or the failure, on the FX thread.
     */
    void inBackground(Path p, String what, TablesWrite write) {
        TableCapture tables = vm.exports().captureTables();
        vm.status().showCaption("Writing the " + what + " to " + p.getFileName() + "…");
        Thread t = new Thread(() -> {
            String done;
            String failed = null;
            try {
                done = write.write(tables);
            } catch (IOException | RuntimeException e) {
                done = null;
                failed = "Could not save " + p.getFileName() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
            }
            String ok = done;
            String error = failed;
            javafx.application.Platform.runLater(() -> {
                if (ok != null) {
                    confirm(ok);
                } else {
                    vm.status().showError(error);
                }
            });
        }, "kadlab-export");
        t.setDaemon(true);
        t.start();
    }

    /** Asks for a file and saves the scenario. */
    public void saveScenario() {
        Path p = choose("Save the scenario", "network.yaml", "YAML scenario", "*.yaml", true);
        if (p != null) {
            run(() -> vm.exports().writeScenario(p), "Saved the scenario to " + p.getFileName()
                    + ": load it here or run it with the headless runner." + (vm.recorder().leftOut().isEmpty() ? ""
                    : " Churn and background workloads are left out (no scenario step runs them in the background): "
                            + "its comment lists them."));
        }
    }

    /** Asks for a scenario file and runs it on a fresh network, built in the background. */
    public void openScenario() {
        Path p = choose("Open a scenario", null, "YAML scenario", "*.yaml", false);
        if (p != null) {
            vm.builder().loadScenario(p, true);
        }
    }

    /**
     * Says {@code text} (a confirmation such as "Saved the scenario to x.yaml.") in the caption and,
     * while the window is on screen, as a notification in its corner that goes by itself. A
     * notification that cannot be shown (no window, or no screen to show it on) is left out.
     */
    public void confirm(String text) {
        vm.status().showCaption(text);
        Window w = scene == null ? null : scene.getWindow();
        if (w == null || !w.isShowing()) {
            return;
        }
        try {
            Notifications.create().owner(w).title("KadLab").text(text).position(Pos.BOTTOM_RIGHT)
                    .hideAfter(Duration.seconds(NOTIFICATION_SECONDS)).showInformation();
        } catch (RuntimeException e) {
            // the caption already says it; a notification is a courtesy
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private void run(IoAction action, String done) {
        try {
            action.run();
            if (done != null) {
                confirm(done);
            }
        } catch (IOException | RuntimeException e) {
            vm.status().showError("Could not save: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private Path choose(String title, String name, String kind, String glob, boolean save) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, glob));
        if (name != null) {
            fc.setInitialFileName(name);
        }
        if (lastDirectory != null && Files.isDirectory(lastDirectory)) {
            fc.setInitialDirectory(lastDirectory.toFile());
        }
        Window w = scene.getWindow();
        java.io.File f = save ? fc.showSaveDialog(w) : fc.showOpenDialog(w);
        if (f == null) {
            return null;
        }
        Path p = f.toPath();
        lastDirectory = p.toAbsolutePath().getParent();
        return p;
    }
}

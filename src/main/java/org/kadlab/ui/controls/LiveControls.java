package org.kadlab.ui.controls;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kadlab.ui.model.LiveMode;
import org.kadlab.ui.model.NetworkViewModel;

/**
 * What the window changes while it shows a live network: a red strip across the top says
 * "LIVE: N nodes via HOST:PORT" (with the events dropped, if any) and offers Disconnect; the
 * controls that only make sense for a simulation (play, step, speed, add, kill %, presets,
 * settings, churn, batches, compare) are hidden or disabled, and the strip says why; Kill and
 * Revive act through the cluster that started the selected node, and are disabled with the reason
 * when it has none.
 */
public final class LiveControls {
    /** Ids of the controls of a simulation only, hidden while live. */
    static final List<String> SIMULATION_ONLY = List.of("#add-count", "#add-button", "#add-with-id-button", "#kill-percent",
            "#kill-percent-button", "#reset-button", "#lookups-button", "#presets-button", "#settings-button", "#churn-toggle",
            "#resilience-menu", "#timeline-bar", "#speed-slider", ".speed-label");
    private final NetworkViewModel vm;
    private final HBox strip = new HBox(12);
    private final Label badge = new Label();
    private final Label why = new Label();
    private final List<Node> hidden = new ArrayList<>();
    private final List<Tab> disabledTabs = new ArrayList<>();
    private Node kill;
    private Node revive;
    private String reviveText;

    public LiveControls(NetworkViewModel vm, Parent bar, TabPane tabs) {
        this.vm = vm;
        badge.setId("live-badge");
        badge.setStyle("-fx-text-fill: white; -fx-font-weight: bold; -fx-font-size: 1.15em;");
        why.setId("live-why");
        why.setStyle("-fx-text-fill: white;");
        why.setWrapText(false);
        why.setTooltip(new Tooltip(LiveMode.SIMULATION_ONLY));
        Button disconnect = new Button("Disconnect");
        disconnect.setId("live-disconnect");
        disconnect.setFocusTraversable(false);
        disconnect.setOnAction(e -> vm.live().disconnect());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        strip.getChildren().addAll(badge, why, gap, disconnect);
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.setId("live-strip");
        strip.setStyle("-fx-background-color: #b3261e; -fx-padding: 5 12 5 12;");
        strip.visibleProperty().bind(vm.live().activeProperty());
        strip.managedProperty().bind(strip.visibleProperty());
        badge.textProperty().bind(javafx.beans.binding.Bindings.concat("\u25cf ", vm.live().badgeProperty()));
        for (String id : SIMULATION_ONLY) {
            Node n = bar.lookup(id);
            if (n != null) {
                hidden.add(n);
            }
        }
        Node play = bar.lookup("#play-button");
        if (play != null && play.getParent() != null) {
            hidden.add(play.getParent()); // the Time group: play, step, run for, speed
        }
        kill = bar.lookup("#kill-button");
        revive = bar.lookup("#revive-button");
        for (Tab t : tabs.getTabs()) {
            if ("compare-tab".equals(t.getId()) || "health-tab".equals(t.getId())) { // both judge simulated networks
                disabledTabs.add(t);
            }
        }
        vm.live().activeProperty().addListener((o, was, on) -> apply());
        vm.selection().selectedNodeProperty().addListener((o, a, b) -> apply());
        vm.revisionProperty().addListener((o, a, b) -> updateWhy());
        apply();
    }

    /** The strip shown across the window while live. */
    public Node strip() {
        return strip;
    }

    private void apply() {
        boolean live = vm.live().isActive();
        for (Node n : hidden) {
            n.setVisible(!live);
            n.setManaged(!live);
        }
        for (Tab t : disabledTabs) {
            t.setDisable(live);
        }
        if (revive instanceof javafx.scene.control.Labeled l) {
            if (reviveText == null) {
                reviveText = l.getText();
            }
            l.setText(live ? "Revive selected" : reviveText); // live, it revives the selected node through its cluster
        }
        String cannot = live ? vm.live().operations().cannotControl() : null;
        for (Node n : new Node[] {kill, revive}) {
            if (n != null) {
                n.setDisable(cannot != null);
                if (n instanceof Control c && live) {
                    c.setTooltip(new Tooltip(cannot != null ? cannot : n == kill
                            ? "Ask the cluster that started the selected node to kill it"
                            : "Ask the cluster that started the selected node to revive it"));
                }
            }
        }
        updateWhy();
    }

    private void updateWhy() {
        if (!vm.live().isActive()) {
            return;
        }
        String cannot = vm.live().operations().cannotControl();
        String text = "Times: ms since connecting \u00b7 play, step, add and settings belong to the simulation"
                + (cannot != null && vm.selection().selectedNode() != null ? " \u00b7 Kill/Revive: no cluster started this node" : "");
        if (!text.equals(why.getText())) {
            why.setText(text);
        }
    }
}

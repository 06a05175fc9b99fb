package org.kadlab.ui.controls;

import org.kadlab.ui.model.NetworkSettings;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.NetworkCommands;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The network settings row: k, alpha, id bits, lookup mode, latency, loss, seed and node count.
 * Apply rebuilds the network from the same seed in the background; a bad value leaves the network
 * as it is and shows a message naming the field. The fields follow the settings of the network
 * shown (after a preset or a loaded scenario too). The fields flow onto a second line when the window
 * is too narrow for one, and the message goes below them, so the row never widens the window.
 */
public final class SettingsPane extends VBox {
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private final ChoiceBox<String> mode = new ChoiceBox<>();
    private final NetworkViewModel vm;
    private final FlowPane row = new WrappingRow(12);

    public SettingsPane(NetworkViewModel vm) {
        super(4);
        this.vm = vm;
        setId("settings-pane");
        getStyleClass().addAll("control-row", "settings-pane");
        Label section = new Label("Settings");
        section.getStyleClass().add("section-label");
        section.setMinWidth(Region.USE_PREF_SIZE);
        row.getChildren().add(section);
        field("nodes", "nodes", 4, "How many nodes join, one at a time (1.." + NetworkCommands.MAX_NODES + ")");
        field("bits", "bits", 2, "Id width in bits, 1..160");
        field("k", "k", 2, "Bucket size and lookup result size");
        field("alpha", "\u03b1", 2, "Lookup parallelism: queries in flight at once");
        mode.getItems().addAll("sliding", "rounds");
        mode.setId("settings-lookup_mode");
        mode.setTooltip(new Tooltip("Lookup mode: sliding keeps alpha queries in flight; rounds waits for each round"));
        mode.setMinWidth(Region.USE_PREF_SIZE);
        row.getChildren().add(mode);
        field("latency_min", "latency ms", 3, "Smallest one-way latency, ms");
        field("latency_max", "..", 3, "Largest one-way latency, ms (uniform in between)");
        field("loss", "loss", 3, "Probability that a message is lost, 0 to below 1");
        field("seed", "seed", 5, "The one seed of all randomness: the same settings and seed give the same network");
        Button apply = new Button("Apply");
        apply.setId("settings-apply");
        apply.setTooltip(new Tooltip("Rebuild the network with these settings from the same seed (in the background)"));
        apply.setOnAction(e -> apply());
        apply.setMinWidth(Region.USE_PREF_SIZE);
        Label error = new Label();
        error.setId("settings-error");
        error.getStyleClass().add("error-label");
        error.textProperty().bind(vm.status().settingsErrorProperty());
        error.visibleProperty().bind(vm.status().settingsErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setMaxWidth(Double.MAX_VALUE);
        error.setWrapText(true);
        error.setMinWidth(0);
        row.getChildren().add(apply);
        getChildren().addAll(row, error);
        show(vm.builder().settingsProperty().get());
        vm.builder().settingsProperty().addListener((o, a, b) -> show(b));
    }

    /** Rebuilds the network from the fields' values (in the background). */
    public boolean apply() {
        return vm.builder().applySettings(texts(), true);
    }

    /** The field texts keyed by {@link NetworkSettings#FIELDS}. */
    public Map<String, String> texts() {
        Map<String, String> m = new LinkedHashMap<>();
        fields.forEach((k, f) -> m.put(k, f.getText()));
        m.put("lookup_mode", mode.getValue());
        return m;
    }

    /** The text field of a setting (for tests). */
    public TextField field(String name) {
        return fields.get(name);
    }

    private void show(NetworkSettings s) {
        if (s == null) {
            return;
        }
        s.toText().forEach((k, v) -> {
            if (fields.containsKey(k)) {
                fields.get(k).setText(v);
            }
        });
        mode.setValue(s.toText().get("lookup_mode"));
    }

    private void field(String name, String label, int columns, String tip) {
        Label l = new Label(label);
        l.getStyleClass().add("settings-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        TextField f = new TextField();
        f.setId("settings-" + name);
        f.setPrefColumnCount(columns);
        f.setMinWidth(Region.USE_PREF_SIZE);
        f.setTooltip(new Tooltip(tip));
        f.setOnAction(e -> apply());
        fields.put(name, f);
        HBox pair = new HBox(4, l, f);
        pair.setAlignment(Pos.CENTER_LEFT);
        pair.setMinWidth(Region.USE_PREF_SIZE);
        row.getChildren().add(pair);
    }
}

package org.kadlab.ui.controls;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.RangeSlider;
import org.controlsfx.control.SegmentedButton;
import org.kadlab.ui.model.NetworkCommands;
import org.kadlab.ui.model.NetworkSettings;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.widgets.FxmlView;

/**
 * The network settings form ({@code SettingsPane.fxml}): node count, id bits, k, alpha, lookup mode
 * (a segmented button: sliding or rounds), latency (two fields and a range slider that follow each
 * other), loss and seed. Apply rebuilds the network from the same seed in the background.
 *
 * <ol>
 *   <li>The fields' texts go through {@link NetworkSettings#parse(Map)}: a bad value leaves the
 *       network as it is and shows the message naming the field below the form.</li>
 *   <li>As it is typed, a field that parse would refuse is marked at the field with that message,
 *       judged both alone (the other fields as the network has them) and with the other fields as
 *       typed; the mark goes as soon as the value is fixed.</li>
 *   <li>The fields follow the settings of the network shown (after a preset or a loaded scenario too).</li>
 * </ol>
 */
public final class SettingsPane extends VBox {
    private final NetworkViewModel vm;
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private final FieldChecks checks = new FieldChecks();
    private final LatencyRange latencyRange = new LatencyRange();

    @FXML private TextField nodes;
    @FXML private TextField bits;
    @FXML private TextField k;
    @FXML private TextField alpha;
    @FXML private SegmentedButton mode;
    @FXML private TextField latencyMin;
    @FXML private RangeSlider latency;
    @FXML private TextField latencyMax;
    @FXML private TextField loss;
    @FXML private TextField seed;
    @FXML private TextField maxFailures;
    @FXML private TextField retries;
    @FXML private TextField peerTimeout;
    @FXML private TextField pingSkip;
    @FXML private CheckBox replicate;
    @FXML private TextField backoff;
    @FXML private CheckBox cacheFound;
    @FXML private CheckBox scaleCache;
    @FXML private CheckBox shareFailing;
    @FXML private CheckBox evictAlone;
    /** The check boxes, keyed by setting name. */
    private final Map<String, CheckBox> flags = new LinkedHashMap<>();
    @FXML private Label error;

    public SettingsPane(NetworkViewModel vm) {
        this.vm = vm;
        FxmlView.load(this);
    }

    @FXML
    private void initialize() {
        fields.put("nodes", nodes);
        fields.put("bits", bits);
        fields.put("k", k);
        fields.put("alpha", alpha);
        fields.put("latency_min", latencyMin);
        fields.put("latency_max", latencyMax);
        fields.put("loss", loss);
        fields.put("seed", seed);
        fields.put("max_failures", maxFailures);
        fields.put("rpc_retries", retries);
        fields.put("peer_timeout_ms", peerTimeout);
        fields.put("ping_skip_window_ms", pingSkip);
        fields.put("failure_backoff_ms", backoff);
        flags.put("replicate_on_join", replicate);
        flags.put("cache_on_find_value", cacheFound);
        flags.put("scale_cache_ttl", scaleCache);
        flags.put("share_failing", shareFailing);
        flags.put("evict_stale_alone", evictAlone);
        nodes.setTooltip(new Tooltip("How many nodes join, one at a time (1.." + NetworkCommands.MAX_NODES + ")"));
        for (Node n : lookupAll(".text-field")) { // each field as wide as its column count, whatever its column's width
            ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
            ((Region) n).setMaxWidth(Region.USE_PREF_SIZE);
        }
        mode.getToggleGroup().selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true); // one mode is always chosen
            }
        });
        latencyRange.follow(latency, latencyMin, latencyMax);
        // a message naming a field is written at that field; the row's own line says only the rest
        vm.status().settingsErrorProperty().addListener((o, was, now) -> blameNamedField(now));
        checks.onBlamesChanged(m -> { }, this::showInline);
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        fields.forEach((name, f) -> {
            checks.check(f, f::getText, t -> refusal(name, t));
            f.textProperty().addListener((o, a, b) -> checks.revalidate());
        });
        show(vm.builder().settingsProperty().get());
        vm.builder().settingsProperty().addListener((o, a, b) -> show(b));
    }

    /** Marks the field whose setting {@code message} begins with (the message of settings that could not be applied). */
    private void blameNamedField(String message) {
        checks.forgive();
        if (message != null && !message.isEmpty()) {
            fields.forEach((name, f) -> {
                if (message.startsWith(name + " ") || message.startsWith(name + ":")) {
                    checks.blame(f, message);
                }
            });
        }
        showInline();
    }

    /** Shows the settings' message in the row unless a field shows it. */
    private void showInline() {
        String m = vm.status().settingsErrorProperty().get();
        error.setText(m == null || checks.blames(m) ? "" : m);
    }

    /** Rebuilds the network from the fields' values (in the background). */
    @FXML
    public boolean apply() {
        return vm.builder().applySettings(texts(), true);
    }

    /** The field texts keyed by {@link NetworkSettings#FIELDS}. */
    public Map<String, String> texts() {
        Map<String, String> m = new LinkedHashMap<>();
        fields.forEach((name, f) -> m.put(name, f.getText()));
        Toggle chosen = mode.getToggleGroup().getSelectedToggle();
        m.put("lookup_mode", chosen == null ? "" : String.valueOf(chosen.getUserData()));
        flags.forEach((name, box) -> m.put(name, String.valueOf(box.isSelected())));
        return m;
    }

    /** The text field of a setting (for tests). */
    public TextField field(String name) {
        return fields.get(name);
    }

    /** The error marked at the field of setting {@code name}, if any. */
    public Optional<String> fieldError(String name) {
        TextField f = fields.get(name);
        return f == null ? Optional.empty() : checks.error(f);
    }

    /** The latency range slider (for tests). */
    public RangeSlider latencySlider() {
        return latency;
    }

    /**
     * Why parse refuses the text {@code text} of setting {@code name}, or null: judged with the other
     * fields as typed, then alone among the settings of the network shown.
     */
    private String refusal(String name, String text) {
        Map<String, String> typed = texts();
        typed.put(name, text);
        String message = namedRefusal(name, typed);
        NetworkSettings shown = vm.builder().settingsProperty().get();
        if (message == null && shown != null) {
            Map<String, String> alone = new LinkedHashMap<>(shown.toText());
            alone.put(name, text);
            message = namedRefusal(name, alone);
        }
        return message;
    }

    private static String namedRefusal(String name, Map<String, String> texts) {
        try {
            NetworkSettings.parse(texts);
            return null;
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            return m != null && m.startsWith(name + " ") ? m : null;
        }
    }

    private void show(NetworkSettings s) {
        if (s == null) {
            return;
        }
        Map<String, String> text = s.toText();
        fields.forEach((name, f) -> f.setText(text.get(name)));
        String chosen = text.get("lookup_mode");
        for (ToggleButton b : mode.getButtons()) {
            b.setSelected(chosen.equals(b.getUserData()));
        }
        flags.forEach((name, box) -> box.setSelected(Boolean.parseBoolean(text.get(name))));
    }

    /** The check box of a true/false setting (for tests). */
    public CheckBox flag(String name) {
        return flags.get(name);
    }
}

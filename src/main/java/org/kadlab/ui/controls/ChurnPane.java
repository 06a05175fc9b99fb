package org.kadlab.ui.controls;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SegmentedButton;
import org.kadlab.sim.Background;
import org.kadlab.sim.SessionModel;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.widgets.FxmlView;

/**
 * The churn row ({@code ChurnPane.fxml}): churn with a session model (Weibull, Pareto, exponential),
 * a mean session and a shape, for a while or until stopped; and a background workload of lookups and
 * find_values per hour. Each Start button becomes Stop while its process runs; a line says what runs
 * and how the workload's queries did. The work is the view model's ({@code ChurnControl}); a number
 * that is not one is marked at its field.
 */
public final class ChurnPane extends VBox {
    /** The choices of how long churn or a workload runs, in virtual ms. */
    static final Map<String, Long> DURATIONS = new LinkedHashMap<>();

    static {
        DURATIONS.put("until stopped", Background.UNTIL_STOPPED);
        DURATIONS.put("for 10 min", 600_000L);
        DURATIONS.put("for 1 h", 3_600_000L);
        DURATIONS.put("for 1 day", 86_400_000L);
    }

    private final NetworkViewModel vm;
    private final FieldChecks checks = new FieldChecks();
    @FXML private SegmentedButton model;
    @FXML private TextField meanSession;
    @FXML private TextField shape;
    @FXML private ChoiceBox<Long> churnFor;
    @FXML private Button churnButton;
    @FXML private TextField lookupsPerHour;
    @FXML private TextField findValuesPerHour;
    @FXML private ChoiceBox<Long> workloadFor;
    @FXML private Button workloadButton;
    @FXML private Label summary;

    public ChurnPane(NetworkViewModel vm) {
        this.vm = vm;
        FxmlView.load(this);
    }

    @FXML
    private void initialize() {
        for (ChoiceBox<Long> box : java.util.List.of(churnFor, workloadFor)) {
            box.getItems().setAll(DURATIONS.values());
            box.setValue(Background.UNTIL_STOPPED);
            box.setConverter(new StringConverter<>() {
                @Override
                public String toString(Long ms) {
                    return DURATIONS.entrySet().stream().filter(e -> e.getValue().equals(ms)).map(Map.Entry::getKey)
                            .findFirst().orElse("");
                }

                @Override
                public Long fromString(String s) {
                    return DURATIONS.get(s);
                }
            });
        }
        model.getToggleGroup().selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true); // one model is always chosen
            }
            shape.setText(chosenModel() == SessionModel.PARETO ? "2" : chosenModel() == SessionModel.WEIBULL ? "0.5" : "1");
            shape.setDisable(chosenModel() == SessionModel.EXPONENTIAL);
        });
        churnButton.textProperty().bind(Bindings.when(vm.churn().churnRunningProperty()).then("Stop churn").otherwise("Start churn"));
        workloadButton.textProperty().bind(Bindings.when(vm.churn().workloadRunningProperty())
                .then("Stop workload").otherwise("Start workload"));
        summary.textProperty().bind(vm.churn().summaryProperty());
        summary.visibleProperty().bind(vm.churn().summaryProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());
        for (javafx.scene.Node group : lookupAll(".control-group")) {
            WrappingRow.keepWhole((javafx.scene.layout.HBox) group);
        }
        checks.check(meanSession, meanSession::getText, t -> positive(t, "mean session"));
        checks.check(shape, shape::getText, t -> positive(t, "shape"));
        checks.check(lookupsPerHour, lookupsPerHour::getText, t -> atLeastZero(t, "lookups/h"));
        checks.check(findValuesPerHour, findValuesPerHour::getText, t -> atLeastZero(t, "find_values/h"));
    }

    /** Starts churn with the fields' settings, or stops the churn under way. */
    @FXML
    public boolean toggleChurn() {
        if (vm.churn().churnRunningProperty().get()) {
            vm.churn().stopChurn();
            return true;
        }
        Double mean = number(meanSession, "mean session");
        Double s = chosenModel() == SessionModel.EXPONENTIAL ? Double.valueOf(1) : number(shape, "shape");
        return mean != null && s != null && vm.churn().startChurn(chosenModel(), mean * 60_000, s, churnFor.getValue());
    }

    /** Starts a workload with the fields' rates, or stops the workload under way. */
    @FXML
    public boolean toggleWorkload() {
        if (vm.churn().workloadRunningProperty().get()) {
            vm.churn().stopWorkload();
            return true;
        }
        Double lookups = number(lookupsPerHour, "lookups/h");
        Double values = number(findValuesPerHour, "find_values/h");
        return lookups != null && values != null && vm.churn().startWorkload(lookups, values, workloadFor.getValue());
    }

    /** The field checks of this row (the bar hides an inline message its fields show). */
    FieldChecks checks() {
        return checks;
    }

    /** The session model chosen. */
    public SessionModel chosenModel() {
        Toggle t = model.getToggleGroup().getSelectedToggle();
        return t == null ? SessionModel.WEIBULL : SessionModel.valueOf(String.valueOf(t.getUserData()));
    }

    /** The number in {@code field}, or null with the message shown inline and at the field. */
    private Double number(TextField field, String what) {
        try {
            return Double.valueOf(field.getText().strip());
        } catch (NumberFormatException | NullPointerException e) {
            String message = what + ": '" + field.getText() + "' is not a number.";
            vm.status().showError(message);
            checks.blame(field, message);
            return null;
        }
    }

    private static String positive(String text, String what) {
        try {
            double v = Double.parseDouble(text.strip());
            return v > 0 && Double.isFinite(v) ? null : what + ": must be above 0, was " + text.strip() + ".";
        } catch (NumberFormatException e) {
            return what + ": '" + text + "' is not a number.";
        }
    }

    private static String atLeastZero(String text, String what) {
        try {
            double v = Double.parseDouble(text.strip());
            return v >= 0 && Double.isFinite(v) ? null : what + ": must be 0 or more, was " + text.strip() + ".";
        } catch (NumberFormatException e) {
            return what + ": '" + text + "' is not a number.";
        }
    }
}

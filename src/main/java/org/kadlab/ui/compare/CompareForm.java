package org.kadlab.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import org.kadlab.kad.LookupMode;
import org.kadlab.sim.Comparison;
import org.kadlab.sim.SimConfig;

/**
 * The configurations to compare, A to D, one row each (name, k, alpha, lookup mode, loss in percent,
 * RPC retries; C and D only when ticked), and the comparison's size (nodes, lookups, seed). It reads
 * its fields into a request; a field that cannot be read is marked (style class {@code field-error},
 * the reason as its tooltip) and named in the message thrown.
 */
final class CompareForm extends GridPane {
    /** Lookups compared unless told otherwise. */
    static final int DEFAULT_LOOKUPS = 20;
    private static final String[] LETTERS = {"A", "B", "C", "D"};

    /** One configuration's fields. */
    private static final class SetupRow {
        final CheckBox on = new CheckBox();
        final TextField name = new TextField();
        final TextField k = small();
        final TextField alpha = small();
        final ComboBox<LookupMode> mode = new ComboBox<>();
        final TextField loss = small();
        final TextField retries = small();

        void show(Comparison.Setup s) {
            name.setText(s.name());
            k.setText(String.valueOf(s.k()));
            alpha.setText(String.valueOf(s.alpha()));
            mode.setValue(s.mode());
            loss.setText(java.math.BigDecimal.valueOf(100 * s.loss()).setScale(3, java.math.RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString());
            retries.setText(String.valueOf(s.rpcRetries()));
        }
    }

    /** A field that cannot be read and why. */
    static final class FieldError extends IllegalArgumentException {
        FieldError(String message) {
            super(message);
        }
    }

    private final List<SetupRow> rows = new ArrayList<>();
    private final TextField nodes = small();
    private final TextField lookups = small();
    private final TextField seed = new TextField();
    private SimConfig base;

    CompareForm() {
        getStyleClass().add("compare-form");
        setHgap(6);
        setVgap(4);
        String[] heads = {"", "name", "k", "alpha", "lookup mode", "loss %", "retries"};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(heads[c]);
            h.getStyleClass().add("compare-head");
            h.setMinWidth(Label.USE_PREF_SIZE);
            add(h, c, 0);
        }
        for (int i = 0; i < LETTERS.length; i++) {
            SetupRow r = new SetupRow();
            r.on.setText(LETTERS[i]);
            r.on.setId("compare-on-" + LETTERS[i].toLowerCase(Locale.ROOT));
            r.on.setSelected(i < 2);
            r.on.setDisable(i < 2); // A and B are always compared
            r.name.setPrefColumnCount(9);
            r.mode.getItems().setAll(LookupMode.values());
            r.mode.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(LookupMode m) {
                    return m == null ? "" : m.name().toLowerCase(Locale.ROOT);
                }

                @Override
                public LookupMode fromString(String s) {
                    return LookupMode.valueOf(s.toUpperCase(Locale.ROOT));
                }
            });
            String id = "compare-" + LETTERS[i].toLowerCase(Locale.ROOT) + "-";
            r.name.setId(id + "name");
            r.k.setId(id + "k");
            r.alpha.setId(id + "alpha");
            r.mode.setId(id + "mode");
            r.loss.setId(id + "loss");
            r.retries.setId(id + "retries");
            for (Control f : List.of(r.name, r.k, r.alpha, r.mode, r.loss, r.retries)) {
                f.disableProperty().bind(r.on.selectedProperty().not());
            }
            addRow(i + 1, r.on, r.name, r.k, r.alpha, r.mode, r.loss, r.retries);
            rows.add(r);
        }
        nodes.setId("compare-nodes");
        lookups.setId("compare-lookups");
        seed.setId("compare-seed");
        seed.setPrefColumnCount(8);
        Label n = new Label("nodes");
        Label l = new Label("lookups");
        Label s = new Label("seed");
        for (Label x : List.of(n, l, s)) {
            x.getStyleClass().add("compare-head");
            x.setMinWidth(Label.USE_PREF_SIZE);
            GridPane.setHalignment(x, javafx.geometry.HPos.RIGHT);
        }
        add(n, 7, 1);
        add(nodes, 8, 1);
        add(l, 7, 2);
        add(lookups, 8, 2);
        add(s, 7, 3);
        add(seed, 8, 3);
        setAlignment(Pos.TOP_LEFT);
    }

    private static TextField small() {
        TextField t = new TextField();
        t.setPrefColumnCount(4);
        return t;
    }

    /** Fills the form from the window's network: A its settings, B the same with alpha 1; C and D off. */
    void reset(SimConfig base, int nodeCount) {
        this.base = base;
        Comparison.Setup a = Comparison.Setup.of("A", base);
        rows.get(0).show(a);
        rows.get(1).show(a.withName("B").withAlpha(1));
        rows.get(2).show(a.withName("C").withMode(LookupMode.ROUNDS));
        rows.get(3).show(a.withName("D").withRpcRetries(1));
        rows.get(2).on.setSelected(false);
        rows.get(3).on.setSelected(false);
        nodes.setText(String.valueOf(nodeCount));
        lookups.setText(String.valueOf(DEFAULT_LOOKUPS));
        seed.setText(String.valueOf(base.seed()));
        clearMarks();
    }

    /** A: alpha 1, B: alpha 3, everything else the window's. */
    void presetAlpha() {
        Comparison.Setup a = Comparison.Setup.of("alpha 1", base).withAlpha(1);
        rows.get(0).show(a);
        rows.get(1).show(a.withName("alpha 3").withAlpha(3));
        clearMarks();
    }

    /** A: sliding window, B: the paper's rounds, everything else the window's. */
    void presetModes() {
        Comparison.Setup a = Comparison.Setup.of("sliding", base).withMode(LookupMode.SLIDING);
        rows.get(0).show(a);
        rows.get(1).show(a.withName("rounds").withMode(LookupMode.ROUNDS));
        clearMarks();
    }

    /** The base configuration with the seed typed in; throws a {@link FieldError} for a bad field. */
    SimConfig base() {
        return base.withSeed(whole(seed, "seed", Long.MIN_VALUE, Long.MAX_VALUE));
    }

    int nodes() {
        return (int) whole(nodes, "nodes", 2, Comparison.MAX_NODES);
    }

    int lookups() {
        return (int) whole(lookups, "lookups", 1, Comparison.MAX_LOOKUPS);
    }

    /** The ticked configurations, in order; throws a {@link FieldError} for a bad field. */
    List<Comparison.Setup> setups() {
        clearMarks();
        List<Comparison.Setup> out = new ArrayList<>();
        for (SetupRow r : rows) {
            if (!r.on.isSelected()) {
                continue;
            }
            String name = r.name.getText() == null ? "" : r.name.getText().strip();
            String who = name.isEmpty() ? r.on.getText() : name;
            if (name.isEmpty()) {
                throw mark(r.name, r.on.getText() + ": a configuration needs a name");
            }
            int k = (int) whole(r.k, who + " k", 1, 1_000);
            int alpha = (int) whole(r.alpha, who + " alpha", 1, 1_000);
            double loss = percent(r.loss, who + " loss");
            int retries = (int) whole(r.retries, who + " retries", 0, 10);
            out.add(new Comparison.Setup(name, k, alpha, r.mode.getValue(), loss, retries));
        }
        return out;
    }

    /** The whole number in {@code f}, in min..max. */
    private long whole(TextField f, String what, long min, long max) {
        String t = f.getText() == null ? "" : f.getText().strip().replace("_", "");
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw mark(f, what + ": '" + t + "' is not a whole number");
        }
        if (v < min || v > max) {
            throw mark(f, what + " must be between " + min + " and " + max + ", was " + v);
        }
        unmark(f);
        return v;
    }

    /** A loss typed in percent, as a share in [0, 1). */
    private double percent(TextField f, String what) {
        String t = f.getText() == null ? "" : f.getText().strip().replace("%", "");
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw mark(f, what + ": '" + t + "' is not a number of percent");
        }
        if (!(v >= 0 && v < 100)) {
            throw mark(f, what + " must be at least 0% and below 100%, was " + t + "%");
        }
        unmark(f);
        return v / 100;
    }

    private static FieldError mark(Control f, String message) {
        if (!f.getStyleClass().contains("field-error")) {
            f.getStyleClass().add("field-error");
        }
        f.setTooltip(new Tooltip(message));
        return new FieldError(message);
    }

    private static void unmark(Control f) {
        f.getStyleClass().remove("field-error");
        f.setTooltip(null);
    }

    private void clearMarks() {
        for (SetupRow r : rows) {
            for (Control f : List.of(r.name, r.k, r.alpha, r.loss, r.retries)) {
                unmark(f);
            }
        }
        for (Control f : List.of(nodes, lookups, seed)) {
            unmark(f);
        }
    }

    /** The lookups field (for tests). */
    TextField lookupsField() {
        return lookups;
    }
}

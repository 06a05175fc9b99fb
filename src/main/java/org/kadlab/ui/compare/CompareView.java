package org.kadlab.ui.compare;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kadlab.sim.ComparisonResult;
import org.kadlab.sim.ComparisonResult.Measure;
import org.kadlab.sim.ComparisonResult.Totals;
import org.kadlab.ui.model.ComparisonRun;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.widgets.ComparisonCharts;

/**
 * The Compare tab: the same lookups on the same network under 2 to 4 configurations.
 *
 * <ol>
 *   <li>On top, the configurations (A: the window's network, B: the same with alpha 1; presets
 *       "alpha 1 vs 3" and "sliding vs rounds"), the size, Run and Cancel with a progress bar. The
 *       comparison runs in the background on networks of its own ({@link ComparisonRun}).</li>
 *   <li>Below, the totals per configuration, then one row per lookup side by side with a Δ per
 *       measure, rows where the configurations found other nodes highlighted.</li>
 *   <li>At the bottom, the selected lookup in full and charts with one series per configuration:
 *       hops and RPCs per lookup and the share of lookups within x RPCs.</li>
 * </ol>
 * Save CSV writes one line per lookup and configuration.
 */
public final class CompareView extends BorderPane {
    private final NetworkViewModel vm;
    private final ComparisonRun run;
    private final CompareForm form = new CompareForm();
    private final CompareTable table = new CompareTable();
    private final CompareDetail detail = new CompareDetail();
    private final TableView<Totals> totals = new TableView<>();
    private final Button runButton = new Button("Run");
    private final Button cancel = new Button("Cancel");
    private final Button csv = new Button("Save CSV\u2026");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label message = new Label();
    private final LineChart<Number, Number> hopsChart = ComparisonCharts.perLookup("compare-hops-chart", Measure.HOPS);
    private final LineChart<Number, Number> rpcChart = ComparisonCharts.perLookup("compare-rpcs-chart", Measure.RPCS);
    private final LineChart<Number, Number> cdfChart = ComparisonCharts.distribution("compare-cdf-chart", Measure.RPCS);

    public CompareView(NetworkViewModel vm) {
        this.vm = vm;
        this.run = vm.comparison();
        setId("compare-view");
        getStyleClass().add("compare-view");
        setTop(top());
        setCenter(centre());
        run.resultProperty().addListener((o, a, r) -> show(r));
        vm.networkProperty().addListener((o, a, n) -> {
            if (!run.runningProperty().get()) {
                form.reset(run.baseConfig(), run.baseNodes());
            }
        });
        form.reset(run.baseConfig(), run.baseNodes());
        show(run.result());
    }

    private HBox top() {
        Button alpha = new Button("alpha 1 vs 3");
        alpha.setOnAction(e -> form.presetAlpha());
        Button modes = new Button("sliding vs rounds");
        modes.setOnAction(e -> form.presetModes());
        Button reset = new Button("This network");
        reset.setOnAction(e -> form.reset(run.baseConfig(), run.baseNodes()));
        runButton.setId("compare-run");
        runButton.setDefaultButton(false);
        runButton.setOnAction(e -> start());
        runButton.disableProperty().bind(run.runningProperty());
        cancel.setId("compare-cancel");
        cancel.setOnAction(e -> run.cancel());
        cancel.disableProperty().bind(run.runningProperty().not());
        csv.setId("compare-csv");
        csv.setOnAction(e -> chooseCsv());
        csv.disableProperty().bind(run.resultProperty().isNull().or(run.runningProperty()));
        progress.setId("compare-progress");
        progress.progressProperty().bind(run.progressProperty());
        progress.visibleProperty().bind(run.runningProperty());
        progress.setPrefWidth(160);
        message.setId("compare-message");
        message.getStyleClass().add("view-status");
        message.setWrapText(true);
        message.textProperty().bind(run.messageProperty());
        run.failedProperty().addListener((o, a, bad) -> message.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("error"), bad));
        Label presets = new Label("presets");
        presets.getStyleClass().add("compare-head");
        HBox presetRow = new HBox(8, presets, alpha, modes, reset);
        HBox runRow = new HBox(8, runButton, cancel, progress, csv);
        for (HBox row : List.of(presetRow, runRow)) {
            row.setAlignment(Pos.CENTER_LEFT);
            for (javafx.scene.Node n : row.getChildren()) {
                if (n instanceof javafx.scene.control.Control c && !(n instanceof ProgressBar)) {
                    c.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
                }
            }
        }
        message.setMaxWidth(Double.MAX_VALUE);
        VBox side = new VBox(8, presetRow, runRow, message);
        HBox.setHgrow(side, Priority.ALWAYS);
        form.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox box = new HBox(24, form, side);
        box.getStyleClass().add("view-toolbar");
        box.setPadding(new Insets(6, 8, 6, 8));
        return box;
    }

    private SplitPane centre() {
        totals.setId("compare-totals");
        totals.getStyleClass().add("compare-totals");
        totals.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        totals.setFixedCellSize(24);
        totals.setPrefHeight(24 * 2 + 30);
        totals.setMinHeight(24 * 2 + 30);
        totals.setPlaceholder(new Label("Totals per configuration show here."));
        totals.getColumns().setAll(List.of(
                swatched(column("config", Totals::name)),
                column("lookups", t -> String.valueOf(t.lookups())),
                column("hops (mean)", t -> fixed(t.meanHops(), 2)),
                column("RPCs (mean)", t -> fixed(t.meanRpcs(), 1)),
                column("RPCs (all)", t -> String.valueOf(t.rpcs())),
                column("time ms (mean)", t -> fixed(t.meanTimeMs(), 0)),
                column("exact", t -> t.exact() + " (" + fixed(100 * t.exactShare(), 0) + "%)"),
                column("recall (mean)", t -> fixed(100 * t.meanRecall(), 1) + "%"),
                column("missed", t -> String.valueOf(t.missed()))));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox upper = new VBox(4, totals, table);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> detail.show(run.result(), row));
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detailScroll.setPadding(new Insets(6));
        detailScroll.setMinWidth(260);
        GridPane charts = new GridPane();
        charts.add(hopsChart, 0, 0);
        charts.add(rpcChart, 1, 0);
        charts.add(cdfChart, 2, 0);
        for (int i = 0; i < 3; i++) {
            javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
            cc.setPercentWidth(100 / 3.0);
            charts.getColumnConstraints().add(cc);
        }
        javafx.scene.layout.RowConstraints rc = new javafx.scene.layout.RowConstraints();
        rc.setVgrow(Priority.ALWAYS);
        charts.getRowConstraints().add(rc);
        SplitPane lower = new SplitPane(detailScroll, charts);
        lower.setDividerPositions(0.36);
        SplitPane split = new SplitPane(upper, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        return split;
    }

    /** The configuration's name with the colour of its series in the charts. */
    private TableColumn<Totals, String> swatched(TableColumn<Totals, String> c) {
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                setText(empty ? null : name);
                if (empty || getTableRow() == null) {
                    setGraphic(null);
                    return;
                }
                javafx.scene.shape.Rectangle swatch = new javafx.scene.shape.Rectangle(10, 10);
                swatch.getStyleClass().addAll("compare-swatch", "compare-swatch-" + getIndex());
                setGraphic(swatch);
            }
        });
        return c;
    }

    private static TableColumn<Totals, String> column(String title, Function<Totals, String> value) {
        TableColumn<Totals, String> c = new TableColumn<>(title);
        c.setSortable(false);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }

    /** Reads the form and starts the comparison; a bad field is marked and said in the message. */
    public boolean start() {
        try {
            return run.start(form.base(), form.nodes(), form.setups(), form.lookups());
        } catch (IllegalArgumentException e) {
            run.refuse(e.getMessage());
            return false;
        }
    }

    private void show(ComparisonResult r) {
        table.show(r);
        totals.getItems().setAll(r == null ? List.of() : r.totals());
        double height = 24 * Math.max(2, totals.getItems().size()) + 30; // every configuration, no empty rows
        totals.setPrefHeight(height);
        totals.setMinHeight(height);
        ComparisonCharts.showPerLookup(hopsChart, r, Measure.HOPS);
        ComparisonCharts.showPerLookup(rpcChart, r, Measure.RPCS);
        ComparisonCharts.showDistribution(cdfChart, r, Measure.RPCS);
        detail.show(r, table.getSelectionModel().getSelectedItem());
    }

    /** Writes the comparison's CSV (one line per lookup and configuration) to {@code out}. */
    public void writeCsv(Path out) throws IOException {
        ComparisonResult r = run.result();
        if (r == null) {
            throw new IOException("no comparison has run yet");
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            r.writeCsv(w);
        }
    }

    private void chooseCsv() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Save the comparison as CSV");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        fc.setInitialFileName("comparison.csv");
        java.io.File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            writeCsv(f.toPath());
            vm.status().showCaption("Saved the comparison to " + f.getName() + ".");
        } catch (IOException | RuntimeException e) {
            vm.status().showError("Could not save: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "\u2013" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** The per-lookup table (for tests). */
    public TableView<ComparisonResult.Row> table() {
        return table;
    }

    /** The totals table (for tests). */
    public TableView<Totals> totalsTable() {
        return totals;
    }

    /** The selected lookup's lines (for tests). */
    public List<String> detailLines() {
        return detail.lines();
    }

    /** The lookups field (for tests). */
    public javafx.scene.control.TextField lookupsField() {
        return form.lookupsField();
    }

    /** The charts: hops and RPCs per lookup, the RPC distribution (for tests). */
    public List<LineChart<Number, Number>> charts() {
        return List.of(hopsChart, rpcChart, cdfChart);
    }
}

package org.kadlab.ui.health;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.HealthReport;
import org.kadlab.ui.model.IdText;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.TableHealthModel;
import org.kadlab.ui.widgets.OnScreen;

/**
 * The Health tab: how well the live nodes' routing tables match the network, judged against the
 * ground truth ({@link TableHealthModel}).
 *
 * <ol>
 *   <li>On top, the network: live nodes, mean contacts per node against the expected fill for random
 *       ids and the possible fill for these ids, stale and dead contacts, empty buckets whose range
 *       holds a live node, and the share of nodes that know all k of their closest live peers beside
 *       the 61% probe-lab measured on IPFS.</li>
 *   <li>In the middle, one sortable row per live node; choosing a row selects the node in the window.</li>
 *   <li>Below, the selected node's buckets: contacts held, possible and expected, per bucket.</li>
 * </ol>
 * It works only while on screen: a ticker asks the model to judge again when the network changed
 * (at most {@link #TICKS_PER_SECOND} slices a second), and redraws when a new judgement or another
 * selection arrives, never on every frame.
 */
public final class HealthView extends BorderPane {
    /** How often a second the view checks for a new judgement while shown. */
    public static final int TICKS_PER_SECOND = 8;
    /** Buckets whose expected, possible and held fills are all below this are left out of the chart. */
    private static final double SHOWN_FILL = 0.01;

    private final NetworkViewModel vm;
    private final TableHealthModel model;
    private final Label summary = new Label();
    private final Label closest = new Label();
    private final Label status = new Label();
    private final Label nodeLine = new Label();
    private final ObservableList<HealthReport.NodeHealth> rows = FXCollections.observableArrayList();
    private final TableView<HealthReport.NodeHealth> table = new TableView<>();
    private final CategoryAxis bucketAxis = new CategoryAxis();
    private final BarChart<String, Number> chart = new BarChart<>(bucketAxis, new NumberAxis());
    private final ReadOnlyObjectWrapper<NodeId> shownNode = new ReadOnlyObjectWrapper<>();
    private HealthReport shownReport;
    private boolean choosing;

    public HealthView(NetworkViewModel vm) {
        this.vm = vm;
        this.model = new TableHealthModel(vm);
        setId("health-view");
        getStyleClass().add("stats-view");
        summary.setId("health-summary");
        closest.setId("health-closest");
        status.setId("health-status");
        nodeLine.setId("health-node");
        for (Label l : List.of(summary, closest, status, nodeLine)) {
            l.getStyleClass().add("view-status");
            l.setWrapText(true);
            l.setMinHeight(Label.USE_PREF_SIZE);
        }
        closest.setTooltip(new Tooltip("A node knows all its closest peers when its table holds each of the k live nodes "
                + "nearest its own id (fewer when the network is smaller). probe-lab measured 61% on the IPFS DHT."));
        VBox top = new VBox(2, summary, closest, status);
        top.getStyleClass().add("view-toolbar");
        setTop(top);
        buildTable();
        chart.setId("health-buckets");
        chart.getStyleClass().addAll("stats-chart", "health-chart");
        chart.setCategoryGap(8);
        chart.setBarGap(1);
        chart.setAnimated(false);
        chart.setTitle("Selected node: contacts per bucket");
        chart.getXAxis().setLabel("bucket");
        chart.getYAxis().setLabel("contacts");
        chart.setMinHeight(160);
        chart.setLegendSide(javafx.geometry.Side.RIGHT);
        VBox bottom = new VBox(2, nodeLine, chart);
        VBox.setVgrow(chart, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(table, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        setCenter(split);
        showSummary(null);

        vm.selection().selectedNodeProperty().addListener((o, a, b) -> {
            if (OnScreen.is(this)) {
                showSelected();
            }
        });
        Animation ticker = new javafx.animation.Timeline(new KeyFrame(Duration.millis(1000.0 / TICKS_PER_SECOND), e -> tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                ticker.stop();
            } else {
                ticker.play();
            }
        });
    }

    private void buildTable() {
        table.setId("health-table");
        table.getStyleClass().add("health-table");
        table.setItems(sortedRows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Judging the routing tables\u2026"));
        TableColumn<HealthReport.NodeHealth, String> id = new TableColumn<>("Node");
        id.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(IdText.brief(vm.keySpace(), c.getValue().id())));
        id.setComparator(String::compareTo);
        table.getColumns().add(id);
        table.getColumns().add(number("Contacts", HealthReport.NodeHealth::contacts, "Contacts the node holds"));
        table.getColumns().add(number("Possible", HealthReport.NodeHealth::possible,
                "Contacts it could hold: per bucket min(k, live nodes in the bucket's range)"));
        table.getColumns().add(number("Stale", HealthReport.NodeHealth::stale, "Contacts whose last RPCs failed (flagged, kept)"));
        table.getColumns().add(number("Dead", HealthReport.NodeHealth::dead, "Contacts that are not live nodes"));
        table.getColumns().add(number("Empty", HealthReport.NodeHealth::emptyButShould,
                "Empty buckets whose range holds a live node: buckets that should not be empty"));
        table.getColumns().add(number("Closest", HealthReport.NodeHealth::closestKnown,
                "How many of its k closest live peers the node holds (all of them is the goal)"));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null && !choosing && !row.id().equals(vm.selection().selectedNode())) {
                vm.selection().select(row.id());
            }
        });
    }

    private SortedList<HealthReport.NodeHealth> sortedRows() {
        SortedList<HealthReport.NodeHealth> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        return sorted;
    }

    private TableColumn<HealthReport.NodeHealth, Number> number(String title, Function<HealthReport.NodeHealth, Integer> value,
                                                              String tip) {
        TableColumn<HealthReport.NodeHealth, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new javafx.beans.property.SimpleIntegerProperty(value.apply(cell.getValue())));
        Label header = new Label(title);
        header.setTooltip(new Tooltip(tip));
        c.setGraphic(header);
        c.setText("");
        return c;
    }

    private void tick() {
        if (!OnScreen.is(this)) {
            return;
        }
        update();
    }

    /** Asks for a new judgement if the network changed and shows a finished one (the ticker calls it while shown). */
    public void update() {
        model.update();
        if (model.poll() || shownReport == null && model.report() != null) {
            show(model.report());
        } else if (!java.util.Objects.equals(shownNode.get(), vm.selection().selectedNode())) {
            showSelected(); // chosen while the tab was hidden
        }
        status.setText(model.isBusy() || shownReport == null ? "Judging the routing tables\u2026"
                : String.format(Locale.ROOT, "As of t = %d ms. Judged against the simulator's ground truth, which lookups never see.",
                        shownReport.time()));
    }

    /** The model behind the view (for tests). */
    public TableHealthModel model() {
        return model;
    }

    /** The summary's lines as shown (for tests). */
    public String summaryText() {
        return summary.getText() + "\n" + closest.getText();
    }

    /** The rows shown, in the table's order (for tests). */
    public List<HealthReport.NodeHealth> rows() {
        return List.copyOf(table.getItems());
    }

    /** The node whose buckets the chart shows, or null. */
    public NodeId shownNode() {
        return shownNode.get();
    }

    private void show(HealthReport r) {
        shownReport = r;
        showSummary(r);
        choosing = true;
        try {
            rows.setAll(r.nodes());
        } finally {
            choosing = false;
        }
        showSelected();
    }

    private void showSummary(HealthReport r) {
        if (r == null) {
            summary.setText("Routing-table health: judged when this tab is open.");
            closest.setText("");
            return;
        }
        summary.setText(String.format(Locale.ROOT, "%d live nodes, k = %d. Contacts per node: %.1f held, %.1f expected for "
                        + "random ids, %.1f possible for these ids. Stale contacts: %d (%s). Dead contacts: %d (%s). "
                        + "Empty buckets that should hold a node: %d, in %d nodes.",
                r.liveNodes(), r.k(), r.meanContacts(), r.expectedContacts(), r.meanPossible(), r.stale(),
                percent(r.staleShare()), r.dead(), percent(r.deadShare()), r.emptyButShould(), r.nodesWithEmptyButShould()));
        closest.setText(closestText(r));
    }

    /** The line on the share of nodes that know all their closest peers, with the IPFS reference. */
    public static String closestText(HealthReport r) {
        return String.format(Locale.ROOT, "Nodes that know all %d of their closest live peers: %d of %d, %s "
                        + "(probe-lab measured %s on IPFS).", Math.min(r.k(), Math.max(0, r.liveNodes() - 1)), r.knowingClosest(),
                r.liveNodes(), percent(r.closestShare()), percent(HealthReport.IPFS_CLOSEST_SHARE));
    }

    /** A share as a percentage with one decimal, such as "61.0%". */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    /** Selects the chosen node's row and charts its buckets. */
    private void showSelected() {
        NodeId sel = vm.selection().selectedNode();
        shownNode.set(sel);
        choosing = true;
        try {
            HealthReport.NodeHealth row = null;
            for (HealthReport.NodeHealth h : table.getItems()) {
                if (h.id().equals(sel)) {
                    row = h;
                    break;
                }
            }
            if (row == null) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().select(row);
                table.scrollTo(row);
            }
            nodeLine.setText(nodeText(sel, row));
        } finally {
            choosing = false;
        }
        chart(sel);
    }

    private String nodeText(NodeId sel, HealthReport.NodeHealth row) {
        if (sel == null) {
            return "Select a node to see its buckets.";
        }
        if (row == null) {
            return IdText.brief(vm.keySpace(), sel) + " is down or joined after this judgement: its table is not judged.";
        }
        return String.format(Locale.ROOT, "%s: %d contacts (%d possible), %d stale, %d dead, %d empty buckets that should "
                        + "hold a node; knows %d of its %d closest live peers.", IdText.brief(vm.keySpace(), sel), row.contacts(),
                row.possible(), row.stale(), row.dead(), row.emptyButShould(), row.closestKnown(), row.closestWanted());
    }

    private void chart(NodeId sel) {
        XYChart.Series<String, Number> held = new XYChart.Series<>();
        held.setName("held");
        XYChart.Series<String, Number> possible = new XYChart.Series<>();
        possible.setName("possible (min(k, live in range))");
        XYChart.Series<String, Number> expected = new XYChart.Series<>();
        expected.setName("expected (random ids)");
        List<HealthReport.BucketHealth> buckets = model.buckets(sel);
        int from = buckets.size();
        for (HealthReport.BucketHealth b : buckets) {
            if (b.contacts() > 0 || b.liveInRange() > 0 || b.expected() >= SHOWN_FILL) {
                from = Math.min(from, b.index());
            }
        }
        List<String> categories = new java.util.ArrayList<>();
        for (int i = from; i < buckets.size(); i++) {
            HealthReport.BucketHealth b = buckets.get(i);
            String name = Integer.toString(b.index());
            categories.add(name);
            held.getData().add(new XYChart.Data<>(name, b.contacts()));
            possible.getData().add(new XYChart.Data<>(name, b.possible()));
            expected.getData().add(new XYChart.Data<>(name, b.expected()));
        }
        chart.getData().clear();
        bucketAxis.setCategories(FXCollections.observableArrayList(categories));
        chart.getData().addAll(List.of(held, possible, expected));
    }
}

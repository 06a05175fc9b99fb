package org.kadlab.ui;

import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import org.controlsfx.control.StatusBar;
import org.kadlab.ui.buckets.BucketPanel;
import org.kadlab.ui.controls.ControlBar;
import org.kadlab.ui.distance.DistanceRingsView;
import org.kadlab.ui.events.EventLogView;
import org.kadlab.ui.graph.NetworkGraphView;
import org.kadlab.ui.inspector.LookupInspector;
import org.kadlab.ui.model.IdText;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.ring.RingView;
import org.kadlab.ui.stats.StatsView;
import org.kadlab.ui.theme.Theme;
import org.kadlab.ui.widgets.NodeDot;

/**
 * The main window's content: controls on top, the ID ring and the XOR-distance rings as tabs on
 * the left, the bucket occupancy and the lookup inspector on the right, and the caption with a
 * legend at the bottom.
 */
public final class MainView extends BorderPane {
    private final NetworkViewModel vm;
    private final RingView ring;
    private final DistanceRingsView distance;
    private final BucketPanel buckets;
    private final LookupInspector inspector;
    private final ControlBar controls;
    private final TabPane tabs = new TabPane();
    private final Label caption = new Label();
    private final Label frameCost = new Label();
    /** The bar's padding and the gaps between its caption, legend and frame cost, in pixels. */
    private static final double CAPTION_BAR_GAPS = 64;
    private boolean light;

    public MainView(NetworkViewModel vm) {
        this.vm = vm;
        getStyleClass().add("main-view");
        ring = new RingView(vm);
        distance = new DistanceRingsView(vm);
        buckets = new BucketPanel(vm);
        inspector = new LookupInspector(vm);
        controls = new ControlBar(vm, this::toggleTheme);
        controls.onCurrentView(this::currentView);

        Tab ringTab = new Tab("ID ring", ring);
        ringTab.setId("ring-tab");
        Tab distanceTab = new Tab("XOR distance", distance);
        distanceTab.setId("distance-tab");
        tabs.getTabs().addAll(ringTab, distanceTab);
        EventLogView events = new EventLogView(vm);
        tabs.getTabs().addAll(viewTab("Events", "events-tab", events),
                viewTab("Stats", "stats-tab", new StatsView(vm)), viewTab("Graph", "graph-tab", new NetworkGraphView(vm)));
        getStylesheets().add(Theme.viewsStylesheet());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            refresh();
            if (b != null && b.getContent() == events) {
                events.drain(); // what queued up while another tab was shown
            }
            if (b != null && b.getContent() instanceof StatsView stats) {
                javafx.application.Platform.runLater(stats::update); // once the tab shows: the charts catch up
            }
        });

        SplitPane right = new SplitPane(buckets, inspector);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.42);
        SplitPane centre = new SplitPane(tabs, right);
        centre.setDividerPositions(0.53);
        SplitPane.setResizableWithParent(right, true);

        caption.setId("caption");
        caption.getStyleClass().add("caption");
        caption.setWrapText(true);
        // ids wider than 32 bits are abbreviated, whoever wrote the caption
        caption.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> IdText.briefAll(vm.keySpace(), vm.status().captionProperty().get()), vm.status().captionProperty()));
        caption.setMaxWidth(Double.MAX_VALUE);
        // two lines, whatever the text: a caption that grows and shrinks would resize the views on every step
        caption.fontProperty().addListener((o, a, f) -> fixCaptionHeight());
        fixCaptionHeight();
        frameCost.getStyleClass().add("frame-cost");
        frameCost.setMinWidth(Region.USE_PREF_SIZE);
        StatusBar bottom = captionBar(legend());

        setTop(controls);
        setCenter(centre);
        setBottom(bottom);
        getStyleClass().add("theme-dark");
        vm.selection().selectedNodeProperty().addListener((o, a, b) -> refresh());
        vm.selection().selectedLookupProperty().addListener((o, a, b) -> refresh());
    }

    public RingView ringView() {
        return ring;
    }

    public DistanceRingsView distanceView() {
        return distance;
    }

    public BucketPanel bucketPanel() {
        return buckets;
    }

    public LookupInspector inspector() {
        return inspector;
    }

    public ControlBar controls() {
        return controls;
    }

    public TabPane tabs() {
        return tabs;
    }

    /** The view of the open tab (the ID ring, the XOR distance, the events, the stats or the graph). */
    public javafx.scene.Node currentView() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t == null ? ring : t.getContent();
    }

    /** Shows the frame cost and the frames per second measured by the frame loop. */
    public void showFrameCost(double micros, double fps) {
        frameCost.setText(String.format(Locale.ROOT, "%.0f fps \u00b7 frame %.1f ms", fps, micros / 1000.0));
    }

    /** Redraws every view from the view model. */
    public void refresh() {
        ring.refresh();
        if (tabs.getSelectionModel().getSelectedIndex() == 1) {
            distance.refresh();
        }
        buckets.refresh();
        inspector.refresh();
    }

    /** Moves only what is animated (RPC pulses). */
    public void animate() {
        ring.animate();
    }

    /** Switches between the dark and the light theme. */
    public void toggleTheme() {
        light = !light;
        getStyleClass().removeAll("theme-dark", "theme-light");
        getStyleClass().add(light ? "theme-light" : "theme-dark");
        controls.themeIsLight(light);
    }

    public boolean isLight() {
        return light;
    }

    /**
     * The window's bottom line, a ControlsFX status bar: the caption on the left, taking the width
     * the legend and the frame cost on the right leave it (so that it wraps onto its two lines
     * instead of widening the window), and no text of the bar's own.
     */
    private StatusBar captionBar(Region legend) {
        StatusBar bar = new StatusBar();
        bar.setId("caption-bar");
        bar.getStyleClass().add("caption-bar");
        bar.setText("");
        bar.getLeftItems().add(caption);
        bar.getRightItems().addAll(legend, frameCost);
        caption.setMinWidth(0);
        caption.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(0, bar.getWidth() - legend.getWidth() - frameCost.getWidth() - CAPTION_BAR_GAPS),
                bar.widthProperty(), legend.widthProperty(), frameCost.widthProperty()));
        return bar;
    }

    /** The legend in two short rows, so the caption keeps most of the width on a narrow window. */
    private javafx.scene.layout.FlowPane legend() {
        javafx.scene.layout.FlowPane box = new javafx.scene.layout.FlowPane(10, 2);
        box.setPrefWrapLength(330);
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.getStyleClass().add("legend");
        box.setAlignment(Pos.CENTER_RIGHT);
        box.getChildren().addAll(
                entry("live", null), entry("down", NodeDot.DEAD), entry("selected", NodeDot.SELECTED),
                entry("contact", NodeDot.CONTACT), entry("waiting", PseudoClass.getPseudoClass("waiting")),
                entry("answered", PseudoClass.getPseudoClass("answered")),
                entry("failed", PseudoClass.getPseudoClass("failed")), rpcEntry("RPC", "outbound"),
                rpcEntry("timeout", "timed-out"));
        return box;
    }

    private static HBox entry(String text, PseudoClass pc) {
        Circle c = new Circle(6);
        c.getStyleClass().addAll("node-dot", "ring-node");
        if (pc != null) {
            c.pseudoClassStateChanged(pc, true);
        }
        Label l = new Label(text);
        l.getStyleClass().add("legend-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        HBox h = new HBox(4, c, l);
        h.setMinWidth(Region.USE_PREF_SIZE);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private static HBox rpcEntry(String text, String pc) {
        Line line = new Line(0, 0, 14, 0);
        line.getStyleClass().add("rpc-path");
        line.pseudoClassStateChanged(PseudoClass.getPseudoClass(pc), true);
        Circle c = new Circle(4);
        c.getStyleClass().add("rpc-pulse");
        c.pseudoClassStateChanged(PseudoClass.getPseudoClass(pc), true);
        line.pseudoClassStateChanged(PseudoClass.getPseudoClass("lookup"), true);
        c.pseudoClassStateChanged(PseudoClass.getPseudoClass("lookup"), true);
        Region gap = new Region();
        gap.setMinWidth(2);
        Label l = new Label(text);
        l.getStyleClass().add("legend-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        HBox h = new HBox(2, line, c, gap, l);
        h.setMinWidth(Region.USE_PREF_SIZE);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private static Tab viewTab(String title, String id, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    private void fixCaptionHeight() {
        double h = Math.ceil(caption.getFont().getSize() * 2.7) + 4;
        caption.setMinHeight(h);
        caption.setPrefHeight(h);
        caption.setMaxHeight(h);
    }

    /** A box the caption and legend sit in (kept for tests that look the caption up). */
    public Label caption() {
        return caption;
    }

}

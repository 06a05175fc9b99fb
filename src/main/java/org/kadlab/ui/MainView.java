package org.kadlab.ui;

import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.StatusBar;
import org.kadlab.ui.buckets.BucketPanel;
import org.kadlab.ui.compare.CompareView;
import org.kadlab.ui.controls.ControlBar;
import org.kadlab.ui.controls.LiveControls;
import org.kadlab.ui.controls.TimelineBar;
import org.kadlab.ui.whatif.WhatIfView;
import org.kadlab.ui.distance.DistanceRingsView;
import org.kadlab.ui.events.EventLogView;
import org.kadlab.ui.graph.NetworkGraphView;
import org.kadlab.ui.health.HealthView;
import org.kadlab.ui.inspector.LookupInspector;
import org.kadlab.ui.lessons.LessonsPanel;
import org.kadlab.ui.model.IdText;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.ring.RingView;
import org.kadlab.ui.stats.StatsView;
import org.kadlab.ui.theme.Theme;
import org.kadlab.ui.trie.TrieView;
import org.kadlab.ui.widgets.FxmlView;
import org.kadlab.ui.widgets.ViewLegend;

/**
 * The main window's content: controls on top, the ID ring and the XOR-distance rings (each with
 * its legend below it) as tabs on the left, the bucket occupancy and the lookup inspector on the
 * right, and the caption at the bottom.
 */
public final class MainView extends BorderPane {
    /** The bar's padding and the gap between its caption and frame cost, in pixels. */
    private static final double CAPTION_BAR_GAPS = 64;
    private final NetworkViewModel vm;
    private final RingView ring;
    private final DistanceRingsView distance;
    private final BucketPanel buckets;
    private final LookupInspector inspector;
    private final ControlBar controls;
    private final LessonsPanel lessons;
    private final TimelineBar timeline;
    private javafx.stage.Stage whatIfWindow;
    @FXML
    private TabPane tabs;
    @FXML
    private Tab ringTab;
    @FXML
    private Tab distanceTab;
    @FXML
    private Tab eventsTab;
    @FXML
    private Tab statsTab;
    @FXML
    private Tab graphTab;
    @FXML
    private Tab trieTab;
    private TrieView trie;
    @FXML
    private Tab healthTab;
    @FXML
    private SplitPane centre;
    @FXML
    private SplitPane right;
    @FXML
    private StatusBar captionBar;
    @FXML
    private Label caption;
    @FXML
    private Label frameCost;
    private boolean light;

    private LiveControls live;

    public MainView(NetworkViewModel vm) {
        this.vm = vm;
        FxmlView.load(this);
        getStylesheets().add(Theme.viewsStylesheet());
        ring = new RingView(vm);
        distance = new DistanceRingsView(vm);
        buckets = new BucketPanel(vm);
        inspector = new LookupInspector(vm);
        controls = new ControlBar(vm, this::toggleTheme);
        controls.onCurrentView(this::currentView);
        EventLogView events = new EventLogView(vm);
        ringTab.setContent(ViewLegend.under(ring, ViewLegend.ring()));
        distanceTab.setContent(ViewLegend.under(distance, ViewLegend.xor()));
        eventsTab.setContent(events);
        statsTab.setContent(new StatsView(vm));
        graphTab.setContent(new NetworkGraphView(vm));
        trie = new TrieView(vm);
        trieTab.setContent(trie);
        Tab compareTab = new Tab("Compare", new CompareView(vm)); // configurations side by side on one network
        compareTab.setId("compare-tab");
        tabs.getTabs().add(compareTab);
        double[] divider = {0.5};
        compareTab.selectedProperty().addListener((o, was, on) -> { // the comparison takes the whole width
            if (on && centre.getItems().contains(right)) {
                divider[0] = centre.getDividerPositions()[0];
                centre.getItems().remove(right);
            } else if (!on && !centre.getItems().contains(right)) {
                centre.getItems().add(right);
                centre.setDividerPositions(divider[0]);
            }
        });
        healthTab.setContent(new HealthView(vm));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            refresh();
            if (b != null && b.getContent() == events) {
                events.drain(); // what queued up while another tab was shown
            }
            if (b != null && b.getContent() instanceof StatsView stats) {
                javafx.application.Platform.runLater(stats::update); // once the tab shows: the charts catch up
            }
        });
        right.getItems().setAll(buckets, inspector);
        SplitPane.setResizableWithParent(right, true);

        // ids wider than 32 bits are abbreviated, whoever wrote the caption
        caption.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> IdText.briefAll(vm.keySpace(), vm.status().captionProperty().get()), vm.status().captionProperty()));
        // two lines, whatever the text: a caption that grows and shrinks would resize the views on every step
        caption.fontProperty().addListener((o, a, f) -> fixCaptionHeight());
        fixCaptionHeight();
        // the caption takes the width the frame cost leaves it, so it wraps onto its two
        // lines instead of widening the window
        caption.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(0, captionBar.getWidth() - frameCost.getWidth() - CAPTION_BAR_GAPS),
                captionBar.widthProperty(), frameCost.widthProperty()));

        setTop(controls);
        timeline = new TimelineBar(vm, this::openWhatIf, Shortcuts.STEP_BACK.keys());
        controls.addRecordsControl(timeline); // in the toolbar's third row: no row of its own taken from the views
        // the Lessons drawer on the right, opened by its button in the control bar
        lessons = new LessonsPanel(vm, tabs);
        setRight(lessons);
        controls.addWindowControl(lessons.toggle());
        vm.selection().selectedNodeProperty().addListener((o, a, b) -> refresh());
        vm.selection().selectedLookupProperty().addListener((o, a, b) -> refresh());
        live = new LiveControls(vm, controls, tabs);
    }

    public RingView ringView() {
        return ring;
    }

    public DistanceRingsView distanceView() {
        return distance;
    }

    /** The binary trie of the id space from the selected node. */
    public TrieView trieView() {
        return trie;
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

    /** The Lessons drawer. */
    /** The session's timeline under the views. */
    public TimelineBar timeline() {
        return timeline;
    }

    /** Opens (or brings forward) the what-if window beside the main one. */
    public void openWhatIf() {
        if (vm.live().isActive()) {
            vm.status().showError("What if runs on the simulated network: File \u2192 Disconnect returns to it.");
            return;
        }
        if (whatIfWindow == null) {
            WhatIfView view = new WhatIfView(vm);
            javafx.scene.Scene scene = new javafx.scene.Scene(view, 980, 560);
            scene.getStylesheets().setAll(getScene() == null ? java.util.List.of() : getScene().getStylesheets());
            view.getStylesheets().add(Theme.viewsStylesheet());
            view.getStyleClass().addAll(getStyleClass().filtered(c -> c.startsWith("theme-")));
            whatIfWindow = new javafx.stage.Stage();
            whatIfWindow.setTitle("KadLab \u2014 what if?");
            if (getScene() != null && getScene().getWindow() != null) {
                whatIfWindow.initOwner(getScene().getWindow());
            }
            whatIfWindow.setScene(scene);
        }
        whatIfWindow.show();
        whatIfWindow.toFront();
    }

    /** The what-if window, or null before it was first opened (for tests). */
    public javafx.stage.Stage whatIfWindow() {
        return whatIfWindow;
    }

    public LessonsPanel lessons() {
        return lessons;
    }

    public TabPane tabs() {
        return tabs;
    }

    /** Puts {@code menuBar} above the controls. */
    public void showMenuBar(javafx.scene.Node menuBar) {
        setTop(new javafx.scene.layout.VBox(menuBar, controls, live.strip()));
    }

    /** What the window changes while it shows a live network (its strip, the controls it hides). */
    public LiveControls live() {
        return live;
    }

    /** Opens the tab with this id ("ring-tab", "distance-tab", "events-tab", "stats-tab", "graph-tab"). */
    public void showTab(String id) {
        tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(tabs.getSelectionModel()::select);
    }

    /** The split between the views on the left and the panels on the right. */
    public SplitPane centre() {
        return centre;
    }

    /** The view of the open tab (the ID ring, the XOR distance, the events, the stats or the graph). */
    public javafx.scene.Node currentView() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t == null ? ring : ViewLegend.viewOf(t.getContent());
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
        if (tabs.getSelectionModel().getSelectedItem() == trieTab) {
            trie.refresh();
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

    private void fixCaptionHeight() {
        double h = Math.ceil(caption.getFont().getSize() * 2.7) + 4;
        caption.setMinHeight(h);
        caption.setPrefHeight(h);
        caption.setMaxHeight(h);
    }

    /** The caption (for tests that look it up). */
    public Label caption() {
        return caption;
    }

}

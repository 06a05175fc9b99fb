package org.kadlab.ui.graph;

import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;
import org.graphstream.graph.Graph;
import org.graphstream.graph.Node;
import org.graphstream.ui.fx_viewer.FxViewPanel;
import org.graphstream.ui.fx_viewer.FxViewer;
import org.graphstream.ui.graphicGraph.GraphPosLengthUtils;

/**
 * GraphStream's viewer embedded in JavaFX (an {@link FxViewer} in the GUI thread, never
 * {@code graph.display()}): its panel, its layout thread switched on and off, and a click that
 * picks the node drawn nearest to it (GraphStream 2.0's own hit test misses nodes in the JavaFX view).
 * If no view can be created, {@link #failure()} says why and nothing else does anything.
 */
final class GraphViewer {
    /** How near a click must be to a node to pick it, in pixels. */
    static final double CLICK_RADIUS_PX = 12;
    private FxViewer viewer;
    private FxViewPanel panel;
    private String failure;
    private boolean layoutRunning;

    /** Embeds a viewer of {@code graph}; a still click on the panel names the nearest node's id to {@code picked}. */
    GraphViewer(Graph graph, Consumer<String> picked) {
        try {
            viewer = new FxViewer(graph, FxViewer.ThreadingModel.GRAPH_IN_GUI_THREAD);
            panel = (FxViewPanel) viewer.addDefaultView(false);
            panel.getStyleClass().add("graph-panel");
            panel.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                if (e.isStillSincePress()) {
                    String id = nearest(e.getX(), e.getY());
                    if (id != null) {
                        picked.accept(id);
                    }
                }
            });
        } catch (RuntimeException | LinkageError ex) {
            viewer = null;
            panel = null;
            failure = "The graph view could not start: " + ex;
        }
    }

    /** The panel to show, or null when the view could not be created. */
    FxViewPanel panel() {
        return panel;
    }

    /** Why the view could not be created, or null. */
    String failure() {
        return failure;
    }

    /** Runs or stops the automatic layout. */
    void setLayout(boolean on) {
        if (viewer == null || on == layoutRunning) {
            return;
        }
        layoutRunning = on;
        if (on) {
            viewer.enableAutoLayout();
        } else {
            viewer.disableAutoLayout();
        }
    }

    /** The id of the node drawn nearest to (x, y) of the panel within {@link #CLICK_RADIUS_PX}, or null. */
    String nearest(double x, double y) {
        if (viewer == null) {
            return null;
        }
        String best = null;
        double bestD = CLICK_RADIUS_PX * CLICK_RADIUS_PX;
        var camera = panel.getCamera();
        for (Node n : viewer.getGraphicGraph().nodes().toList()) {
            double[] xyz = GraphPosLengthUtils.nodePosition(n);
            var px = camera.transformGuToPx(xyz[0], xyz[1], 0);
            double d = (px.x - x) * (px.x - x) + (px.y - y) * (px.y - y);
            if (d <= bestD) {
                bestD = d;
                best = n.getId();
            }
        }
        return best;
    }

    /** Where the node with this id is drawn, in screen coordinates, or null. */
    Point2D screenPointOf(String id) {
        if (panel == null || viewer == null) {
            return null;
        }
        var element = viewer.getGraphicGraph().getNode(id);
        if (element == null) {
            return null;
        }
        double[] xyz = GraphPosLengthUtils.nodePosition(element);
        var px = panel.getCamera().transformGuToPx(xyz[0], xyz[1], 0);
        return panel.localToScreen(px.x, px.y);
    }

    /** Stops the layout thread and the viewer (idempotent). */
    void close() {
        setLayout(false);
        FxViewer v = viewer;
        viewer = null;
        if (v != null) {
            try {
                v.close();
            } catch (RuntimeException ex) {
                // GraphStream 2.0 sometimes throws a NullPointerException here (its renderer map is
                // already gone); the viewer is closed either way
            }
        }
    }
}

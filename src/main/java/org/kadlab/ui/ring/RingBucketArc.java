package org.kadlab.ui.ring;

import java.util.Arrays;
import java.util.Objects;
import javafx.scene.Group;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.BucketSpan;
import org.kadlab.ui.model.NetworkModel;
import org.kadlab.ui.model.RingGeometry;
import org.kadlab.ui.model.TableSnapshot;
import org.kadlab.ui.theme.StructureStyles;

/**
 * The ID ring's layer for the selected bucket: the part of the id space bucket i of the selected
 * node covers, drawn as a translucent wedge from the centre and a band along the ring, edged at both
 * ends, with a label "bucket i: 1/2^(bits-i) of the id space, n/k contacts". Bucket i is one aligned
 * block of 2^i ids (see {@link BucketSpan}), so it is always a single arc: the farthest bucket is
 * half the ring, each closer one half of the one before, right next to the selected node.
 *
 * <p>An arc too thin to see is drawn {@link #MIN_DEGREES} wide (its label still says its true share).
 * It is redrawn only when the bucket, the node, its table or the ring's size changed.
 */
final class RingBucketArc {
    /** The narrowest arc drawn, in degrees. */
    static final double MIN_DEGREES = 1.5;
    final Group group = new Group();
    private final Arc wedge = new Arc();
    private final Arc band = new Arc();
    private final Line startEdge = new Line();
    private final Line endEdge = new Line();
    private final Text label = new Text();
    private Object drawn;

    RingBucketArc() {
        group.getStylesheets().add(StructureStyles.stylesheet());
        wedge.getStyleClass().add("bucket-wedge");
        wedge.setType(ArcType.ROUND);
        band.getStyleClass().add("bucket-band");
        band.setType(ArcType.OPEN);
        startEdge.getStyleClass().add("bucket-edge");
        endEdge.getStyleClass().add("bucket-edge");
        label.getStyleClass().add("bucket-arc-label");
        group.getChildren().addAll(wedge, band, startEdge, endEdge, label);
        group.setMouseTransparent(true);
        group.setVisible(false);
    }

    /** The label, or null when no bucket is shown (for tests). */
    Text label() {
        return group.isVisible() ? label : null;
    }

    /** The band along the ring (for tests: its length is the bucket's share of the full turn), or null when hidden. */
    Arc band() {
        return group.isVisible() ? band : null;
    }

    /**
     * Shows bucket {@code bucket} of {@code owner} (none when it is negative or there is no owner or
     * table) on the ring at ({@code cx}, {@code cy}) of radius {@code radius}; the label goes at ({@code lx}, {@code ly}).
     */
    void draw(NetworkModel net, NodeId owner, int bucket, TableSnapshot table, double cx, double cy, double radius,
              double lx, double ly) {
        int bits = net.keySpace().bits();
        boolean show = owner != null && table != null && bucket >= 0 && bucket < bits && radius > 0;
        int held = show ? table.bucket(bucket).size() : 0;
        Object key = Arrays.asList(net, owner, bucket, held, show, cx, cy, radius, lx, ly);
        if (Objects.equals(key, drawn)) {
            return;
        }
        drawn = key;
        group.setVisible(show);
        if (!show) {
            return;
        }
        BucketSpan span = BucketSpan.of(owner, bucket, bits);
        double extent = Math.max(MIN_DEGREES, span.extentDegrees());
        double from = span.startDegrees() + (span.extentDegrees() - extent) / 2; // a widened arc stays centred
        // JavaFX arcs run counter-clockwise from three o'clock; the ring runs clockwise from twelve
        double fxStart = 90 - (from + extent);
        for (Arc a : new Arc[] {wedge, band}) {
            a.setCenterX(cx);
            a.setCenterY(cy);
            a.setStartAngle(fxStart);
            a.setLength(extent);
        }
        wedge.setRadiusX(radius);
        wedge.setRadiusY(radius);
        band.setRadiusX(radius);
        band.setRadiusY(radius);
        edge(startEdge, cx, cy, radius, Math.toRadians(from));
        edge(endEdge, cx, cy, radius, Math.toRadians(from + extent));
        label.setText(BucketSpan.describe(bucket, bits, held, table.k()));
        label.setX(lx);
        label.setY(ly);
    }

    private static void edge(Line l, double cx, double cy, double radius, double angle) {
        l.setStartX(cx);
        l.setStartY(cy);
        l.setEndX(RingGeometry.x(cx, radius + 12, angle));
        l.setEndY(RingGeometry.y(cy, radius + 12, angle));
    }
}

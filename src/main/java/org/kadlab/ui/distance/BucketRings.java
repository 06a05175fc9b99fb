package org.kadlab.ui.distance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.shape.Circle;
import javafx.scene.text.Text;
import org.kadlab.ui.model.BucketSpan;
import org.kadlab.ui.model.RingScale;

/**
 * The distance view's layer of rings: a circle per bucket, the selected bucket's band as wide as its
 * ring, the band edges at true scale, and each ring's label ("b15 · 2^15..2^16 · 1/2"). Where rings
 * lie closer together than a label is tall, the outermost is labelled, then every ring with room;
 * the selected ring's label is always shown, and no other label covers it.
 */
final class BucketRings {
    private static final PseudoClass OCCUPIED = PseudoClass.getPseudoClass("occupied");
    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");

    final Group group = new Group();
    private final Map<Integer, Text> labelsByIndex = new HashMap<>();

    BucketRings() {
        group.setMouseTransparent(true);
    }

    /**
     * Draws {@code rings} (farthest first) around ({@code cx}, {@code cy}) at the radii of
     * {@code scale}, bucket {@code chosen} (or -1) as the selected one, in a key space of {@code bits}.
     */
    void draw(List<DistanceRingsView.RingInfo> rings, RingScale scale, boolean trueScale, double cx, double cy, int chosen,
              int bits) {
        group.getChildren().clear();
        labelsByIndex.clear();
        List<Text> ringLabels = new ArrayList<>();
        for (DistanceRingsView.RingInfo r : rings) {
            double rad = scale.radius(r.index());
            if (r.index() == chosen) {
                Circle band = new Circle(cx, cy, rad); // the selected bucket's band, as wide as its ring
                band.getStyleClass().add("bucket-band-fill");
                band.setStrokeWidth(scale.width(r.index()));
                group.getChildren().add(0, band);
            }
            if (trueScale) {
                Circle edge = new Circle(cx, cy, scale.outerEdge(r.index()));
                edge.getStyleClass().add("bucket-band-edge");
                group.getChildren().add(edge);
            }
            Circle c = new Circle(cx, cy, rad);
            c.getStyleClass().add("bucket-ring");
            c.pseudoClassStateChanged(OCCUPIED, r.held() > 0);
            c.pseudoClassStateChanged(CHOSEN, r.index() == chosen);
            group.getChildren().add(c);
            Text t = new Text("b" + r.index() + " \u00b7 " + BucketSpan.rangeText(r.index()) + " \u00b7 "
                    + BucketSpan.shareText(r.index(), bits));
            t.getStyleClass().add("bucket-ring-label");
            t.pseudoClassStateChanged(CHOSEN, r.index() == chosen);
            t.setX(cx + 4);
            t.setY(cy - rad - 3);
            ringLabels.add(t);
            labelsByIndex.put(r.index(), t);
        }
        group.getChildren().addAll(ringLabels);
        group.applyCss(); // built during layout, after this pulse's CSS pass
        // rings closer together than a label is tall: label the outermost, then every ring with room
        double lastTop = Double.NEGATIVE_INFINITY;
        Text chosenLabel = labelsByIndex.get(chosen);
        for (Text t : ringLabels) {
            var b = t.getLayoutBounds();
            boolean room = t == chosenLabel || (b.getMinY() >= lastTop
                    && (chosenLabel == null || !b.intersects(chosenLabel.getLayoutBounds())));
            t.setVisible(room);
            if (room) {
                lastTop = b.getMaxY();
            }
        }
    }

    /** The label of bucket {@code index}'s ring, or null when it has no ring. */
    String labelText(int index) {
        Text t = labelsByIndex.get(index);
        return t == null ? null : t.getText();
    }

    /** The bucket whose ring is drawn as the selected one, or -1. */
    int chosenRing() {
        for (var e : labelsByIndex.entrySet()) {
            if (e.getValue().getPseudoClassStates().contains(CHOSEN)) {
                return e.getKey();
            }
        }
        return -1;
    }
}

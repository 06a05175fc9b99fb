package org.kadlab.ui.trie;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.kadlab.ui.model.BucketSpan;
import org.kadlab.ui.model.IdTrie;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.widgets.LazyTooltip;
import org.kadlab.ui.widgets.NodeDot;
import org.kadlab.ui.widgets.NodeTooltips;

/**
 * One sibling subtree of the trie, which is one k-bucket of the selected node: its index and share
 * of the id space, its fill against k (a bar of k cells), its id prefix, and every node in it as a
 * dot placed by id along the subtree's block of ids, contacts filled and ringed. Clicking it selects
 * the bucket; clicking a dot selects that node.
 */
final class SubtreeBox extends Pane {
    static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");
    private static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");
    private static final PseudoClass FULL = PseudoClass.getPseudoClass("full");
    private static final PseudoClass FILLED = PseudoClass.getPseudoClass("filled");
    /** Up to this k the fill is drawn as one cell per slot; above it, as one bar. */
    private static final int CELLS_UP_TO = 8;
    /** Rows of dots, so that nodes with close ids do not hide each other. */
    private static final int LANES = 2;

    private final IdTrie.Level level;
    private final Text name = new Text();
    private final Text share = new Text();
    private final Text fill = new Text();
    private final List<NodeDot> leafDots = new ArrayList<>();

    SubtreeBox(IdTrie.Level level, int k, int bits, NetworkViewModel vm) {
        this.level = level;
        getStyleClass().add("trie-subtree");
        pseudoClassStateChanged(EMPTY, level.nodes() == 0);
        pseudoClassStateChanged(FULL, level.held() >= k);
        name.getStyleClass().add("trie-bucket-name");
        name.setText("bucket " + level.bucket());
        share.getStyleClass().add("trie-share");
        share.setText(BucketSpan.shareText(level.bucket(), bits) + " of the ids");
        fill.getStyleClass().add("trie-fill");
        fill.setText(level.held() + "/" + k);
        getChildren().addAll(name, share, fill);
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                vm.bucketFocus().toggle(level.bucket());
            }
        });
        LazyTooltip.install(this, () -> "bucket " + level.bucket() + ": ids starting " + level.prefix() + "\u2026"
                + "\nXOR distance " + BucketSpan.rangeText(level.bucket()) + ", " + BucketSpan.shareText(level.bucket(), bits)
                + " of the id space\nholds " + level.held() + " of k = " + k + " contacts; " + level.nodes()
                + " live node(s) lie in it\nclick to show this bucket on the ring and the XOR rings", null);
        for (IdTrie.Leaf leaf : level.leaves()) {
            NodeDot d = new NodeDot(leaf.id(), "trie-leaf");
            d.set(NodeDot.CONTACT, leaf.contact());
            d.set(NodeDot.DEAD, !leaf.alive());
            d.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY) {
                    vm.selection().select(d.node());
                    e.consume();
                }
            });
            NodeTooltips.attach(d, vm);
            leafDots.add(d);
        }
    }

    /** The level of the trie this box shows. */
    IdTrie.Level level() {
        return level;
    }

    /** The dots of the nodes in the subtree, by id. */
    List<NodeDot> leafDots() {
        return leafDots;
    }

    /** The texts the box shows: bucket, share, fill. */
    String text() {
        return name.getText() + " \u00b7 " + share.getText() + " \u00b7 " + fill.getText();
    }

    /** Places the texts, the fill bar, the prefix and the dots in a box of {@code w} x {@code h} (scale {@code s}). */
    void draw(double w, double h, double s, int k, int bits) {
        getChildren().retainAll(name, share, fill);
        resize(w, h);
        applyCss(); // the texts are measured in their styled font
        double pad = 8 * s;
        double top = 17 * s;
        name.setX(pad);
        name.setY(top);
        share.setX(pad + name.getLayoutBounds().getWidth() + 7 * s);
        share.setY(top);
        // the fill bar at the right: one cell per slot when k is small, else one bar
        boolean cells = k <= CELLS_UP_TO;
        double barW = Math.min(w * 0.25, cells ? k * 9 * s : 50 * s);
        double barX = w - pad - barW;
        if (cells) {
            double gap = 2 * s;
            double cellW = (barW - gap * (k - 1)) / k;
            for (int i = 0; i < k; i++) {
                getChildren().add(cell(barX + i * (cellW + gap), top - 10 * s, cellW, 10 * s, i < level.held()));
            }
        } else {
            getChildren().add(cell(barX, top - 10 * s, barW, 10 * s, false));
            getChildren().add(cell(barX, top - 10 * s, barW * Math.min(1.0, (double) level.held() / k), 10 * s, true));
        }
        fill.setX(barX - fill.getLayoutBounds().getWidth() - 5 * s);
        fill.setY(top);
        // a narrow box says only the fraction: "1/4" for "1/4 of the ids"
        String shareText = BucketSpan.shareText(level.bucket(), bits);
        share.setText(shareText + " of the ids");
        if (share.getX() + share.getLayoutBounds().getWidth() > fill.getX() - 6 * s) {
            share.setText(shareText);
        }
        // the prefix, then the strip of ids this subtree covers
        String p = level.prefix().length() > 12 ? "\u2026" + level.prefix().substring(level.prefix().length() - 10) : level.prefix();
        Text prefix = new Text(p + "\u2026");
        prefix.getStyleClass().add("trie-prefix");
        getChildren().add(prefix);
        prefix.applyCss();
        double laneH = Math.max(9, (h - top - 8 * s) / LANES);
        double stripY = top + 6 * s + laneH / 2;
        prefix.setX(pad);
        prefix.setY(stripY + laneH / 2 + 4 * s);
        double x0 = pad + Math.max(prefix.getLayoutBounds().getWidth(), 40 * s) + 8 * s;
        double x1 = w - pad - (level.moreLeaves() > 0 ? 40 * s : 0);
        Line strip = new Line(x0, stripY, x1, stripY);
        strip.getStyleClass().add("trie-strip");
        getChildren().add(strip);
        if (level.nodes() == 0) {
            Text empty = new Text("empty: no node here");
            empty.getStyleClass().add("trie-empty");
            empty.setX(x0 + 6 * s);
            empty.setY(stripY + laneH / 2);
            getChildren().add(empty);
            return;
        }
        double[] laneEnd = new double[LANES];
        java.util.Arrays.fill(laneEnd, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < leafDots.size(); i++) {
            NodeDot d = leafDots.get(i);
            IdTrie.Leaf leaf = level.leaves().get(i);
            // many nodes in a short strip: the ones the node does not know shrink, its contacts stay large
            double r = leaf.contact() ? 5.5 * s
                    : Math.max(2 * s, Math.min(4.5 * s, (x1 - x0) * LANES / (2.5 * leafDots.size())));
            double x = x0 + r + leaf.offset() * (x1 - x0 - 2 * r);
            int lane = 0;
            while (lane < LANES - 1 && laneEnd[lane] > x - r) {
                lane++;
            }
            laneEnd[lane] = Math.max(laneEnd[lane], x + r + 1);
            d.setRadius(r);
            d.setCenterX(x);
            d.setCenterY(stripY + lane * laneH);
            getChildren().add(d);
        }
        if (level.moreLeaves() > 0) {
            Text more = new Text("+" + level.moreLeaves());
            more.getStyleClass().add("trie-share");
            more.setX(x1 + 4 * s);
            more.setY(stripY + 4 * s);
            getChildren().add(more);
        }
    }

    private static Rectangle cell(double x, double y, double w, double h, boolean filled) {
        Rectangle r = new Rectangle(x, y, w, h);
        r.getStyleClass().add("trie-fill-cell");
        r.pseudoClassStateChanged(FILLED, filled);
        return r;
    }
}

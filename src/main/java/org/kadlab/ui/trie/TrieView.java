package org.kadlab.ui.trie;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.IdText;
import org.kadlab.ui.model.IdTrie;
import org.kadlab.ui.model.NetworkModel;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.theme.StructureStyles;
import org.kadlab.ui.widgets.NodeDot;
import org.kadlab.ui.widgets.NodeTooltips;

/**
 * The binary trie of the id space from the selected node's view, as in Figure 1 of the Kademlia
 * paper: the node's id spelled bit by bit as a highlighted path from the root, and at each depth the
 * sibling subtree hanging off the path, which is one of its k-buckets (0-branches to the left,
 * 1-branches to the right). Each subtree shows its bucket index, its share of the id space, its fill
 * against k and the nodes in it (see {@link SubtreeBox}). Below the deepest subtree that holds a node
 * and one more level, the path is folded into one "N more levels" marker, so 160-bit ids draw as few
 * shapes as 16-bit ones.
 *
 * <p>It is rebuilt only when the selected node, the network's membership or the selected node's table
 * changed, or the view was resized; a new selected bucket only restyles the subtrees.
 */
public final class TrieView extends BorderPane {
    private static final double BASE_FONT = 13;
    private final NetworkViewModel vm;
    private final Label title = new Label();
    private final Label hint = new Label();
    private final Pane plot = new Pane();
    private final ScrollPane scroll = new ScrollPane(plot);
    private final List<SubtreeBox> boxes = new ArrayList<>();
    private IdTrie trie;
    private Object signature;
    private double drawnWidth = -1;
    private double drawnScale = -1;
    private Text foldMarker;
    private long rebuilds;

    public TrieView(NetworkViewModel vm) {
        this.vm = vm;
        getStylesheets().add(StructureStyles.stylesheet());
        getStyleClass().add("trie-view");
        title.getStyleClass().add("trie-title");
        hint.getStyleClass().add("trie-hint");
        hint.setWrapText(true);
        hint.setText("Each subtree off the highlighted path is one k-bucket: bucket i holds the ids that share the "
                + "node's first (bits \u2212 1 \u2212 i) bits and differ at the next one. Click a subtree to select "
                + "its bucket (the rings show it), a dot to select that node.");
        FlowPane legend = new FlowPane(12, 2, legendDot("contact", NodeDot.CONTACT, false),
                legendDot("node it does not know", null, false), legendDot("down contact", NodeDot.CONTACT, true),
                legendPath());
        legend.getStyleClass().add("trie-legend");
        VBox top = new VBox(3, title, hint, legend);
        top.getStyleClass().add("trie-header");
        setTop(top);
        plot.getStyleClass().add("trie-plot");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("trie-scroll");
        setCenter(scroll);
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            if (b.getWidth() != drawnWidth) {
                draw();
            }
        });
        vm.bucketFocus().bucketProperty().addListener((o, a, b) -> restyle());
        setMinSize(300, 300);
        setPrefSize(700, 650);
    }

    /** The trie shown, or null when no node is selected (for tests). */
    public IdTrie trie() {
        return trie;
    }

    /** How many times the trie was rebuilt from the network (for tests). */
    public long rebuilds() {
        return rebuilds;
    }

    /** The bucket indexes of the subtrees drawn, from the root down (for tests). */
    public List<Integer> subtreeBuckets() {
        return boxes.stream().map(b -> b.level().bucket()).toList();
    }

    /** The subtree drawn for bucket {@code index}, or null (for tests and clicks). */
    public Node subtree(int index) {
        return box(index);
    }

    /** What the subtree of bucket {@code index} says: "bucket 15 · 1/2 of the ids · 3/4" (for tests). */
    public String subtreeText(int index) {
        SubtreeBox b = box(index);
        return b == null ? null : b.text();
    }

    /** The dots in the subtree of bucket {@code index}, by id (for tests). */
    public List<NodeDot> leafDots(int index) {
        SubtreeBox b = box(index);
        return b == null ? List.of() : List.copyOf(b.leafDots());
    }

    /** Whether the subtree of bucket {@code index} is drawn as the selected bucket (for tests). */
    public boolean isChosen(int index) {
        SubtreeBox b = box(index);
        return b != null && b.getPseudoClassStates().contains(SubtreeBox.CHOSEN);
    }

    /** The text of the marker standing for the folded levels, or null when none are folded (for tests). */
    public String foldText() {
        return foldMarker == null ? null : foldMarker.getText();
    }

    /** How many shapes the trie is drawn with (for tests: bounded whatever the id width). */
    public int shapeCount() {
        int n = 0;
        for (Node c : plot.getChildren()) {
            n += c instanceof Pane p ? 1 + p.getChildren().size() : 1;
        }
        return n;
    }

    /** Rebuilds the trie if the selected node, the membership or its table changed since the last call. */
    public void refresh() {
        NetworkModel net = vm.network();
        NodeId sel = vm.selection().selectedNode();
        if (sel != null && !net.contains(sel)) {
            sel = null;
        }
        Object next = Arrays.asList(net, sel, vm.tableVersion(), vm.membershipVersion());
        if (next.equals(signature)) {
            return;
        }
        signature = next;
        rebuilds++;
        trie = sel == null ? null : IdTrie.of(sel, net);
        KeySpace ks = net.keySpace();
        title.setText(trie == null ? "Binary trie: select a node"
                : "Binary trie of " + ks.bits() + "-bit ids seen from " + IdText.brief(ks, sel) + " \u00b7 k = " + trie.k()
                        + " \u00b7 " + net.liveCount() + " live nodes");
        draw();
    }

    /** Lays the trie out for the current width: the path, the subtrees, the fold marker and the node's leaf. */
    private void draw() {
        double width = scroll.getViewportBounds().getWidth();
        drawnWidth = width;
        plot.getChildren().clear();
        boxes.clear();
        foldMarker = null;
        if (trie == null || width <= 0) {
            return;
        }
        title.applyCss();
        double s = Math.max(1, title.getFont().getSize() / BASE_FONT);
        drawnScale = s;
        double w = Math.max(460 * s, width);
        double pad = 10 * s;
        double spineX = w / 2;
        double gap = 36 * s;
        double rowH = 56 * s;
        double boxH = 46 * s;
        double boxW = spineX - gap - pad;
        double y0 = 16 * s;
        List<Node> edges = new ArrayList<>();
        List<Node> marks = new ArrayList<>();
        int bits = trie.bits();
        Text root = text("root: all 2^" + bits + " ids", "trie-root-label");
        root.setX(spineX + 10 * s);
        root.setY(y0 - 4 * s);
        marks.add(root);
        for (IdTrie.Level level : trie.levels()) {
            double y = y0 + level.depth() * rowH;
            boolean boxLeft = level.ownerBit(); // the sibling takes the other branch: 0 to the left, 1 to the right
            double bx = boxLeft ? pad : spineX + gap;
            double by = y + 8 * s;
            edges.add(line(spineX, y, spineX, y + rowH, "trie-path"));
            Text bit = text(level.ownerBit() ? "1" : "0", "trie-path-bit");
            bit.setX(spineX + (boxLeft ? 6 * s : -14 * s));
            bit.setY(y + rowH / 2 + 4 * s);
            marks.add(bit);
            double ex = boxLeft ? bx + boxW : bx;
            edges.add(line(spineX, y, ex, by + boxH / 2, "trie-branch"));
            Text other = text(level.ownerBit() ? "0" : "1", "trie-branch-bit");
            other.setX((spineX + ex) / 2 + (boxLeft ? -4 * s : -2 * s));
            other.setY((y + by + boxH / 2) / 2 - 4 * s);
            marks.add(other);
            Circle node = new Circle(spineX, y, 4.5 * s);
            node.getStyleClass().add("trie-path-node");
            marks.add(node);
            SubtreeBox box = new SubtreeBox(level, trie.k(), bits, vm);
            box.relocate(bx, by);
            boxes.add(box);
        }
        double end = y0 + trie.levels().size() * rowH;
        if (!trie.reachesOwner()) {
            Line rest = line(spineX, end, spineX, end + rowH * 0.8, "trie-path");
            rest.getStyleClass().add("trie-folded");
            edges.add(rest);
            foldMarker = text("\u2026 " + trie.hiddenLevels() + " more level" + (trie.hiddenLevels() == 1 ? "" : "s")
                    + ", all empty", "trie-fold");
            foldMarker.setX(spineX + 12 * s);
            foldMarker.setY(end + rowH * 0.45);
            marks.add(foldMarker);
            end += rowH * 0.8;
        }
        NodeDot owner = new NodeDot(trie.owner(), "trie-owner");
        owner.set(NodeDot.SELECTED, true);
        owner.set(NodeDot.DEAD, !vm.network().isAlive(trie.owner()));
        owner.setRadius(8 * s);
        owner.setCenterX(spineX);
        owner.setCenterY(end + 8 * s);
        NodeTooltips.attach(owner, vm);
        KeySpace ks = vm.network().keySpace();
        // under the leaf: the node, and its id in binary, which the path above spells bit by bit
        Text ownerLabel = text("selected node " + IdText.brief(ks, trie.owner())
                + (bits <= IdText.WHOLE_BITS ? "\n" + IdText.grouped(ks.binary(trie.owner())) : ""), "trie-owner-label");
        ownerLabel.setTextAlignment(javafx.scene.text.TextAlignment.RIGHT);
        plot.getChildren().addAll(edges);
        plot.getChildren().addAll(boxes);
        plot.getChildren().addAll(marks);
        plot.getChildren().addAll(owner, ownerLabel);
        ownerLabel.applyCss(); // measured in its styled font, then put left of the leaf, level with it
        var label = ownerLabel.getLayoutBounds();
        ownerLabel.setX(spineX - 16 * s - label.getWidth());
        ownerLabel.setY(end + 8 * s - label.getHeight() / 2 - label.getMinY() - ownerLabel.getY() + 2 * s);
        for (SubtreeBox b : boxes) {
            b.draw(boxW, boxH, s, trie.k(), bits);
        }
        plot.setPrefHeight(end + 40 * s);
        plot.setMinHeight(end + 40 * s);
        plot.setPrefWidth(w);
        restyle();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        title.applyCss();
        if (trie != null && drawnScale > 0 && Math.max(1, title.getFont().getSize() / BASE_FONT) != drawnScale) {
            draw(); // presentation mode changed the font: the trie grows with it
        }
    }

    /** Marks the subtree of the selected bucket. */
    private void restyle() {
        int chosen = vm.bucketFocus().bucket();
        for (SubtreeBox b : boxes) {
            b.pseudoClassStateChanged(SubtreeBox.CHOSEN, b.level().bucket() == chosen);
        }
    }

    private SubtreeBox box(int index) {
        for (SubtreeBox b : boxes) {
            if (b.level().bucket() == index) {
                return b;
            }
        }
        return null;
    }

    private static Line line(double x0, double y0, double x1, double y1, String style) {
        Line l = new Line(x0, y0, x1, y1);
        l.getStyleClass().add(style);
        l.setMouseTransparent(true);
        return l;
    }

    private static Text text(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().add(style);
        t.setMouseTransparent(true);
        return t;
    }

    private static HBox legendDot(String text, javafx.css.PseudoClass pc, boolean dead) {
        Circle c = new Circle(5);
        c.getStyleClass().addAll("node-dot", "trie-leaf");
        if (pc != null) {
            c.pseudoClassStateChanged(pc, true);
        }
        c.pseudoClassStateChanged(NodeDot.DEAD, dead);
        Label l = new Label(text);
        l.getStyleClass().add("trie-legend-label");
        HBox h = new HBox(4, c, l);
        h.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return h;
    }

    private static HBox legendPath() {
        Line l = new Line(0, 0, 16, 0);
        l.getStyleClass().add("trie-path");
        Label t = new Label("the selected node's id, bit by bit");
        t.getStyleClass().add("trie-legend-label");
        HBox h = new HBox(4, l, t);
        h.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return h;
    }
}

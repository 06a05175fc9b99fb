package org.kadlab.ui.buckets;

import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.BucketRow;
import org.kadlab.ui.model.IdText;
import org.kadlab.ui.model.NetworkModel;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.RingGeometry;
import org.kadlab.ui.widgets.FxmlView;
import org.kadlab.ui.widgets.LazyTooltip;

/**
 * The bucket occupancy of the selected node: one row per non-empty bucket (runs of empty ones
 * folded into one row), its contacts in LRU order (head = least recently seen, first), the fill
 * against k beside the expected fill min(k, N 2^(i-B)), the replacement cache and a ping-before-evict
 * in progress. Rows and chips are nodes styled by pseudo-classes ({@code :full}, {@code :stale},
 * {@code :dead}, {@code :pinged}): a stale contact (still held) is filled in the failure colour, a
 * down one is hollow, an evicted one is gone, its place an empty slot; a legend above the rows shows
 * each.
 *
 * <p>The title, the hint and the scrolling column of rows are laid out in {@code BucketPanel.fxml};
 * the rows are built and updated in place here, as the routing table changes.
 */
public final class BucketPanel extends VBox {
    private static final PseudoClass FULL = PseudoClass.getPseudoClass("full");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final PseudoClass DEAD = PseudoClass.getPseudoClass("dead");
    private static final PseudoClass PINGED = PseudoClass.getPseudoClass("pinged");
    private static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");
    /** The row of the selected bucket (clicking a row selects its bucket; see {@code BucketFocus}). */
    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");

    private final NetworkViewModel vm;
    @FXML
    private Label header;
    @FXML
    private Tooltip headerTip;
    @FXML
    private Label hint;
    @FXML
    private VBox rows;
    @FXML
    private FlowPane legend;
    private List<BucketRow> current = List.of();
    private final List<javafx.scene.Node> rowNodes = new java.util.ArrayList<>();
    private Object shownSignature;
    private long rebuilds;

    public BucketPanel(NetworkViewModel vm) {
        this.vm = vm;
        FxmlView.load(this);
        legend.getChildren().addAll(sample("contact", null, "a contact the node holds"),
                sample("stale", STALE, "a contact whose recent RPCs failed: still held until a replacement comes"),
                sample("down", DEAD, "a contact that is down; its owner does not know yet"),
                sample("pinged", PINGED, "the head, pinged before a newcomer may take its place"));
        Label empty = new Label("empty");
        empty.getStyleClass().add("empty-slot");
        empty.setTooltip(new Tooltip("a free place in the bucket: nobody, or an evicted contact's old place"));
        legend.getChildren().add(empty);
        getStylesheets().add(org.kadlab.ui.theme.StructureStyles.stylesheet());
        vm.bucketFocus().bucketProperty().addListener((o, a, b) -> markChosen());
    }

    /** Marks the row of the selected bucket. */
    private void markChosen() {
        int chosen = vm.bucketFocus().bucket();
        for (javafx.scene.Node n : rowNodes) {
            if (n instanceof BucketRowView view) {
                view.pseudoClassStateChanged(CHOSEN, view.shown.firstIndex() == chosen);
            }
        }
    }

    /** The row of bucket {@code index}, or null when it has none of its own (for tests and clicks). */
    public javafx.scene.Node row(int index) {
        for (javafx.scene.Node n : rowNodes) {
            if (n instanceof BucketRowView view && view.shown.firstIndex() == index) {
                return view;
            }
        }
        return null;
    }

    /** Whether the row of bucket {@code index} is marked as the selected bucket (for tests). */
    public boolean isChosen(int index) {
        javafx.scene.Node n = row(index);
        return n != null && n.getPseudoClassStates().contains(CHOSEN);
    }

    /** A chip in the legend that looks like a contact in state {@code pc} (null: a plain contact). */
    private static Label sample(String text, PseudoClass pc, String help) {
        Label chip = new Label(text);
        chip.getStyleClass().add("contact-chip");
        if (pc != null) {
            chip.pseudoClassStateChanged(pc, true);
        }
        chip.setTooltip(new Tooltip(help));
        return chip;
    }

    /** The rows shown (for tests). */
    public List<BucketRow> shownRows() {
        return current;
    }

    /** How many times the rows were recomputed from the routing table (for tests). */
    public long rebuilds() {
        return rebuilds;
    }

    /**
     * Updates the rows from the selected node's routing table, but only when its signature (the
     * node, the version of its table, the network's membership) changed; a row whose bucket did not
     * change keeps its nodes.
     */
    public void refresh() {
        NetworkModel net = vm.network();
        NodeId sel = vm.selection().selectedNode();
        if (sel != null && !net.contains(sel)) {
            sel = null; // a node of a network being replaced
        }
        boolean alive = net.isAlive(sel);
        Object signature = java.util.Arrays.asList(net, sel, alive, vm.tableVersion(),
                vm.membershipVersion());
        if (signature.equals(shownSignature)) {
            return;
        }
        shownSignature = signature;
        rebuilds++;
        if (sel == null) {
            header.setText("Routing table: select a node");
            headerTip.setText("Click a node on the ring to see its routing table");
            rows.getChildren().clear();
            rowNodes.clear();
            current = List.of();
            return;
        }
        KeySpace ks = vm.keySpace();
        List<BucketRow> next = BucketRow.of(sel, net);
        int others = Math.max(0, net.liveCount() - (alive ? 1 : 0));
        int held = 0;
        for (BucketRow r : next) {
            held += r.contacts().size();
        }
        header.setText("Routing table of " + IdText.brief(ks, sel) + (alive ? "" : " (down)") + " \u00b7 k = "
                + net.k() + " \u00b7 " + held + " contacts");
        headerTip.setText("id " + ks.hex(sel) + "\nbin " + IdText.grouped(ks.binary(sel)));
        hint.setText("Contacts head first (least recently seen). exp = expected fill min(k, N\u00b72^(i\u2212" + ks.bits()
                + ")) for N = " + others + " other live nodes.");
        if (next.equals(current)) {
            return;
        }
        List<BucketRow> before = current;
        current = next;
        for (int i = 0; i < next.size(); i++) {
            BucketRow r = next.get(i);
            if (i < before.size() && i < rowNodes.size() && r.equals(before.get(i))) {
                continue; // same bucket content: keep its row
            }
            if (!r.isEmptyRun() && i < rowNodes.size() && rowNodes.get(i) instanceof BucketRowView view) {
                view.show(r); // same place, new content: update its labels instead of building new ones
                continue;
            }
            javafx.scene.Node node;
            if (r.isEmptyRun()) {
                node = emptyRow(r);
            } else {
                BucketRowView view = new BucketRowView();
                view.show(r);
                node = view;
            }
            if (i < rowNodes.size()) {
                rowNodes.set(i, node);
                rows.getChildren().set(i, node);
            } else {
                rowNodes.add(node);
                rows.getChildren().add(node);
            }
        }
        if (rowNodes.size() > next.size()) {
            rowNodes.subList(next.size(), rowNodes.size()).clear();
            rows.getChildren().remove(next.size(), rows.getChildren().size());
        }
        markChosen();
    }

    private HBox emptyRow(BucketRow r) {
        Label l = new Label(r.title());
        l.getStyleClass().add("bucket-empty-label");
        HBox row = new HBox(l);
        row.getStyleClass().add("bucket-row");
        row.pseudoClassStateChanged(EMPTY, true);
        return row;
    }

    /** The text of a chip's tooltip (for tests): the contact's full id first. */
    public static String chipTooltip(Label chip) {
        return LazyTooltip.textOf(chip);
    }

    /**
     * One bucket's row, updated in place: during a lookup the selected node's buckets change on
     * nearly every answer (LRU order, last-seen times), and rebuilding 20 chips each time would cost
     * a CSS pass for every new label.
     */
    private final class BucketRowView extends HBox {
        private final Label name = new Label();
        private final Label fill = new Label();
        private final Label expected = new Label();
        private final FlowPane chips = new FlowPane(4, 4);
        private final VBox middle = new VBox(3, chips);
        private final Label ping = new Label();
        private final Label cache = new Label();
        private BucketRow shown;

        BucketRowView() {
            super(8);
            name.getStyleClass().add("bucket-name");
            fill.getStyleClass().add("bucket-fill");
            expected.getStyleClass().add("bucket-expected");
            VBox left = new VBox(0, name, fill, expected);
            left.getStyleClass().add("bucket-left");
            left.setMinWidth(64);
            chips.getStyleClass().add("bucket-chips");
            HBox.setHgrow(middle, Priority.ALWAYS);
            ping.setWrapText(true);
            ping.getStyleClass().add("bucket-ping");
            cache.setWrapText(true);
            cache.getStyleClass().add("bucket-cache");
            LazyTooltip.install(name, () -> {
                int i = shown.firstIndex();
                return "bucket " + i + ": distance [2^" + i + ", 2^" + (i + 1) + "), "
                        + RingGeometry.share(RingGeometry.bucketShare(i, vm.keySpace().bits())) + " of the id space"
                        + "\nclick the row to show this bucket on the rings and the trie";
            }, null);
            LazyTooltip.install(ping, () -> "pinging " + shown.pinged() + " (head)"
                    + (shown.newcomer() == null ? "" : "\n" + shown.newcomer() + " waits"), null);
            LazyTooltip.install(cache, () -> "replacement cache, oldest first:\n" + String.join("\n", shown.replacements()), null);
            getChildren().addAll(left, middle);
            setOnMouseClicked(e -> {
                if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && shown != null) {
                    vm.bucketFocus().toggle(shown.firstIndex()); // the rings and the trie show it
                }
            });
            setAlignment(Pos.CENTER_LEFT);
            getStyleClass().add("bucket-row");
        }

        void show(BucketRow r) {
            shown = r;
            KeySpace ks = vm.keySpace();
            name.setText("b" + r.firstIndex());
            fill.setText(r.contacts().size() + "/" + r.k());
            expected.setText(String.format(Locale.ROOT, "exp %.1f", r.expected()));
            var cells = chips.getChildren();
            for (int i = 0; i < r.k(); i++) {
                boolean contact = i < r.contacts().size();
                Label cell = i < cells.size() ? (Label) cells.get(i) : null;
                if (cell != null && cell.getStyleClass().contains("contact-chip") != contact) {
                    cell = null; // a chip where an empty slot was, or the other way round
                }
                if (cell == null) {
                    cell = contact ? newChip() : newSlot();
                    if (i < cells.size()) {
                        cells.set(i, cell);
                    } else {
                        cells.add(cell);
                    }
                }
                if (contact) {
                    BucketRow.Slot s = r.contacts().get(i);
                    cell.setText(IdText.brief(ks, s.hex()));
                    cell.setUserData(new Object[] {s, i});
                    cell.pseudoClassStateChanged(STALE, s.stale());
                    cell.pseudoClassStateChanged(DEAD, !s.alive());
                    cell.pseudoClassStateChanged(PINGED, s.hex().equals(r.pinged()));
                }
            }
            if (cells.size() > r.k()) {
                cells.remove(r.k(), cells.size());
            }
            middle.getChildren().retainAll(chips);
            if (r.pinged() != null) {
                ping.setText("pinging " + IdText.brief(ks, r.pinged()) + " (head) \u2190 " + IdText.brief(ks, r.newcomer())
                        + " waits");
                middle.getChildren().add(ping);
            }
            if (!r.replacements().isEmpty()) {
                List<String> cached = new java.util.ArrayList<>(r.replacements().size());
                for (String hex : r.replacements()) {
                    cached.add(IdText.brief(ks, hex));
                }
                cache.setText("cache: " + String.join(" ", cached));
                middle.getChildren().add(cache);
            }
            pseudoClassStateChanged(FULL, r.contacts().size() >= r.k());
        }

        private Label newChip() {
            Label chip = new Label();
            chip.getStyleClass().add("contact-chip");
            LazyTooltip.install(chip, () -> {
                Object[] data = (Object[]) chip.getUserData();
                BucketRow.Slot s = (BucketRow.Slot) data[0];
                int i = (Integer) data[1];
                return "id " + s.hex() + "\nLRU position " + i + (i == 0 ? " (head: least recently seen)" : "")
                        + "\nbin " + IdText.grouped(s.binary()) + "\nlast seen at " + s.lastSeen() + " ms"
                        + (s.stale() ? "\n" + s.failures() + " failed RPC(s): stale" : "")
                        + (s.alive() ? "" : "\ndown (the owner does not know yet)");
            }, null);
            return chip;
        }

        private Label newSlot() {
            Label slot = new Label("    ");
            slot.getStyleClass().add("empty-slot");
            return slot;
        }
    }
}

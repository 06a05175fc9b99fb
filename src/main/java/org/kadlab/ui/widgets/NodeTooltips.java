package org.kadlab.ui.widgets;

import java.util.Locale;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.IdText;
import org.kadlab.ui.model.NetworkModel;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.TableSnapshot;

/**
 * Hover text for node dots: the id in hex and in binary, alive or down, and the bucket it falls in
 * as seen from the selected node. A tooltip is installed the first time the mouse enters a dot, so
 * thousands of dots cost nothing until hovered.
 */
public final class NodeTooltips {
    private NodeTooltips() {
    }

    /** Makes {@code dot} show its tooltip on hover; the text is computed when it shows. */
    public static void attach(NodeDot dot, NetworkViewModel vm) {
        LazyTooltip.install(dot, () -> describe(dot.node(), vm), "node-tooltip");
    }

    /** The text shown for {@code id}: its {@link #details} line by line. */
    public static String describe(NodeId id, NetworkViewModel vm) {
        return String.join("\n", details(id, vm));
    }

    /**
     * What is known of node {@code id}: its id in hex (live or down) and in binary, its routing table in
     * one line, and where it sits from the selected node. The hover text and the details pop-over show it.
     */
    public static String[] details(NodeId id, NetworkViewModel vm) {
        KeySpace ks = vm.keySpace();
        NetworkModel net = vm.network();
        TableSnapshot table = net.table(id);
        String tableLine = "not in this network";
        if (table != null) {
            int fullest = -1;
            int most = 0;
            for (TableSnapshot.BucketSnapshot b : table.nonEmptyBuckets()) {
                if (b.size() >= most) {
                    most = b.size();
                    fullest = b.index();
                }
            }
            tableLine = table.size() + " contacts in " + table.nonEmptyBuckets().size() + " buckets"
                    + (fullest < 0 ? "" : String.format(Locale.ROOT, "; fullest: bucket %d with %d of k = %d", fullest, most, table.k()));
        }
        NodeId sel = vm.selection().selectedNode();
        String relation;
        if (sel == null) {
            relation = "no node selected";
        } else if (sel.equals(id)) {
            relation = "the selected node";
        } else {
            boolean held = net.contactIds(sel).contains(id);
            relation = "bucket " + sel.bucketIndex(id) + " of " + IdText.brief(ks, sel) + ", XOR distance "
                    + IdText.brief(ks, sel.xor(id)) + (held ? ": held as a contact" : ": not in its table");
        }
        return new String[] {"id " + ks.hex(id) + "  (" + (net.isAlive(id) ? "live" : "down") + ")",
                "bin " + IdText.grouped(ks.binary(id)), "table: " + tableLine, relation};
    }

}

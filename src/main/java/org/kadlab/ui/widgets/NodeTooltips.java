package org.kadlab.ui.widgets;

import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.IdText;
import org.kadlab.ui.model.NetworkViewModel;

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

    /** The text shown for {@code node}. */
    public static String describe(NodeId id, NetworkViewModel vm) {
        KeySpace ks = vm.keySpace();
        var net = vm.network();
        StringBuilder sb = new StringBuilder();
        sb.append("id ").append(ks.hex(id)).append("  (").append(net.isAlive(id) ? "live" : "down").append(")\n");
        sb.append("bin ").append(IdText.grouped(ks.binary(id))).append('\n');
        NodeId sel = vm.selection().selectedNode();
        if (sel != null && !sel.equals(id)) {
            int b = sel.bucketIndex(id);
            boolean held = net.contactIds(sel).contains(id);
            sb.append("bucket ").append(b).append(" of ").append(ks.hex(sel))
                    .append(held ? ": held as a contact" : ": not in its table");
        } else if (sel != null) {
            sb.append("selected; ").append(net.contactIds(id).size()).append(" contacts");
        }
        return sb.toString();
    }

}

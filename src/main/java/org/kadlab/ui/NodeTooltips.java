package org.kadlab.ui;

import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimNode;

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
    public static String describe(SimNode node, NetworkViewModel vm) {
        KeySpace ks = vm.keySpace();
        NodeId id = node.id();
        StringBuilder sb = new StringBuilder();
        sb.append("id ").append(ks.hex(id)).append("  (").append(node.isAlive() ? "live" : "down").append(")\n");
        sb.append("bin ").append(grouped(ks.binary(id))).append('\n');
        SimNode sel = vm.selectedNode();
        if (sel != null && sel != node) {
            int b = sel.id().bucketIndex(id);
            boolean held = sel.kad().routingTable().contains(id);
            sb.append("bucket ").append(b).append(" of ").append(ks.hex(sel.id()))
                    .append(held ? ": held as a contact" : ": not in its table");
        } else if (sel == node) {
            sb.append("selected; ").append(node.kad().routingTable().size()).append(" contacts");
        }
        return sb.toString();
    }

    /** Binary digits in groups of four, for reading. */
    public static String grouped(String binary) {
        StringBuilder sb = new StringBuilder(binary.length() + binary.length() / 4);
        int lead = binary.length() % 4;
        for (int i = 0; i < binary.length(); i++) {
            if (i > 0 && (i - lead) % 4 == 0) {
                sb.append(' ');
            }
            sb.append(binary.charAt(i));
        }
        return sb.toString();
    }
}

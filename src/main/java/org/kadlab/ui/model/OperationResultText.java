package org.kadlab.ui.model;

import java.util.ArrayList;
import java.util.List;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.OperationRecord;

/**
 * The one sentence that tells how a user's operation ended: why it failed, where find_value found
 * the value (or how many nodes it asked in vain), and which of the closest nodes acknowledged a store.
 */
final class OperationResultText {
    private OperationResultText() {
    }

    /** The result of {@code s}, which failed with {@code failure} (or null), or null while it runs and for a find_node. */
    static String of(LookupSession s, String failure, KeySpace ks) {
        if (failure != null) {
            return s.title(ks) + " failed: " + failure;
        }
        OperationRecord record = s.record();
        if (record == null) {
            return null;
        }
        String key = s.key();
        if (s.purpose() == LookupPurpose.FIND_VALUE) {
            if (Boolean.TRUE.equals(record.found())) {
                String where = s.valueFrom() == null ? "in its own store" : "at " + ks.hex(s.valueFrom());
                return "find_value " + IdText.quote(key) + ": found " + IdText.quote(record.value()) + " " + where
                        + " after " + record.rpcs() + " RPCs, " + (record.endMs() - record.startMs()) + " ms.";
            }
            return "find_value " + IdText.quote(key) + ": not found; " + record.rpcs() + " RPCs asked the "
                    + record.result().size() + " closest nodes to key " + ks.hex(s.target()) + ", none held it.";
        }
        if (s.purpose() == LookupPurpose.STORE) {
            List<String> acks = new ArrayList<>();
            for (NodeId n : record.result()) {
                acks.add(ks.hex(n));
            }
            return "store " + IdText.quote(key) + ": " + acks.size() + " of " + record.truth().size()
                    + " closest nodes acknowledged" + (acks.isEmpty() ? "." : ": " + String.join(", ", acks) + ".");
        }
        return null;
    }
}

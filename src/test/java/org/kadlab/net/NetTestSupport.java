package org.kadlab.net;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;

/** What the real-node tests share: settling a joined network, and the brute-force k closest. */
final class NetTestSupport {
    private NetTestSupport() {
    }

    /** Two rounds of self-lookups from every node, so that the early joiners learn of the later ones. */
    static void settle(List<NodeHost> hosts) throws Exception {
        for (int round = 0; round < 2; round++) {
            for (NodeHost h : hosts) {
                h.findNode(h.self().id()).get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The {@code k} ids of {@code all} other than {@code origin}'s closest to {@code target}, closest first. */
    static List<NodeId> closest(List<Contact> all, Contact origin, NodeId target, int k) {
        return all.stream().map(Contact::id).filter(id -> !id.equals(origin.id()))
                .sorted(Comparator.comparing(id -> KeySpace.distance(id, target))).limit(k).toList();
    }
}

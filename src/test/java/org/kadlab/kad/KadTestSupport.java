package org.kadlab.kad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** Shared builders and checks for the node tests. */
final class KadTestSupport {
    private KadTestSupport() {
    }

    /** A network of {@code n} random nodes, each joined one by one through the first (real bootstraps). */
    static TestNetwork joined(KadConfig config, long seed, int n) {
        return joined(config, seed, n, NodeObserver.NONE);
    }

    /** As {@link #joined(KadConfig, long, int)}, every node reporting to {@code observer}. */
    static TestNetwork joined(KadConfig config, long seed, int n, NodeObserver observer) {
        TestNetwork net = new TestNetwork(config, seed);
        List<NodeId> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(net.addRandom(observer).id());
        }
        net.joinAll(ids);
        return net;
    }

    static List<NodeId> ids(List<Contact> contacts) {
        return contacts.stream().map(Contact::id).toList();
    }

    /** Checks the shape every lookup result must have (property 5's result half). */
    static void assertWellFormed(LookupResult r, int k, String what) {
        List<NodeId> got = ids(r.closest());
        assertThat(got).as("%s: at most k = %d contacts", what, k).hasSizeLessThanOrEqualTo(k);
        assertThat(got).as("%s: never the origin", what).doesNotContain(r.origin());
        assertThat(got).as("%s: no duplicates", what).doesNotHaveDuplicates();
        for (int i = 1; i < got.size(); i++) {
            assertThat(NodeId.compareDistance(r.target(), got.get(i - 1), got.get(i)))
                    .as("%s: sorted closest first at position %d of %s", what, i, got)
                    .isNegative();
        }
    }

    /** A short text naming a lookup for assertion messages. */
    static String describe(TestNetwork net, String scenario, NodeId origin, NodeId target) {
        return scenario + " origin " + net.keySpace.hex(origin) + " target " + net.keySpace.hex(target);
    }
}

package org.kadlab.kad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KadNodeSmokeTest {
    @Test
    void fiftyNodesJoinAndFindTheTrueClosest() {
        KadConfig cfg = ClassicConfig.builder().bits(160).k(8).alpha(3).build();
        TestNetwork net = new TestNetwork(cfg, 7);
        List<NodeId> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(net.addRandom().id());
        }
        net.joinAll(ids);
        int exact = 0;
        for (int i = 0; i < 50; i++) {
            KadNode origin = net.node(ids.get(i));
            NodeId target = net.keySpace.randomId(net.random);
            LookupResult r = net.await(origin.findNode(target));
            List<NodeId> got = r.closest().stream().map(Contact::id).toList();
            if (got.equals(net.trueClosest(target, 8, origin.id()))) {
                exact++;
            }
        }
        System.out.println("exact " + exact + "/50");
        assertThat(exact).isEqualTo(50);
    }
}

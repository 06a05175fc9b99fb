package org.kadlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.LookupMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The same seed builds the same network (ids, join order, join contacts) whatever alpha, lookup mode or loss. */
class SameNetworkTest {
    private static final int NODES = 40;

    @Test
    @DisplayName("alpha 3 sliding, alpha 1 rounds and alpha 3 with 5% loss on one seed add the same ids in the same order through the same contacts")
    void sameSeedSameJoins() {
        List<String> base = joins(SimConfig.defaults().withSeed(11).withKad(kad(3, LookupMode.SLIDING)));
        List<String> alpha1Rounds = joins(SimConfig.defaults().withSeed(11).withKad(kad(1, LookupMode.ROUNDS)));
        List<String> lossy = joins(SimConfig.defaults().withSeed(11).withKad(kad(3, LookupMode.SLIDING)).withLoss(0.05));
        assertThat(base).hasSize(NODES);
        assertThat(alpha1Rounds).isEqualTo(base);
        assertThat(lossy).isEqualTo(base);
    }

    @Test
    @DisplayName("another seed gives other ids")
    void otherSeedOtherIds() {
        List<String> one = joins(SimConfig.defaults().withSeed(11).withKad(kad(3, LookupMode.SLIDING)));
        List<String> two = joins(SimConfig.defaults().withSeed(12).withKad(kad(3, LookupMode.SLIDING)));
        assertThat(two).isNotEqualTo(one);
    }

    private static KadConfig kad(int alpha, LookupMode mode) {
        return KadConfig.builder().bits(16).k(4).alpha(alpha).lookupMode(mode).build();
    }

    /** "id<-contact" for every node added, in order, each join awaited before the next. */
    private static List<String> joins(SimConfig config) {
        Simulation sim = new Simulation(config);
        List<String> added = new ArrayList<>();
        sim.addListener(e -> {
            if (e instanceof SimEvent.NodeAdded a) {
                added.add(a.node() + "<-" + a.seed());
            }
        });
        for (int i = 0; i < NODES; i++) {
            SimNode n = sim.addNode();
            sim.awaitJoin(n, () -> false);
        }
        return added;
    }
}

package org.kadlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.NodeId;

/**
 * The models behind the structure views: the trie of the id space from one node ({@link IdTrie})
 * against the node's routing table and the XOR of the ids, where a bucket lies on the ring
 * ({@link BucketSpan}), the true-scale XOR rings ({@link RingScale}) and the selected bucket ({@link BucketFocus}).
 */
class StructureModelTest {

    static NetworkViewModel network(int bits, int nodes) {
        KadConfig kad = KadConfig.builder().bits(bits).k(4).alpha(3).build();
        return new NetworkViewModel(NetworkViewModel.defaultConfig(1).withKad(kad), nodes);
    }

    /** The bucket of {@code n} from {@code owner}, worked out from the XOR of the ids. */
    static int xorBucket(NodeId owner, NodeId n) {
        return owner.toBigInteger().xor(n.toBigInteger()).bitLength() - 1;
    }

    @Test
    void theTrieAt8BitsHasEveryLiveNodeInTheSubtreeOfItsBucket() {
        NetworkViewModel vm = network(8, 32);
        NetworkModel net = vm.network();
        for (NodeId owner : net.nodeIds().subList(0, 5)) {
            IdTrie trie = IdTrie.of(owner, net);
            TableSnapshot table = net.table(owner);
            Map<Integer, List<NodeId>> expected = new HashMap<>();
            int deepest = -1;
            for (NodeId n : net.nodeIds()) {
                if (!n.equals(owner)) {
                    int b = xorBucket(owner, n);
                    expected.computeIfAbsent(b, x -> new ArrayList<>()).add(n);
                    deepest = Math.max(deepest, 7 - b);
                }
            }
            assertThat(trie.levels()).as("down to the deepest non-empty subtree plus one level").hasSize(Math.min(8, deepest + 2));
            assertThat(trie.hiddenLevels()).isEqualTo(8 - trie.levels().size());
            String ownerBits = vm.keySpace().binary(owner);
            for (IdTrie.Level level : trie.levels()) {
                int i = level.bucket();
                assertThat(i).as("the subtree at depth d is bucket bits-1-d").isEqualTo(7 - level.depth());
                assertThat(level.share()).isEqualTo(Math.pow(2, -(level.depth() + 1)));
                assertThat(level.held()).as("contacts held, from the table").isEqualTo(table.bucket(i).size());
                assertThat(level.prefix()).as("the owner's first d bits, then the other bit")
                        .isEqualTo(ownerBits.substring(0, level.depth()) + (ownerBits.charAt(level.depth()) == '0' ? "1" : "0"));
                List<NodeId> leaves = level.leaves().stream().map(IdTrie.Leaf::id).toList();
                assertThat(leaves).containsExactlyInAnyOrderElementsOf(expected.getOrDefault(i, List.of()));
                for (IdTrie.Leaf leaf : level.leaves()) {
                    assertThat(vm.keySpace().binary(leaf.id())).startsWith(level.prefix());
                    assertThat(leaf.contact()).isEqualTo(table.contains(leaf.id()));
                    assertThat(leaf.offset()).isBetween(0.0, 1.0);
                }
                long contacts = level.leaves().stream().filter(IdTrie.Leaf::contact).count();
                assertThat(contacts).as("every contact of the bucket is a marked leaf").isEqualTo(level.held());
            }
        }
    }

    @Test
    void at160BitsTheTrieIsFoldedBelowTheDeepestNonEmptySubtree() {
        NetworkViewModel vm = network(160, 32);
        NetworkModel net = vm.network();
        NodeId owner = net.nodeIds().get(0);
        IdTrie trie = IdTrie.of(owner, net);
        int listed = 0;
        for (IdTrie.Level level : trie.levels()) {
            listed += level.nodes();
        }
        assertThat(listed).as("every other live node is a leaf").isEqualTo(net.liveCount() - 1);
        assertThat(trie.levels().size()).as("32 random ids share few bits").isLessThan(30);
        assertThat(trie.hiddenLevels()).isEqualTo(160 - trie.levels().size());
        IdTrie.Level last = trie.levels().get(trie.levels().size() - 1);
        assertThat(last.nodes()).as("one level past the deepest non-empty subtree").isZero();
        assertThat(trie.levels().get(trie.levels().size() - 2).nodes()).isPositive();
    }

    @Test
    void aBucketIsOneArcAsLongAsItsShareAndHoldsExactlyItsNodes() {
        NetworkViewModel vm = network(16, 32);
        NetworkModel net = vm.network();
        NodeId owner = net.nodeIds().get(3);
        BucketSpan far = BucketSpan.of(owner, 15, 16);
        assertThat(far.extentDegrees()).as("the farthest bucket: half the ring").isEqualTo(180.0);
        assertThat(far.start()).isEqualTo(owner.testBit(15) ? 0.0 : 0.5);
        for (int i = 0; i < 16; i++) {
            BucketSpan span = BucketSpan.of(owner, i, 16);
            assertThat(span.share()).isEqualTo(Math.pow(2, i - 16));
            for (NodeId n : net.nodeIds()) {
                double f = n.toBigInteger().doubleValue() / 65536;
                boolean inArc = f >= span.start() && f < span.start() + span.share();
                assertThat(inArc).as("node %s on bucket %d's arc", n, i).isEqualTo(!n.equals(owner) && xorBucket(owner, n) == i);
            }
        }
        assertThat(BucketSpan.shareText(15, 16)).isEqualTo("1/2");
        assertThat(BucketSpan.shareText(13, 16)).isEqualTo("1/8");
        assertThat(BucketSpan.shareText(100, 160)).isEqualTo("1/2^60");
        assertThat(BucketSpan.rangeText(159)).isEqualTo("2^159..2^160");
        assertThat(BucketSpan.describe(15, 16, 3, 4)).isEqualTo("bucket 15: 1/2 of the id space, 3/4 contacts");
    }

    @Test
    void trueScaleRingsAreAsWideAsTheirShareButNeverNarrowerThanTheMinimum() {
        RingScale s = RingScale.trueScale(4, 15, 30, 330, 14);
        double room = 300;
        assertThat(s.outerEdge(15) - s.innerEdge(4)).isCloseTo(room, within(1e-9));
        for (int i = 4; i < 15; i++) {
            assertThat(s.width(i)).isGreaterThanOrEqualTo(14 - 1e-9);
            assertThat(s.width(15)).as("the farthest bucket is the widest").isGreaterThan(s.width(i));
            assertThat(s.innerEdge(i + 1)).isCloseTo(s.outerEdge(i), within(1e-9));
            if (s.width(i) > 14 + 1e-9) {
                assertThat(s.width(i + 1) / s.width(i)).as("twice the share, twice the width").isCloseTo(2.0, within(1e-9));
            }
            assertThat(s.bucketAt(s.radius(i))).isEqualTo(i);
        }
        assertThat(s.width(15)).as("a quarter of the room or more, with seven rings widened").isGreaterThan(room / 4);
        RingScale few = RingScale.trueScale(10, 15, 30, 330, 14);
        assertThat(few.width(15)).as("six rings: nearly half the room").isGreaterThan(room * 0.45);
        RingScale even = RingScale.even(4, 15, 30, 330);
        for (int i = 4; i <= 15; i++) {
            assertThat(even.radius(i)).isCloseTo(RingGeometry.bucketRadius(i, 4, 15, 30, 330), within(1e-9));
        }
        RingScale tight = RingScale.trueScale(0, 159, 10, 110, 14);
        assertThat(tight.width(0)).as("no room for the minimum: equal widths").isCloseTo(100.0 / 160, within(1e-9));
    }

    @Test
    void theSelectedBucketClearsWhenTheNodeOrTheNetworkChanges() {
        NetworkViewModel vm = network(16, 16);
        BucketFocus focus = vm.bucketFocus();
        focus.select(15);
        assertThat(focus.bucket()).isEqualTo(15);
        focus.select(16);
        assertThat(focus.bucket()).as("no bucket 16 at 16 bits").isEqualTo(15);
        focus.toggle(15);
        assertThat(focus.isSet()).isFalse();
        focus.select(12);
        vm.selection().select(vm.network().nodeIds().get(5));
        assertThat(focus.isSet()).as("another node").isFalse();
        focus.select(12);
        vm.builder().reset();
        assertThat(focus.isSet()).as("a new network").isFalse();
    }
}

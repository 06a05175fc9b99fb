package org.kadlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.KBucket;
import org.kadlab.sim.SimNode;

/** Bucket rows: every index covered once, empty runs folded, contacts in LRU order. */
class BucketRowTest {
    @Test
    void rowsCoverEveryBucketOnceFoldingRunsOfEmptyOnes() {
        NetworkViewModel vm = new NetworkViewModel();
        SimNode n = vm.simulation().node(vm.selection().selectedNode());
        List<BucketRow> rows = BucketRow.of(n.id(), vm.network());
        boolean[] seen = new boolean[16];
        BucketRow previous = null;
        for (BucketRow r : rows) {
            for (int i = r.firstIndex(); i <= r.lastIndex(); i++) {
                assertThat(seen[i]).as("bucket %d in one row only", i).isFalse();
                seen[i] = true;
            }
            if (previous != null) {
                assertThat(previous.isEmptyRun() && r.isEmptyRun()).as("two empty runs are never adjacent").isFalse();
            }
            previous = r;
        }
        assertThat(seen).containsOnly(true);
        BucketRow last = rows.get(rows.size() - 1);
        assertThat(last.isEmptyRun()).isTrue();
        assertThat(last.title()).matches("buckets 0\u2013\\d+ empty");
    }

    @Test
    void contactsAreListedHeadFirstAsTheBucketHoldsThem() {
        NetworkViewModel vm = new NetworkViewModel();
        SimNode n = vm.simulation().node(vm.selection().selectedNode());
        for (BucketRow r : BucketRow.of(n.id(), vm.network())) {
            if (r.isEmptyRun()) {
                continue;
            }
            KBucket b = n.kad().routingTable().bucket(r.firstIndex());
            assertThat(r.contacts()).hasSize(b.size());
            for (int i = 0; i < b.size(); i++) {
                assertThat(r.contacts().get(i).hex()).isEqualTo(vm.keySpace().hex(b.contact(i).id()));
            }
            assertThat(r.expected()).isLessThanOrEqualTo(r.k());
        }
    }
}

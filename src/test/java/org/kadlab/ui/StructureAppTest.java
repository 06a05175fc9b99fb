package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.geometry.Bounds;
import javafx.scene.control.Tab;
import javafx.scene.shape.Arc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.buckets.BucketPanel;
import org.kadlab.ui.distance.DistanceRingsView;
import org.kadlab.ui.model.BucketSpan;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.RingGeometry;
import org.kadlab.ui.model.RingScale;
import org.kadlab.ui.ring.RingView;
import org.kadlab.ui.trie.TrieView;

/**
 * The selected bucket in the real window: chosen in the bucket panel or the trie, it is drawn on the
 * ID ring as the arc of the id space it covers (half the ring for the farthest bucket) and highlighted
 * on the XOR rings, whose labels carry each bucket's range and share, evenly spaced or at true scale.
 */
class StructureAppTest extends AppFixture {
    private NetworkViewModel vm;
    private RingView ring;
    private BucketPanel buckets;

    @BeforeEach
    void prepare() throws Exception {
        vm = app.viewModel();
        fx(() -> vm.playback().playingProperty().set(false));
        ring = fx(() -> app.mainView().ringView());
        buckets = fx(() -> app.mainView().bucketPanel());
    }

    private void openTab(String id) throws Exception {
        fx(() -> {
            for (Tab t : app.mainView().tabs().getTabs()) {
                if (id.equals(t.getId())) {
                    app.mainView().tabs().getSelectionModel().select(t);
                }
            }
            app.mainView().refresh();
        });
    }

    /**
     * Whether the ring's arc covers the angle of {@code id}. JavaFX angles run counter-clockwise from
     * three o'clock, so the bucket's ids [first, last] clockwise are the arc's (start, start + length].
     */
    private boolean covers(Arc band, NodeId id) {
        double clockwise = Math.toDegrees(RingGeometry.angle(id, 16));
        double fx = 90 - clockwise;
        double from = band.getStartAngle();
        double offset = ((fx - from) % 360 + 360) % 360;
        return offset > 1e-9 && offset <= band.getLength() + 1e-9;
    }

    @Test
    void theFarthestBucketChosenInThePanelIsHalfTheRing() throws Exception {
        NodeId owner = fx(() -> vm.selection().selectedNode());
        clickOn(fx(() -> buckets.row(15)));
        assertThat(fx(() -> vm.bucketFocus().bucket())).isEqualTo(15);
        assertThat(fx(() -> buckets.isChosen(15))).isTrue();
        Arc band = fx(ring::bucketBand);
        assertThat(band).isNotNull();
        assertThat(band.getLength()).as("half the circle").isCloseTo(180.0, within(1e-6));
        int held = fx(() -> vm.network().table(owner).bucket(15).size());
        assertThat(fx(() -> ring.bucketLabel().getText())).isEqualTo("bucket 15: 1/2 of the id space, " + held + "/4 contacts");
        for (NodeId n : fx(() -> vm.network().nodeIds())) {
            if (!n.equals(owner)) {
                assertThat(covers(band, n)).as("node %s on the arc iff in bucket 15", n).isEqualTo(owner.bucketIndex(n) == 15);
            }
        }
        clickOn(fx(() -> buckets.row(14)));
        assertThat(fx(() -> ring.bucketBand().getLength())).as("a quarter").isCloseTo(90.0, within(1e-6));
        clickOn(fx(() -> buckets.row(14)));
        assertThat(fx(ring::bucketBand)).as("a second click clears it").isNull();
    }

    @Test
    void theXorRingsCarryRangeAndShareAndHighlightTheChosenBucket() throws Exception {
        openTab("distance-tab");
        DistanceRingsView xor = fx(() -> app.mainView().distanceView());
        fx(() -> vm.bucketFocus().select(13));
        fx(() -> {
            xor.refresh();
            xor.layout();
        });
        for (DistanceRingsView.RingInfo r : fx(xor::rings)) {
            int i = r.index();
            assertThat(fx(() -> xor.ringLabel(i))).isEqualTo("b" + i + " \u00b7 2^" + i + "..2^" + (i + 1) + " \u00b7 "
                    + BucketSpan.shareText(i, 16));
        }
        assertThat(fx(() -> xor.ringLabel(15))).endsWith("\u00b7 1/2");
        assertThat(fx(xor::chosenRing)).isEqualTo(13);
        RingScale even = fx(xor::scale);
        assertThat(even.width(15)).as("evenly spaced").isCloseTo(even.width(14), within(1e-6));
        clickOn("#xor-scale-toggle");
        fx(xor::layout);
        RingScale scaled = fx(xor::scale);
        assertThat(scaled.width(15)).as("true scale: the farthest bucket is twice as wide as the next")
                .isCloseTo(2 * scaled.width(14), within(1e-6));
        int lowest = fx(() -> xor.rings().get(xor.rings().size() - 1).index());
        for (int i = lowest; i < 15; i++) {
            assertThat(scaled.width(i)).isLessThan(scaled.width(15)).isGreaterThanOrEqualTo(DistanceRingsView.MIN_RING_WIDTH - 1e-9);
        }
        // a click on a ring selects its bucket; far outside every ring, nothing
        fx(() -> xor.pickRing(xor.ringCentre().getX() + 1e6, xor.ringCentre().getY()));
        assertThat(fx(() -> vm.bucketFocus().bucket())).isEqualTo(13);
        for (int i : new int[] {15, lowest}) {
            fx(() -> xor.pickRing(xor.ringCentre().getX(), xor.ringCentre().getY() - scaled.radius(i)));
            assertThat(fx(() -> vm.bucketFocus().bucket())).as("a click on ring %d", i).isEqualTo(i);
        }
    }

    @Test
    void aSubtreeClickedInTheTrieIsTheBucketOnTheRingAndInThePanel() throws Exception {
        openTab("trie-tab");
        TrieView trie = fx(() -> app.mainView().trieView());
        javafx.scene.Node subtree = fx(() -> trie.subtree(14));
        Bounds b = fx(() -> subtree.localToScreen(subtree.getBoundsInLocal()));
        clickOn(b.getMinX() + 30, b.getMinY() + 8); // on its title, away from the leaves
        assertThat(fx(() -> vm.bucketFocus().bucket())).isEqualTo(14);
        assertThat(fx(() -> trie.isChosen(14))).isTrue();
        fx(() -> buckets.refresh());
        assertThat(fx(() -> buckets.isChosen(14))).isTrue();
        assertThat(fx(() -> ring.bucketBand().getLength())).isCloseTo(90.0, within(1e-6));
    }
}

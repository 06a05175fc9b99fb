package org.kadlab.ui.trie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.FxFixture;
import org.kadlab.ui.TestViews;
import org.kadlab.ui.model.BucketSpan;
import org.kadlab.ui.model.NetworkModel;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.TableSnapshot;
import org.kadlab.ui.widgets.NodeDot;

/**
 * The trie tab: one subtree per bucket down the selected node's path, each labelled with its index,
 * share and fill and holding exactly the nodes of its bucket, contacts marked; bounded at 160 bits;
 * rebuilt only when something it shows changed; clicks select a bucket or a node.
 */
@ExtendWith(FxFixture.class)
class TrieViewTest {

    private static NetworkViewModel network(int bits) {
        KadConfig kad = KadConfig.builder().bits(bits).k(4).alpha(3).build();
        return new NetworkViewModel(NetworkViewModel.defaultConfig(1).withKad(kad), 32);
    }

    private static TrieView shown(NetworkViewModel vm) {
        TrieView view = new TrieView(vm);
        TestViews.show(view, 720, 900);
        view.applyCss();
        view.layout();
        view.refresh();
        view.layout();
        return view;
    }

    @Test
    void at8BitsEachSubtreeShowsItsBucketAndHoldsItsNodes() throws Exception {
        FxFixture.fx(() -> {
            NetworkViewModel vm = network(8);
            NetworkModel net = vm.network();
            NodeId owner = vm.selection().selectedNode();
            TrieView view = shown(vm);
            TableSnapshot table = net.table(owner);
            List<Integer> buckets = view.subtreeBuckets();
            assertThat(buckets).isNotEmpty();
            for (int d = 0; d < buckets.size(); d++) {
                assertThat(buckets.get(d)).as("from the root down: bucket 7, 6, ...").isEqualTo(7 - d);
            }
            int nonEmpty = 0;
            for (int i : buckets) {
                assertThat(view.subtreeText(i)).isEqualTo("bucket " + i + " \u00b7 " + BucketSpan.shareText(i, 8)
                        + " of the ids \u00b7 " + table.bucket(i).size() + "/4");
                List<NodeDot> dots = view.leafDots(i);
                for (NodeDot d : dots) {
                    int xor = owner.toBigInteger().xor(d.node().toBigInteger()).bitLength() - 1;
                    assertThat(xor).as("a leaf in the subtree of its bucket").isEqualTo(i);
                    assertThat(d.getPseudoClassStates().contains(NodeDot.CONTACT)).isEqualTo(table.contains(d.node()));
                }
                long expected = net.nodeIds().stream()
                        .filter(n -> !n.equals(owner) && owner.toBigInteger().xor(n.toBigInteger()).bitLength() - 1 == i).count();
                assertThat(dots).as("every live node of bucket %d", i).hasSize((int) expected);
                nonEmpty += dots.isEmpty() ? 0 : 1;
            }
            long bucketsInUse = net.nodeIds().stream().filter(n -> !n.equals(owner))
                    .map(n -> owner.bucketIndex(n)).distinct().count();
            assertThat(nonEmpty).as("one subtree with leaves per non-empty bucket").isEqualTo((int) bucketsInUse);
            return null;
        });
    }

    @Test
    void at160BitsTheTrieDrawsABoundedNumberOfShapes() throws Exception {
        FxFixture.fx(() -> {
            NetworkViewModel vm = network(160);
            TrieView view = shown(vm);
            assertThat(view.subtreeBuckets().size()).isLessThan(30);
            assertThat(view.subtreeBuckets().get(0)).isEqualTo(159);
            assertThat(view.foldText()).matches("\u2026 \\d+ more levels, all empty");
            int levels = view.subtreeBuckets().size();
            assertThat(view.foldText()).contains((160 - levels) + " more levels");
            // per level: a few edges and labels, a box with its texts and k fill cells; plus one dot per node
            assertThat(view.shapeCount()).isLessThan(levels * 20 + 32 + 20);
            return null;
        });
    }

    @Test
    void rebuildsOnlyWhenWhatItShowsChangedAndClicksSelect() throws Exception {
        FxFixture.fx(() -> {
            NetworkViewModel vm = network(16);
            TrieView view = shown(vm);
            long rebuilds = view.rebuilds();
            view.refresh();
            view.refresh();
            assertThat(view.rebuilds()).as("nothing changed").isEqualTo(rebuilds);
            click(view.subtree(15));
            assertThat(vm.bucketFocus().bucket()).as("a click on the subtree selects its bucket").isEqualTo(15);
            assertThat(view.isChosen(15)).isTrue();
            assertThat(view.isChosen(14)).isFalse();
            view.refresh();
            assertThat(view.rebuilds()).as("a new selected bucket only restyles").isEqualTo(rebuilds);
            NodeDot leaf = view.leafDots(14).get(0);
            click(leaf);
            assertThat(vm.selection().selectedNode()).as("a click on a leaf selects its node").isEqualTo(leaf.node());
            assertThat(vm.bucketFocus().isSet()).isFalse();
            assertThat(vm.bucketFocus().bucket()).isEqualTo(-1);
            view.refresh();
            assertThat(view.rebuilds()).isEqualTo(rebuilds + 1);
            assertThat(view.trie().owner()).isEqualTo(leaf.node());
            return null;
        });
    }

    private static void click(javafx.scene.Node node) {
        var b = node.localToScene(node.getBoundsInLocal());
        javafx.event.Event.fireEvent(node, new MouseEvent(MouseEvent.MOUSE_CLICKED, b.getCenterX(), b.getCenterY(),
                0, 0, MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true, false, false, null));
    }
}

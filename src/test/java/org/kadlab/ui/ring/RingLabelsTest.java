package org.kadlab.ui.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ring's label placement: placed labels never overlap; required ones are placed when there is room. */
class RingLabelsTest {
    private static final double W = 32;
    private static final double H = 15;

    @Test
    void placedLabelsNeverOverlapWithManyNodes() {
        Random r = new Random(7);
        List<RingLabels.Item> items = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            items.add(new RingLabels.Item(r.nextDouble() * 2 * Math.PI, W, H, i < 21));
        }
        List<RingLabels.Placed> placed = RingLabels.place(items, 400, 400, 320, 6, 1);
        assertNoOverlap(placed);
        assertThat(placed.size()).as("some labels are skipped, many are shown").isBetween(40, 499);
        Set<Integer> indices = new HashSet<>();
        for (RingLabels.Placed p : placed) {
            assertThat(indices.add(p.index())).isTrue();
        }
        assertThat(indices).as("the selected node and the target always get a label").contains(0, 1);
    }

    @Test
    void aClusterOfRequiredLabelsStepsOutwardInsteadOfOverlapping() {
        List<RingLabels.Item> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(new RingLabels.Item(0.5 + i * 0.002, W, H, true)); // a lookup's closest candidates, side by side
        }
        for (int i = 0; i < 50; i++) {
            items.add(new RingLabels.Item(0.49 + i * 0.001, W, H, false));
        }
        List<RingLabels.Placed> placed = RingLabels.place(items, 400, 400, 320, 10, 1);
        assertNoOverlap(placed);
        Set<Integer> indices = new HashSet<>();
        placed.forEach(p -> indices.add(p.index()));
        for (int i = 0; i < 10; i++) {
            assertThat(indices).contains(i);
        }
    }

    @Test
    void greedyByAngleKeepsWellSeparatedLabels() {
        List<RingLabels.Item> items = List.of(new RingLabels.Item(3.0, W, H, false), new RingLabels.Item(1.0, W, H, false),
                new RingLabels.Item(1.01, W, H, false), new RingLabels.Item(2.0, W, H, false));
        List<RingLabels.Placed> placed = RingLabels.place(items, 400, 400, 320, 6, 1);
        assertNoOverlap(placed);
        assertThat(placed).extracting(RingLabels.Placed::index).containsExactly(1, 3, 0);
    }

    @Test
    void noLabelCoversTheBoxKeptClearOrLeavesTheView() {
        Random r = new Random(11);
        List<RingLabels.Item> items = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            items.add(new RingLabels.Item(r.nextDouble() * 2 * Math.PI, 20 + r.nextInt(60), H, i < 40));
        }
        RingLabels.Placed title = new RingLabels.Placed(-1, 0, 0, 400, 90); // the view's title over the ring's top-left
        RingLabels.Placed view = new RingLabels.Placed(-1, 0, 0, 600, 580); // tighter than the outermost steps
        List<RingLabels.Placed> placed = RingLabels.place(items, 300, 300, 250, 6, 1, title, view);
        assertNoOverlap(placed);
        assertThat(placed).as("labels placed").hasSizeGreaterThan(20);
        for (RingLabels.Placed p : placed) {
            assertThat(p.overlaps(title)).as("%s covers the title", p).isFalse();
            assertThat(p.x() >= 0 && p.y() >= 0 && p.x() + p.width() <= 600 && p.y() + p.height() <= 580)
                    .as("%s lies inside the view", p).isTrue();
        }
    }

    @Test
    void aRequiredLabelWithNoRoomOutsideTheViewTriesInsideTheRing() {
        // two required labels at the bottom of a view that ends just below the ring
        List<RingLabels.Item> items = List.of(new RingLabels.Item(Math.PI, 70, H, true),
                new RingLabels.Item(Math.PI + 0.01, W, H, true));
        RingLabels.Placed view = new RingLabels.Placed(-1, 0, 0, 800, 400 + 320 + 9); // room for one row of labels below
        List<RingLabels.Placed> outwardOnly = RingLabels.place(items, 400, 400, 320, 6, 1, null, view);
        assertThat(outwardOnly).as("without the inner fallback the second label is left out").hasSize(1);
        List<RingLabels.Placed> placed = RingLabels.place(items, 400, 400, 320, 6, 1, null, view, 280);
        assertNoOverlap(placed);
        assertThat(placed).hasSize(2);
        RingLabels.Placed second = placed.stream().filter(p -> p.index() == 1).findFirst().orElseThrow();
        assertThat(second.y() + second.height() / 2 - 400).as("inside the ring").isLessThan(320);
    }

    @Test
    void labelsOfDifferentWidthsNeverOverlapOnACrowdedRing() {
        Random r = new Random(3);
        List<RingLabels.Item> items = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            items.add(new RingLabels.Item(r.nextDouble() * 2 * Math.PI, 10 + r.nextInt(80), 8 + r.nextInt(12), i < 160));
        }
        assertNoOverlap(RingLabels.place(items, 500, 500, 300, 6, 1));
    }

    @Test
    void shortLabelsAreTheFirstFourHexDigits() {
        assertThat(RingView.shortLabel("a000")).isEqualTo("a000");
        assertThat(RingView.shortLabel("3f2a9c0000000000000000000000000000000001")).isEqualTo("3f2a");
        assertThat(RingView.shortLabel("7f")).isEqualTo("7f");
    }

    private static void assertNoOverlap(List<RingLabels.Placed> placed) {
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                assertThat(placed.get(i).overlaps(placed.get(j))).as("%s vs %s", placed.get(i), placed.get(j)).isFalse();
            }
        }
    }
}

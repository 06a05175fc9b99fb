package org.kadlab.ui.model.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimEvent;
import org.kadlab.ui.model.CandidateRow;
import org.kadlab.ui.model.EventInbox;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.TableSnapshot;

/**
 * Runs every step of each bundled lesson on a window's view model without a stage, in order, as a
 * teacher pressing "Do it" and Next would (only bringing the trie and compare tabs forward is skipped: there is no window), and checks
 * that what each lesson tells the class to watch really happens on seed 1.
 */
class BundledLessonsTest {
    private static final long FRAME = 16_666_667L;
    private static final Pattern BATCH = Pattern.compile("(\\d+) of (\\d+) exact, mean recall ([\\d.]+)%");
    private static final Pattern FINISHED = Pattern.compile("Finished in (\\d+) ms: (\\d+) hops?, (\\d+) RPCs");
    private NetworkViewModel vm;
    private LessonActions actions;
    private final List<String> viewsShown = new ArrayList<>();
    private EventInbox.Reader events;

    @BeforeEach
    void setUp() {
        vm = new NetworkViewModel();
        vm.playback().playingProperty().set(false);
        actions = new LessonActions(vm, v -> {
            viewsShown.add(v);
            return !Set.of("trie", "compare").contains(v);
        });
        events = vm.events().reader();
    }

    @Test
    void everyBundledLessonLoadsAndOnlyPendingActionsAreNotYetAvailable() {
        List<LessonLibrary.Entry> bundled = LessonLibrary.bundled(actions);
        assertThat(bundled).extracting(LessonLibrary.Entry::name).containsExactly("a-farthest-bucket.yaml",
                "b-one-lookup.yaml", "c-ping-before-evict.yaml", "d-kill-30-percent.yaml", "e-alpha-and-modes.yaml");
        for (LessonLibrary.Entry e : bundled) {
            assertThat(e.error()).as(e.name()).isNull();
            assertThat(e.lesson().steps()).as(e.name() + ": 3 to 7 steps").hasSizeBetween(3, 7);
            for (Lesson.Step s : e.lesson().steps()) {
                assertThat(s.text().length()).as(e.name() + ":" + s.line() + " a short text").isLessThan(400);
            }
        }
        assertThat(LessonLibrary.load(actions)).as("the folder's lessons are the bundled ones").hasSize(5)
                .allMatch(LessonLibrary.Entry::ok);
    }

    @Test
    void lessonA_theFarthestBucketCoversHalfTheIdsButHoldsOnlyK() throws Exception {
        List<Integer> ran = run("a-farthest-bucket.yaml", i -> {
            NodeId me = vm.selection().selectedNode();
            if (i == 1) {
                assertThat(vm.keySpace().hex(me)).isEqualTo("570a");
                TableSnapshot.BucketSnapshot b15 = vm.network().table(me).bucket(15);
                assertThat(b15.size()).as("bucket 15 is full").isEqualTo(vm.network().k());
                assertThat(b15.replacements()).as("and more wait").isNotEmpty();
                assertThat(inBucket(me, 15)).as("14 of the 31 others are in the far half").isEqualTo(14);
                assertThat(vm.network().table(me).bucket(14).size()).isEqualTo(4);
                assertThat(vm.network().table(me).bucket(13).size()).isEqualTo(4);
                assertThat(vm.network().table(me).nonEmptyBuckets()).extracting(TableSnapshot.BucketSnapshot::index)
                        .containsExactlyInAnyOrder(15, 14, 13, 10);
            }
            if (i == 2) {
                assertThat(viewsShown).contains("xor");
            }
            if (i == 5) {
                assertThat(vm.network().nodeCount()).isEqualTo(64);
                assertThat(inBucket(me, 15)).as("about half of the newcomers landed in the far half").isBetween(25, 40);
                assertThat(vm.network().table(me).bucket(15).size()).as("still k").isEqualTo(4);
            }
        });
        assertThat(ran).as("the steps checked ran").contains(1, 2, 5);
    }

    @Test
    void lessonB_oneLookupAsksTheAlphaClosestFirstAndStopsWhenTheKClosestAnswered() throws Exception {
        List<Integer> ran = run("b-one-lookup.yaml", i -> {
            if (i == 1) {
                assertThat(vm.playback().playingProperty().get()).as("paused, to be stepped").isFalse();
                assertThat(hexOf(Lookup.CandidateState.WAITING)).containsExactlyInAnyOrder("dc32", "dce2", "c683");
            }
            if (i == 3) {
                assertThat(vm.selection().selectedLookup().isOver()).as("a round does not end it").isFalse();
            }
            if (i == 5) {
                String summary = vm.selection().selectedLookup().summary(vm.network());
                Matcher m = FINISHED.matcher(summary);
                assertThat(m.find()).as(summary).isTrue();
                assertThat(m.group(2)).isEqualTo("2");
                assertThat(m.group(3)).isEqualTo("7");
                assertThat(summary).contains("Exact: found the true 4 closest");
                assertThat(vm.selection().selectedLookup().finished().truth()).contains(vm.keySpace().parse("d655"));
            }
        });
        assertThat(ran).as("the steps checked ran").contains(1, 3, 5);
    }

    @Test
    void lessonC_aFullBucketPingsItsHeadKeepsItWhenItAnswersAndEvictsItWhenItIsDown() throws Exception {
        List<Integer> ran = run("c-ping-before-evict.yaml", i -> {
            NodeId me = vm.selection().selectedNode();
            KeySpace ks = vm.keySpace();
            if (i == 0) {
                assertThat(ks.hex(me)).isEqualTo("0a");
                assertThat(contacts(me, 7)).containsExactly("e2", "8a");
                events.drain();
            }
            if (i == 2) {
                List<String> seen = changes(me, 7);
                assertThat(seen).as("the head is pinged and answers").containsSubsequence("ping_started e2 91", "ping_kept e2 91");
                assertThat(seen).noneMatch(s -> s.startsWith("evicted"));
            }
            if (i == 3) {
                assertThat(vm.network().isAlive(ks.parse("e2"))).isFalse();
                assertThat(ks.hex(me)).as("the selection stays on 0a").isEqualTo("0a");
                assertThat(contacts(me, 7)).as("0a does not know yet").contains("e2");
            }
            if (i == 5) {
                assertThat(changes(me, 7)).containsSubsequence("ping_started e2 8b", "evicted e2 8b", "replaced 8b e2");
                assertThat(contacts(me, 7)).containsExactlyInAnyOrder("8a", "8b");
            }
        });
        assertThat(ran).as("the steps checked ran").contains(0, 2, 3, 5);
    }

    @Test
    void lessonD_afterKilling30PercentMostLookupsStillSucceedAndAfterAnHourTheNetworkHealed() throws Exception {
        double[][] batches = new double[3][];
        int[] batch = {0};
        List<Integer> ran = run("d-kill-30-percent.yaml", i -> {
            String caption = vm.status().captionProperty().get();
            Lesson.Step s = step("d-kill-30-percent.yaml", i);
            if (s.action() != null && s.action().name().equals("lookups")) {
                Matcher m = BATCH.matcher(caption);
                assertThat(m.find()).as("the caption reports the share: " + caption).isTrue();
                batches[batch[0]++] = new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(3))};
            }
            if (i == 2) {
                assertThat(vm.liveCountProperty().get()).as("30% of 32 is 10").isEqualTo(22);
            }
            if (i == 6) {
                assertThat(vm.liveCountProperty().get()).isEqualTo(32);
            }
        });
        assertThat(ran).as("the steps checked ran").contains(1, 2, 3, 5, 6);
        assertThat(batch[0]).isEqualTo(3);
        assertThat(batches[0][0]).as("the baseline: all exact").isEqualTo(100);
        assertThat(batches[1][0]).as("most, not all, exact after the kill").isBetween(50.0, 99.0);
        assertThat(batches[1][1]).as("mean recall above 90%").isGreaterThan(90);
        assertThat(batches[2][0]).as("healed: more exact than just after the kill").isGreaterThan(batches[1][0]);
    }

    @Test
    void lessonE_alphaThreeFinishesSoonerAndRoundsAsksFewerPeersOnTheSameNetwork() throws Exception {
        List<long[]> runs = new ArrayList<>();
        List<List<NodeId>> networks = new ArrayList<>();
        List<Integer> ran = run("e-alpha-and-modes.yaml", i -> {
            Lesson.Step s = step("e-alpha-and-modes.yaml", i);
            if (s.action() != null && s.action().name().equals("build")) {
                networks.add(vm.network().nodeIds());
            }
            if (s.action() != null && s.action().name().equals("find-node")) {
                Matcher m = FINISHED.matcher(vm.selection().selectedLookup().summary(vm.network()));
                assertThat(m.find()).isTrue();
                runs.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(3))});
                assertThat(vm.selection().selectedLookup().finished().exact()).isTrue();
            }
        });
        assertThat(ran).as("the steps checked ran").contains(0, 1, 2, 3, 4, 5);
        assertThat(networks).hasSize(3).allMatch(n -> n.equals(networks.get(0)));
        assertThat(runs).hasSize(3);
        long[] alpha1 = runs.get(0);
        long[] sliding = runs.get(1);
        long[] rounds = runs.get(2);
        assertThat(sliding[0]).as("alpha 3 finishes sooner than alpha 1").isLessThan(alpha1[0]);
        assertThat(rounds[1]).as("rounds asks fewer peers than sliding").isLessThan(sliding[1]);
        assertThat(rounds[0]).as("and is not faster").isGreaterThanOrEqualTo(sliding[0]);
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Runs each step's action, lets the window's frames play it out, then calls {@code after} with its
     * index; returns the indices of the steps that ran.
     */
    private List<Integer> run(String file, IntConsumer after) throws Exception {
        Lesson lesson = LessonReader.read(Path.of("assets", "lessons", file), actions);
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < lesson.steps().size(); i++) {
            Lesson.Action a = lesson.steps().get(i).action();
            if (a != null && !(a.name().equals("show-view") && Set.of("trie", "compare").contains(a.args().text("view")))) {
                actions.run(a);
            }
            settle();
            after.accept(i);
            ran.add(i);
        }
        return ran;
    }

    private Lesson.Step step(String file, int i) {
        try {
            return LessonReader.read(Path.of("assets", "lessons", file), actions).steps().get(i);
        } catch (LessonException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Frames until background work ended and, while playing, the simulation is idle. */
    private void settle() {
        for (int f = 0; f < 200_000; f++) {
            boolean busy = vm.builder().buildingProperty().get()
                    || (vm.playback().playingProperty().get() && (vm.simulation().isBusy() || !vm.events().isEmpty()));
            if (!busy) {
                return;
            }
            vm.playback().tick(FRAME);
        }
        throw new AssertionError("the step did not settle");
    }

    private int inBucket(NodeId me, int bucket) {
        int n = 0;
        for (NodeId id : vm.network().nodeIds()) {
            BigInteger d = KeySpace.distance(me, id);
            if (d.signum() > 0 && d.bitLength() - 1 == bucket) {
                n++;
            }
        }
        return n;
    }

    private List<String> contacts(NodeId me, int bucket) {
        return vm.network().table(me).bucket(bucket).contacts().stream().map(c -> vm.keySpace().hex(c.id())).toList();
    }

    private List<String> hexOf(Lookup.CandidateState state) {
        return vm.selection().selectedLookup().rows(vm.network()).stream().filter(r -> r.state() == state)
                .map(CandidateRow::hex).toList();
    }

    /** The changes to bucket {@code bucket} of {@code me} since the last call: "ping_started e2 91". */
    private List<String> changes(NodeId me, int bucket) {
        List<String> out = new ArrayList<>();
        for (SimEvent e : events.drain()) {
            if (e instanceof SimEvent.BucketChanged b && b.node().equals(me) && b.bucket() == bucket
                    && b.change() != SimEvent.BucketChange.UPDATED) {
                out.add(b.change().name().toLowerCase(java.util.Locale.ROOT) + " " + vm.keySpace().hex(b.contact())
                        + (b.other() == null ? "" : " " + vm.keySpace().hex(b.other())));
            }
        }
        return out;
    }
}

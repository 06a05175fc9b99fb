package org.kadlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The agenda runs actions in (time, scheduling order), checked against a PriorityQueue model, in its calendar and beyond it. */
class EventQueueTest {

    /** An action that only remembers who it is. */
    private static final class Tagged extends EventQueue.Scheduled {
        final long time;
        final long order;

        Tagged(long time, long order) {
            this.time = time;
            this.order = order;
        }

        @Override
        void fire() {
        }

        @Override
        public String toString() {
            return time + "#" + order;
        }
    }

    private static final Comparator<Tagged> BY_TIME_THEN_ORDER =
            Comparator.<Tagged>comparingLong(t -> t.time).thenComparingLong(t -> t.order);

    @Test
    @DisplayName("actions due at the same millisecond run in the order they were scheduled")
    void sameTimeActionsRunInSchedulingOrder() {
        EventQueue q = new EventQueue();
        List<Tagged> added = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Tagged t = new Tagged(7, i);
            added.add(t);
            q.add(7, t);
        }
        List<Tagged> polled = new ArrayList<>();
        while (!q.isEmpty()) {
            polled.add((Tagged) q.poll());
        }
        assertThat(polled).as("same-time actions keep their scheduling order").containsExactlyElementsOf(added);
    }

    /** The delay from now of the next action added, drawn from {@code r}. */
    private interface Delays {
        long next(SplittableRandom r);
    }

    /** Runs {@code ops} seeded adds (the share {@code addPercent}) and polls against a PriorityQueue model, then drains both. */
    private static void matchesModel(long seed, int ops, int addPercent, Delays delays) {
        SplittableRandom r = new SplittableRandom(seed);
        EventQueue q = new EventQueue();
        PriorityQueue<Tagged> model = new PriorityQueue<>(BY_TIME_THEN_ORDER);
        long order = 0;
        long now = 0;
        for (int i = 0; i < ops; i++) {
            if (model.isEmpty() || r.nextInt(100) < addPercent) {
                long time = now + delays.next(r); // never in the past, as in the simulator
                Tagged t = new Tagged(time, order++);
                q.add(time, t);
                model.add(t);
            } else {
                Tagged want = model.poll();
                assertThat(q.peekTime()).as("seed %d op %d: earliest time", seed, i).isEqualTo(want.time);
                assertThat(q.poll()).as("seed %d op %d: polled action", seed, i).isSameAs(want);
                assertThat(q.polledTime()).as("seed %d op %d: its time", seed, i).isEqualTo(want.time);
                now = want.time;
            }
            assertThat(q.size()).as("seed %d op %d: size", seed, i).isEqualTo(model.size());
            assertThat(q.isEmpty()).isEqualTo(model.isEmpty());
        }
        while (!model.isEmpty()) {
            assertThat(q.poll()).as("seed %d: draining", seed).isSameAs(model.poll());
        }
        assertThat(q.isEmpty()).as("seed %d: empty after draining", seed).isTrue();
    }

    @Test
    @DisplayName("a seeded random mix of adds and polls matches a PriorityQueue ordered by (time, sequence)")
    void randomMixMatchesPriorityQueueModel() {
        for (long seed = 1; seed <= 30; seed++) {
            // few distinct times, so that ties are common; grows past the initial 1024 slots in some runs
            matchesModel(seed, 3_000 + new SplittableRandom(-seed).nextInt(3_000), 60,
                    r -> r.nextInt(r.nextBoolean() ? 4 : 200));
        }
    }

    @Test
    @DisplayName("actions spread over the calendar's window and far beyond it (timers) still come out in (time, sequence) order")
    void calendarAndFarActionsInterleaveInOrder() {
        for (long seed = 1; seed <= 20; seed++) {
            matchesModel(seed, 6_000, 55, r -> {
                int kind = r.nextInt(10);
                return kind < 6 ? r.nextInt(50) // deliveries and replies
                        : kind < 9 ? r.nextInt(3 * EventQueue.WINDOW) // around the window's edge
                        : EventQueue.WINDOW * (1L + r.nextInt(40)); // timers far ahead, many at one time
            });
        }
    }

    @Test
    @DisplayName("the queue can be refilled after it was drained, and out-of-order times still come out sorted")
    void refillAfterDrainKeepsOrder() {
        EventQueue q = new EventQueue();
        SplittableRandom r = new SplittableRandom(99);
        for (int round = 0; round < 5; round++) {
            PriorityQueue<Tagged> model = new PriorityQueue<>(BY_TIME_THEN_ORDER);
            for (int i = 0; i < 2_500; i++) {
                Tagged t = new Tagged(r.nextLong(1_000_000), round * 10_000L + i);
                q.add(t.time, t);
                model.add(t);
            }
            while (!model.isEmpty()) {
                assertThat(q.poll()).as("round %d", round).isSameAs(model.poll());
            }
            assertThat(q.size()).isZero();
        }
    }
}

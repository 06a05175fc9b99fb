package org.kadlab.ui.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The folded time axis: quiet hours shrink to a band, busy minutes keep their length, ticks say the time. */
class TimeFoldsTest {
    @Test
    void aQuietHourBetweenTwoBusyStretchesIsFoldedIntoANarrowBandLabelledWithItsLength() {
        List<Long> times = new ArrayList<>();
        for (long t = 446_000; t <= 646_000; t += 2_000) {
            times.add(t); // 200 s of lookups
        }
        for (long t = 4_246_000; t <= 4_368_000; t += 2_000) {
            times.add(t); // an hour later, 122 s more
        }
        TimeFolds f = TimeFolds.of(times);
        assertThat(f.folds()).hasSize(1);
        TimeFolds.Piece fold = f.folds().get(0);
        assertThat(fold.fromMs()).isEqualTo(646_000);
        assertThat(fold.toMs()).isEqualTo(4_246_000);
        assertThat(fold.width()).as("a band of 8%% of the 322 busy seconds").isCloseTo(0.08 * 322, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f.width()).isCloseTo(322 + 0.08 * 322, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f.x(646_000) - f.x(446_000)).as("busy time keeps its length: a second per unit").isEqualTo(200.0);
        assertThat(f.x(4_246_000) - f.x(646_000)).as("the hour shrinks to the band")
                .isCloseTo(fold.width(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f.ticks()).extracting(TimeFolds.Tick::label).contains("8:00", "10:00", "~1 h~", "1:11:00", "1:12:00");
        assertThat(f.labelAt(fold.x() + fold.width() / 2)).isEqualTo("~1 h~");
    }

    @Test
    void steadyWorkWithShortGapsIsNotFoldedAndTimeRunsLinearly() {
        List<Long> times = new ArrayList<>();
        for (long t = 0; t <= 86_400_000L; t += 600_000) {
            times.add(t); // something every 10 minutes for a day
        }
        TimeFolds f = TimeFolds.of(times);
        assertThat(f.folds()).isEmpty();
        assertThat(f.x(43_200_000L)).isEqualTo(f.width() / 2);
        assertThat(f.ticks()).extracting(TimeFolds.Tick::label).contains("6:00:00", "12:00:00", "18:00:00");
    }

    @Test
    void aGapShorterThanFiveMinutesIsNeverFoldedHoweverLongItIsAgainstTheRest() {
        TimeFolds f = TimeFolds.of(List.of(0L, 1_000L, 200_000L, 201_000L));
        assertThat(f.folds()).isEmpty();
        assertThat(f.width()).isEqualTo(201.0);
    }

    @Test
    void xGrowsWithTimeEverywhereAndIsClampedOutside() {
        TimeFolds f = TimeFolds.of(List.of(10_000L, 20_000L, 7_200_000L, 7_210_000L, 30_000_000L));
        double last = f.x(0);
        for (long t = 0; t <= 31_000_000L; t += 50_000) {
            double x = f.x(t);
            assertThat(x).as("x at %d ms", t).isGreaterThanOrEqualTo(last);
            last = x;
        }
        assertThat(f.x(0)).isEqualTo(0);
        assertThat(f.x(40_000_000L)).isEqualTo(f.width());
        assertThat(f.folds()).as("two quiet stretches, each a band").hasSize(2);
    }

    @Test
    void nothingYetGivesAOneSecondAxis() {
        TimeFolds f = TimeFolds.of(List.of());
        assertThat(f.width()).isEqualTo(1.0);
        assertThat(f.folds()).isEmpty();
    }

    @Test
    void clockAndSpanTextsAreShortAndRound() {
        assertThat(TimeFolds.clock(446_000)).isEqualTo("7:26");
        assertThat(TimeFolds.clock(4_246_000)).isEqualTo("1:10:46");
        assertThat(TimeFolds.span(3_600_000)).isEqualTo("1 h");
        assertThat(TimeFolds.span(9_000_000)).isEqualTo("2.5 h");
        assertThat(TimeFolds.span(3_360_000)).isEqualTo("56 min");
        assertThat(TimeFolds.span(86_400_000)).isEqualTo("1 d");
    }
}

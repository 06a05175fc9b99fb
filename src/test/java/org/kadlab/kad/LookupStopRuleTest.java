package org.kadlab.kad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each way a lookup ends names the rule that ended it, and a stall is counted. */
class LookupStopRuleTest {
    private static final KeySpace KS8 = new KeySpace(8);
    private static final long TIMEOUT = 100;
    private static final NodeId ORIGIN = KS8.parse("0b0000_0000");
    private static final NodeId TARGET = KS8.parse("0b1111_0000");

    private static Contact c(String binary) {
        return new Contact(KS8.parse(binary), "test:" + binary);
    }

    @Test
    @DisplayName("the k closest answering ends a sliding lookup with K_CLOSEST_ANSWERED; it runs with no rule")
    void kClosestAnswered() {
        Contact a = c("0b1111_0001");
        Contact b = c("0b1111_0010");
        Lookup l = new Lookup(1, TARGET, ORIGIN, List.of(a, b), 2, 2, TIMEOUT, LookupMode.SLIDING);
        l.next(0);
        l.next(0);
        assertThat(l.stopRule()).as("running").isNull();
        l.onSuccess(a, List.of());
        l.onSuccess(b, List.of());
        assertThat(l.next(1)).isInstanceOf(Lookup.Finished.class);
        assertThat(l.stopRule()).isEqualTo(Lookup.StopRule.K_CLOSEST_ANSWERED);
    }

    @Test
    @DisplayName("every candidate failing ends the lookup with NOBODY_LEFT")
    void nobodyLeft() {
        Contact a = c("0b1111_0001");
        Lookup l = new Lookup(1, TARGET, ORIGIN, List.of(a), 2, 1, TIMEOUT, LookupMode.SLIDING);
        l.next(0);
        l.onFailure(a);
        assertThat(l.next(1)).isInstanceOf(Lookup.Finished.class);
        assertThat(l.stopRule()).isEqualTo(Lookup.StopRule.NOBODY_LEFT);
    }

    @Test
    @DisplayName("finishEarly (find_value's first value) ends it with ENDED_EARLY")
    void endedEarly() {
        Lookup l = new Lookup(1, TARGET, ORIGIN, List.of(c("0b1111_0001")), 2, 1, TIMEOUT, LookupMode.SLIDING);
        l.next(0);
        l.finishEarly();
        assertThat(l.isFinished()).isTrue();
        assertThat(l.stopRule()).isEqualTo(Lookup.StopRule.ENDED_EARLY);
    }

    @Test
    @DisplayName("alpha answers without a closer peer stall a sliding lookup once, and the stall is counted")
    void stallsAreCounted() {
        Contact a = c("0b1111_0001");
        Contact b = c("0b1111_0010");
        Contact far = c("0b0001_0000");
        Lookup l = new Lookup(1, TARGET, ORIGIN, List.of(a, b, c("0b1111_0100"), c("0b1111_1000")), 4, 2, TIMEOUT,
                LookupMode.SLIDING);
        l.next(0);
        l.next(0);
        assertThat(l.stalls()).isZero();
        l.onSuccess(a, List.of(far)); // 4 known already: a far newcomer is no progress
        l.onSuccess(b, List.of());
        assertThat(l.isStalled()).isTrue();
        assertThat(l.stalls()).isEqualTo(1);
    }
}

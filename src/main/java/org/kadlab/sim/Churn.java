package org.kadlab.sim;

import java.util.SplittableRandom;

/**
 * Churn over a period: every live node gets a session length from a {@link SessionModel} and crashes
 * when it ends; newcomers arrive as a Poisson process at rate (live nodes) / mean, so the population
 * stays about level, each joining through a random live node with a session of its own.
 */
final class Churn {
    private final SimClock clock;
    private final Roster roster;
    private final Membership membership;
    private final SplittableRandom random;

    Churn(SimClock clock, Roster roster, Membership membership, SplittableRandom random) {
        this.clock = clock;
        this.roster = roster;
        this.membership = membership;
        this.random = random;
    }

    /** Schedules the departures of today's live nodes and the first arrival; returns when the period ends. */
    long start(SessionModel model, double meanSessionMs, double shape, long durationMs) {
        model.validate(meanSessionMs, shape);
        if (durationMs < 0) {
            throw new IllegalArgumentException("duration must not be negative, was " + durationMs);
        }
        long now = clock.now();
        long end = now + durationMs;
        for (SimNode n : roster.liveSnapshot()) {
            scheduleDeparture(n, model, meanSessionMs, shape, end);
        }
        double meanGap = meanSessionMs / Math.max(1, roster.liveCount());
        scheduleArrival(now + (long) Math.ceil(-meanGap * Math.log(1.0 - random.nextDouble())), model, meanSessionMs,
                shape, meanGap, end);
        return end;
    }

    private void scheduleDeparture(SimNode n, SessionModel model, double mean, double shape, long end) {
        long at = clock.now() + Math.max(1, (long) model.sample(random, mean, shape));
        if (at <= end) {
            clock.schedule(at, new SimClock.Background() {
                @Override
                void fire() {
                    membership.kill(n);
                }
            });
        }
    }

    private void scheduleArrival(long at, SessionModel model, double mean, double shape, double meanGap, long end) {
        if (at > end) {
            return;
        }
        clock.schedule(at, new SimClock.Background() {
            @Override
            void fire() {
                SimNode seed = roster.randomLive();
                if (seed != null && roster.hasFreeId()) {
                    SimNode n = membership.add(roster.freshId(), seed);
                    scheduleDeparture(n, model, mean, shape, end);
                }
                long gap = (long) Math.ceil(-meanGap * Math.log(1.0 - random.nextDouble()));
                scheduleArrival(clock.now() + Math.max(1, gap), model, mean, shape, meanGap, end);
            }
        });
    }
}

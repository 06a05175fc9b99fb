package org.kadlab.sim;

import java.util.SplittableRandom;

/**
 * Churn over a period: every live node gets the time left of a session under way
 * ({@link SessionModel#sampleRemaining}) and crashes when it ends; newcomers arrive as a Poisson
 * process at rate (live nodes) / mean, each joining through a random live node with a fresh session
 * of its own. Started this way the population is in its steady state at once and stays about level.
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

    /**
     * Schedules the departures of today's live nodes and the first arrival; the returned handle ends
     * the period at its end time or when stopped (departures and arrivals still due are then dropped).
     */
    Background start(SessionModel model, double meanSessionMs, double shape, long durationMs) {
        model.validate(meanSessionMs, shape);
        Background run = new Background("churn", clock, durationMs);
        for (SimNode n : roster.liveSnapshot()) {
            scheduleDeparture(n, model.sampleRemaining(random, meanSessionMs, shape), run);
        }
        double meanGap = meanSessionMs / Math.max(1, roster.liveCount());
        scheduleArrival(clock.now() + (long) Math.ceil(-meanGap * Math.log(1.0 - random.nextDouble())), model,
                meanSessionMs, shape, meanGap, run);
        return run;
    }

    private void scheduleDeparture(SimNode n, double sessionMs, Background run) {
        long at = clock.now() + Math.max(1, (long) Math.min(sessionMs, Background.UNTIL_STOPPED));
        int epoch = n.epoch; // a node revived in between has a session of its own
        if (run.covers(at)) {
            clock.schedule(at, new SimClock.Background() {
                @Override
                void fire() {
                    if (run.covers(at) && n.epoch == epoch) {
                        membership.kill(n);
                    }
                }
            });
        }
    }

    private void scheduleArrival(long at, SessionModel model, double mean, double shape, double meanGap, Background run) {
        if (!run.covers(at)) {
            return;
        }
        clock.schedule(at, new SimClock.Background() {
            @Override
            void fire() {
                if (!run.covers(at)) {
                    return;
                }
                SimNode seed = roster.randomLive();
                if (seed != null && roster.hasFreeId()) {
                    SimNode n = membership.add(roster.freshId(), seed);
                    scheduleDeparture(n, model.sample(random, mean, shape), run);
                }
                long gap = (long) Math.ceil(-meanGap * Math.log(1.0 - random.nextDouble()));
                scheduleArrival(clock.now() + Math.max(1, gap), model, mean, shape, meanGap, run);
            }
        });
    }
}

package org.kadlab.sim.scenario;

import java.util.List;
import java.util.Locale;
import org.kadlab.sim.DurabilitySample;
import org.kadlab.sim.Workload;

/**
 * What one churn step measured: its workload's tally (queries that ended, judged against the ground
 * truth when they ended) and the durability of the records stored before it, sampled over time.
 *
 * @param step           the churn step
 * @param startMs        virtual time the churn started
 * @param endMs          virtual time it ended (the workload's last queries may finish a little later)
 * @param tally          the workload's queries, or null when the step had no workload
 * @param skipped        workload queries not sent (no live node, or no key stored)
 * @param samples        durability samples, oldest first: at the start, every {@code sample_every}, at
 *                       the end; at most {@link ScenarioRunner#MAX_DURABILITY_SAMPLES} + 2
 * @param samplesDropped samples not taken because the cap was reached
 */
public record ChurnOutcome(Scenario.Churn step, long startMs, long endMs, Workload.Tally tally, int skipped,
                           List<DurabilitySample> samples, int samplesDropped) {
    public ChurnOutcome {
        samples = List.copyOf(samples);
    }

    /** The fewest of the true k closest holding any sampled record at any sample, or -1 when nothing was sampled. */
    public int minHolders() {
        int min = -1;
        for (DurabilitySample s : samples) {
            if (s.keys() > 0) {
                min = min < 0 ? s.minHolders() : Math.min(min, s.minHolders());
            }
        }
        return min;
    }

    /** The true closest looked at per record (k, or fewer live nodes), the largest seen; 0 when nothing was sampled. */
    public int truthSize() {
        int t = 0;
        for (DurabilitySample s : samples) {
            t = Math.max(t, s.truthSize());
        }
        return t;
    }

    /**
     * "during churn: 240 lookups, mean recall 99.80% (97.50% exact), find_value found 118 of 120
     * (98.33%), each record held by at least 15 of its true 20 closest" for the summary line of a run;
     * parts with nothing measured are left out, and a churn with no workload and no record says so.
     */
    public static String describe(List<ChurnOutcome> outcomes) {
        Workload.Tally sum = null;
        int min = -1;
        int truth = 0;
        for (ChurnOutcome o : outcomes) {
            if (o.tally() != null) {
                sum = sum == null ? o.tally() : plus(sum, o.tally());
            }
            int m = o.minHolders();
            if (m >= 0) {
                min = min < 0 ? m : Math.min(min, m);
                truth = Math.max(truth, o.truthSize());
            }
        }
        StringBuilder b = new StringBuilder("during churn:");
        String sep = " ";
        if (sum != null && sum.lookups() > 0) {
            b.append(String.format(Locale.ROOT, "%s%d lookups, mean recall %.2f%% (%.2f%% exact)", sep, sum.lookups(),
                    100 * sum.meanRecall(), 100 * sum.exactShare()));
            sep = ", ";
        }
        if (sum != null && sum.findValues() > 0) {
            b.append(String.format(Locale.ROOT, "%sfind_value found %d of %d (%.2f%%)", sep, sum.found(), sum.findValues(),
                    100 * sum.foundShare()));
            sep = ", ";
        }
        if (min >= 0) {
            b.append(String.format(Locale.ROOT, "%seach record held by at least %d of its true %d closest", sep, min, truth));
            sep = ", ";
        }
        if (sep.equals(" ")) {
            b.append(" no workload and no stored record measured");
        }
        return b.toString();
    }

    private static Workload.Tally plus(Workload.Tally a, Workload.Tally b) {
        return new Workload.Tally(a.lookups() + b.lookups(), a.exact() + b.exact(), a.recallSum() + b.recallSum(),
                a.findValues() + b.findValues(), a.found() + b.found());
    }
}

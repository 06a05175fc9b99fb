package org.kadlab.sim;

import java.util.List;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.NodeId;

/**
 * Measures one phase of a resilience cell on a running simulation, one operation at a time, each on
 * a settled network:
 * <ol>
 *   <li>find_node from a random live node to a random target; exactness and recall against the truth;
 *       every true closest node it missed is put in one of three places by what the lookup knew of it:
 *       never heard of, heard of but not asked, asked but silent (failed or timed out);</li>
 *   <li>find_value of given keys from random live nodes; a failure counts as "no copy" when no live
 *       node held the record any more, else as "missed" (copies were there, the lookup did not reach one);</li>
 *   <li>requests each lookup sent (its own RPCs, resends included; the network's upkeep is not counted).</li>
 * </ol>
 */
final class ResilienceProbe {
    private ResilienceProbe() {
    }

    /**
     * Runs {@code lookups} find_nodes and one find_value per entry of {@code keys}: the find_values
     * first when {@code findValuesFirst} (records are fetched at the moment the phase begins).
     */
    static ResilienceSweep.Tally measure(Simulation sim, int lookups, List<String> keys, boolean findValuesFirst) {
        ResilienceSweep.Tally t = new ResilienceSweep.Tally();
        if (findValuesFirst) {
            findValues(sim, keys, t);
        }
        lookups(sim, lookups, t);
        if (!findValuesFirst) {
            findValues(sim, keys, t);
        }
        return t;
    }

    private static void lookups(Simulation sim, int lookups, ResilienceSweep.Tally t) {
        for (int i = 0; i < lookups; i++) {
            SimNode origin = sim.randomLive();
            if (origin == null) {
                break;
            }
            Operation op = sim.findNode(origin, sim.randomId());
            sim.awaitOperation(op, origin, () -> false); // the rest of the network's traffic goes on meanwhile
            OperationRecord r = op.future().getNow(null);
            if (r == null) {
                continue; // its origin crashed, or it outlasted the wait: nothing to judge
            }
            t.lookups++;
            t.exact += r.exact() ? 1 : 0;
            t.recallSum += r.recall();
            t.lookupRpcs += r.rpcs();
            for (NodeId missed : r.missed()) {
                Lookup.Candidate c = op.lookup() == null ? null : op.lookup().candidate(missed);
                if (c == null) {
                    t.missedUnseen++;
                } else if (c.state() == Lookup.CandidateState.NOT_CONTACTED) {
                    t.missedUnasked++;
                } else {
                    t.missedSilent++;
                }
            }
        }
    }

    private static void findValues(Simulation sim, List<String> keys, ResilienceSweep.Tally t) {
        for (String key : keys) {
            SimNode origin = sim.randomLive();
            if (origin == null) {
                break;
            }
            Operation op = sim.findValue(origin, key);
            sim.awaitOperation(op, origin, () -> false); // the rest of the network's traffic goes on meanwhile
            OperationRecord r = op.future().getNow(null);
            if (r == null) {
                continue; // its origin crashed, or it outlasted the wait: nothing to judge
            }
            t.findValues++;
            if (Boolean.TRUE.equals(r.found())) {
                t.found++;
            } else if (sim.durability(key).liveHolders() == 0) {
                t.findValueNoCopy++;
            } else {
                t.findValueMissed++;
            }
        }
    }

    /** Stores {@code records} keys named after the seed from random live nodes; counts who of the truth acknowledged. */
    static ResilienceSweep.Tally store(Simulation sim, List<String> keys) {
        ResilienceSweep.Tally t = new ResilienceSweep.Tally();
        for (String key : keys) {
            SimNode origin = sim.randomLive();
            Operation op = sim.store(origin, key, "value of " + key);
            sim.awaitOperation(op, origin, () -> false); // the rest of the network's traffic goes on meanwhile
            OperationRecord r = op.future().getNow(null);
            if (r == null) {
                continue; // its origin crashed, or it outlasted the wait: nothing to judge
            }
            t.stores++;
            t.storeAcks += r.ackedOfTruth();
            t.storeTruth += r.truth().size();
        }
        return t;
    }

    /** Adds a durability sample to {@code t}: the fewest and the sum of the true closest holding each record. */
    static void sample(Simulation sim, List<String> keys, ResilienceSweep.Tally t) {
        DurabilitySample s = DurabilitySample.of(sim, keys);
        if (s.keys() > 0) {
            t.minHolders = t.minHolders < 0 ? s.minHolders() : Math.min(t.minHolders, s.minHolders());
            t.truthSize = Math.max(t.truthSize, s.truthSize());
            t.samples++;
        }
    }
}

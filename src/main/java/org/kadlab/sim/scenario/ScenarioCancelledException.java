package org.kadlab.sim.scenario;

/** A scenario run stopped because {@link ScenarioRunner#cancel()} was called; the simulation keeps the state it reached. */
public final class ScenarioCancelledException extends ScenarioException {
    private static final long serialVersionUID = 1L;
    private final long virtualTimeMs;

    ScenarioCancelledException(String file, int line, long virtualTimeMs) {
        super(where(file, line) + ": cancelled at virtual time " + virtualTimeMs + " ms");
        this.virtualTimeMs = virtualTimeMs;
    }

    /** The simulation's virtual time when the run stopped. */
    public long virtualTimeMs() {
        return virtualTimeMs;
    }
}

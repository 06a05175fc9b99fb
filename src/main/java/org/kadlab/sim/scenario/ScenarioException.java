package org.kadlab.sim.scenario;

/** A scenario that cannot run, with the file, line and field at fault; the runner exits with code 2. */
public sealed class ScenarioException extends Exception permits ScenarioCancelledException {
    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(message);
    }

    /** A message of the form {@code FILE:LINE: field 'F': what is wrong}. */
    static ScenarioException at(String file, int line, String field, String problem) {
        return new ScenarioException(where(file, line) + ": " + (field == null ? "" : "field '" + field + "': ") + problem);
    }

    static String where(String file, int line) {
        return line > 0 ? file + ":" + line : file;
    }
}

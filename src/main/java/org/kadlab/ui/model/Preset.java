package org.kadlab.ui.model;

import org.kadlab.kad.LookupMode;

/** Ready-made networks, from a classroom toy with 8-bit ids to 2,000 nodes with 160-bit ids. */
public enum Preset {
    CLASSROOM("Classroom", "8-bit ids, 16 nodes, k = 2, alpha = 2: every id fits on the board",
            new NetworkSettings(16, 8, 2, 2, LookupMode.SLIDING, 10, 80, 0.0, 1)),
    DEFAULT("Default", "16-bit ids, 32 nodes, k = 4, alpha = 3",
            new NetworkSettings(NetworkViewModel.DEFAULT_NODES, 16, 4, 3, LookupMode.SLIDING, 10, 80, 0.0, 1)),
    REALISTIC("Realistic", "160-bit ids, 500 nodes, k = 20, alpha = 3, as deployed DHTs use",
            new NetworkSettings(500, 160, 20, 3, LookupMode.SLIDING, 10, 80, 0.0, 1)),
    LARGE("Large", "160-bit ids, 2,000 nodes, k = 20, alpha = 3 (built in the background)",
            new NetworkSettings(2_000, 160, 20, 3, LookupMode.SLIDING, 10, 80, 0.0, 1));

    private final String label;
    private final String description;
    private final NetworkSettings settings;

    Preset(String label, String description, NetworkSettings settings) {
        this.label = label;
        this.description = description;
        this.settings = settings;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public NetworkSettings settings() {
        return settings;
    }
}

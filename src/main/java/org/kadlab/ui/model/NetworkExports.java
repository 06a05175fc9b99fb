package org.kadlab.ui.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kadlab.sim.SimEvent;
import org.kadlab.sim.Simulation;
import org.kadlab.sim.scenario.EventJsonWriter;
import org.kadlab.sim.scenario.ReportWriter;

/**
 * The files the window can write about its network: the kept event history as JSON Lines and the
 * runner's report JSON (the same writers as the headless runner), and the scenario that rebuilds it.
 */
public final class NetworkExports {
    private final NetworkViewModel vm;

    NetworkExports(NetworkViewModel vm) {
        this.vm = vm;
    }

    /** Writes the network's kept history as JSON Lines; returns how many events it wrote. */
    public int writeEvents(Path out) throws IOException {
        Simulation sim = vm.simulation();
        int n = 0;
        try (OutputStream os = Files.newOutputStream(out); EventJsonWriter w = new EventJsonWriter(os, sim.keySpace(), false)) {
            for (SimEvent e : sim.history().events()) {
                w.onEvent(e);
                n++;
            }
        }
        return n;
    }

    /** Writes the headless runner's report JSON for the network. */
    public void writeReport(Path out) throws IOException {
        try (OutputStream os = Files.newOutputStream(out)) {
            new ReportWriter(vm.simulation()).write(os, null);
        }
    }

    /** Writes the scenario that rebuilds the network. */
    public void writeScenario(Path out) throws IOException {
        Files.writeString(out, vm.recorder().scenarioText(), StandardCharsets.UTF_8);
    }
}

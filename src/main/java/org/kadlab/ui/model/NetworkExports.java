package org.kadlab.ui.model;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kadlab.sim.HealthReport;
import org.kadlab.sim.SimEvent;
import org.kadlab.sim.Simulation;
import org.kadlab.sim.TableCapture;
import org.kadlab.sim.TableHealth;
import org.kadlab.sim.scenario.EventJsonWriter;
import org.kadlab.sim.scenario.ReportWriter;
import org.kadlab.sim.scenario.TablesWriter;

/**
 * The files the window can write about its network: the kept event history as JSON Lines and the
 * runner's report JSON (the same writers as the headless runner), the scenario that rebuilds it, and
 * every routing table as JSON (with the health summary) or CSV, copied on the FX thread and
 * written on any.
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

    /** A copy of every routing table now, for {@link #writeTablesJson} or {@link #writeTablesCsv} on another thread (FX thread). */
    public TableCapture captureTables() {
        return TableCapture.of(vm.simulation());
    }

    /** Writes the copied tables with their health summary as JSON (any thread); returns how many nodes it wrote. */
    public static int writeTablesJson(TableCapture tables, Path out) throws IOException {
        HealthReport health = TableHealth.analyze(tables);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out))) {
            TablesWriter.writeJson(tables, health, os);
        }
        return tables.tables().size();
    }

    /** Writes the copied tables as CSV, one row per node and contact (any thread); returns how many contact rows it wrote. */
    public static long writeTablesCsv(TableCapture tables, Path out) throws IOException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out))) {
            return TablesWriter.writeCsv(tables, os);
        }
    }

    /** Writes the scenario that rebuilds the network. */
    public void writeScenario(Path out) throws IOException {
        Files.writeString(out, vm.recorder().scenarioText(), StandardCharsets.UTF_8);
    }
}

package org.kadlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.net.NodeClient;
import org.kadlab.net.ClusterService;
import org.kadlab.net.WireCodec;
import org.kadlab.net.wire.ClusterNode;
import org.kadlab.net.wire.ClusterReply;

/**
 * The node processes of {@code kadlab cluster}: each a child JVM running {@code kadlab node} on
 * loopback with a fixed id, port and data directory, its output in a bounded log file. Starts them
 * one by one (each joining through a running node and waiting until it answers with a non-empty
 * table), kills one (a crash), revives it (same id, port and data), and stops them all.
 */
final class ClusterSupervisor implements ClusterService.Supervisor {
    /** Each node's log file is rotated at this size. */
    static final long LOG_BYTES = 1L << 20;

    private final List<String> javaCommand;
    private final List<String> nodeArgs;
    private final KeySpace space;
    private final WireCodec codec;
    private final Path root;
    private final String controlAddress;
    private final long readyWaitMs;
    private final List<Child> children = new ArrayList<>();

    /** One node: where it listens, who it is, and its current process (null before it starts). */
    private static final class Child {
        final int index;
        final String address;
        final NodeId id;
        final Path dataDir;
        final long seed;
        Process process;

        Child(int index, String address, NodeId id, Path dataDir, long seed) {
            this.index = index;
            this.address = address;
            this.id = id;
            this.dataDir = dataDir;
            this.seed = seed;
        }

        boolean alive() {
            return process != null && process.isAlive();
        }
    }

    /**
     * @param javaCommand    the java launcher and its JVM options, up to and including the main class
     * @param nodeArgs       protocol and token options passed to every node
     * @param controlAddress the cluster's control address, named in each node's Info
     */
    ClusterSupervisor(List<String> javaCommand, List<String> nodeArgs, KeySpace space, Path root, String controlAddress,
                      long readyWaitMs) {
        this.javaCommand = List.copyOf(javaCommand);
        this.nodeArgs = List.copyOf(nodeArgs);
        this.space = space;
        this.codec = new WireCodec(space);
        this.root = root;
        this.controlAddress = controlAddress;
        this.readyWaitMs = readyWaitMs;
    }

    /** Adds node {@code index} (not started yet). */
    synchronized void add(String address, NodeId id, long seed) {
        int index = children.size();
        children.add(new Child(index, address, id, root.resolve("node-" + index), seed));
    }

    synchronized int size() {
        return children.size();
    }

    synchronized String address(int index) {
        return children.get(index).address;
    }

    synchronized NodeId id(int index) {
        return children.get(index).id;
    }

    /** Starts node {@code index}, joining through a live node other than itself (if any), and waits until it is ready. */
    synchronized void start(int index) {
        Child c = children.get(index);
        Child seed = children.stream().filter(o -> o != c && o.alive()).findFirst().orElse(null);
        List<String> cmd = new ArrayList<>(javaCommand);
        cmd.addAll(List.of("node", "--listen=" + c.address, "--id=" + space.hex(c.id), "--seed=" + c.seed,
                "--data-dir=" + c.dataDir, "--cluster=" + controlAddress, "--exit-with-parent"));
        cmd.addAll(nodeArgs);
        if (seed != null) {
            cmd.add("--bootstrap=" + space.hex(seed.id) + "@" + seed.address);
        }
        Path logFile = root.resolve("node-" + index + ".log");
        try {
            Files.createDirectories(c.dataDir);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            // an app image's launcher marks its own process; a child started through it must start afresh
            pb.environment().keySet().removeIf(name -> name.startsWith("_JPACKAGE") || name.startsWith("JPACKAGE"));
            c.process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start node " + index + ": " + e.getMessage(), e);
        }
        RotatingLog.pump(c.process.getInputStream(), logFile, LOG_BYTES, "kadlab-cluster-log-" + index);
        awaitReady(c, seed != null, logFile);
    }

    /** Waits until the node answers its Info call (and, when it joined through a seed, knows a contact). */
    private void awaitReady(Child c, boolean needsContacts, Path logFile) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(readyWaitMs);
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!c.process.isAlive()) {
                throw new IllegalStateException("node " + c.index + " exited with code " + c.process.exitValue()
                        + " (see " + logFile + ")");
            }
            try (NodeClient client = NodeClient.connect(c.address, null, 1_000)) {
                if (!needsContacts || client.refreshInfo().getTableSize() > 0) {
                    return;
                }
                last = "its routing table is still empty";
            } catch (RuntimeException e) {
                last = CliInputs.oneLine(NodeCommand.rootMessage(e));
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting node " + c.index);
            }
        }
        throw new IllegalStateException("node " + c.index + " at " + c.address + " was not ready within " + readyWaitMs
                + " ms (" + last + "; see " + logFile + ")");
    }

    @Override
    public synchronized ClusterReply list() {
        return reply("");
    }

    private ClusterReply reply(String message) {
        ClusterReply.Builder b = ClusterReply.newBuilder().setMessage(message);
        for (Child c : children) {
            b.addNodes(ClusterNode.newBuilder().setIndex(c.index).setAddress(c.address)
                    .setId(codec.id(c.id)).setAlive(c.alive()));
        }
        return b.build();
    }

    private Child child(int index) {
        if (index < 0 || index >= children.size()) {
            throw new IllegalArgumentException("no node " + index + ": the cluster has nodes 0.." + (children.size() - 1));
        }
        return children.get(index);
    }

    @Override
    public synchronized ClusterReply kill(int index) {
        Child c = child(index);
        if (!c.alive()) {
            throw new IllegalStateException("node " + index + " is not running");
        }
        c.process.destroyForcibly();
        try {
            c.process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return reply("killed node " + index + " at " + c.address);
    }

    @Override
    public synchronized ClusterReply revive(int index) {
        Child c = child(index);
        if (c.alive()) {
            throw new IllegalStateException("node " + index + " is running");
        }
        start(index);
        return reply("revived node " + index + " at " + c.address + " as " + space.hex(c.id));
    }

    /** Stops every node: closes their input (they stop cleanly, saving their records), then kills those still running. */
    synchronized void stopAll() {
        for (Child c : children) {
            if (c.alive()) {
                try {
                    c.process.getOutputStream().close();
                } catch (IOException ignored) {
                    // it is going anyway
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Child c : children) {
            if (c.process == null) {
                continue;
            }
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!c.process.waitFor(left, TimeUnit.NANOSECONDS)) {
                    c.process.destroyForcibly();
                    c.process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                c.process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}

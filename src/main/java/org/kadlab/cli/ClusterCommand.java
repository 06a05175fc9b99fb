package org.kadlab.cli;

import io.grpc.Server;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.net.ClusterService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kadlab cluster}: N node processes on loopback, started one by one, each with its id drawn
 * from the seed, its port, data directory and log file; the Cluster service (list, kill, revive) on
 * the control port; every node stopped when the cluster stops.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Starts N node processes on loopback, bootstraps them one by one and serves list / kill / revive; Ctrl-C stops them all.")
final class ClusterCommand implements Callable<Integer> {
    /** Most nodes one cluster starts. */
    static final int MAX_NODES = 200;
    private static final String LOOPBACK = "127.0.0.1";

    @Option(names = "--nodes", required = true, description = "node processes to start, 1..200") int nodes;
    @Option(names = "--base-port", required = true, description = "the first node's port; node i listens on base-port + i") int basePort;
    @Option(names = "--control-port", description = "the cluster's control port (default: base-port - 1)") Integer controlPort;
    @Mixin ProtocolOptions protocol = new ProtocolOptions();
    @Option(names = "--seed", defaultValue = "1", description = "seed of the node ids (default ${DEFAULT-VALUE})") long seed;
    @Option(names = "--data-root", paramLabel = "DIR",
            description = "where each node keeps its data and log (default: a temporary folder, removed on exit)") Path dataRoot;
    @Option(names = "--token-file", paramLabel = "FILE", description = "a token every node and the control port accept from other hosts") Path tokenFile;
    @Option(names = "--ready-wait-ms", defaultValue = "60000", hidden = true, description = "how long to wait for one node to be ready")
    long readyWaitMs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KadConfig config;
        int control;
        String token;
        try {
            config = protocol.config();
            if (nodes < 1 || nodes > MAX_NODES) {
                throw new IllegalArgumentException("--nodes must be 1.." + MAX_NODES + ", was " + nodes);
            }
            if (basePort < 1 || (long) basePort + nodes - 1 > 65_535) {
                throw new IllegalArgumentException("--base-port " + basePort + " with " + nodes + " nodes: ports must be 1..65535");
            }
            control = controlPort != null ? controlPort : basePort - 1;
            if (control < 1 || control > 65_535) {
                throw new IllegalArgumentException("--control-port " + control + " must be 1..65535"
                        + (controlPort == null ? " (give --control-port, or a --base-port above 1)" : ""));
            }
            if (control >= basePort && control < basePort + nodes) {
                throw new IllegalArgumentException("--control-port " + control + " is one of the nodes' ports " + basePort + ".."
                        + (basePort + nodes - 1));
            }
            if (config.bits() < 63 && nodes > (1L << config.bits())) {
                throw new IllegalArgumentException(nodes + " nodes do not fit in a " + config.bits() + "-bit key space");
            }
            token = CliInputs.readToken(tokenFile);
            requireFree(control);
            for (int i = 0; i < nodes; i++) {
                requireFree(basePort + i);
            }
        } catch (IllegalArgumentException e) {
            err.println("kadlab cluster: " + CliInputs.oneLine(e.getMessage()));
            return KadLabCommand.BAD_INPUT;
        }
        boolean temporary = dataRoot == null;
        Path root;
        try {
            root = temporary ? Files.createTempDirectory("kadlab-cluster-") : Files.createDirectories(dataRoot);
        } catch (IOException e) {
            err.println("kadlab cluster: --data-root " + dataRoot + ": cannot be created (" + e.getMessage() + ")");
            return KadLabCommand.BAD_INPUT;
        }
        String controlAddress = LOOPBACK + ":" + control;
        List<String> nodeArgs = new ArrayList<>(protocol.asArgs());
        if (tokenFile != null) {
            nodeArgs.add("--token-file=" + tokenFile.toAbsolutePath());
        }
        ClusterSupervisor sup = new ClusterSupervisor(javaCommand(), nodeArgs, config.keySpace(), root, controlAddress, readyWaitMs);
        KeySpace space = config.keySpace();
        SplittableRandom random = new SplittableRandom(seed);
        Set<NodeId> ids = new HashSet<>();
        for (int i = 0; i < nodes; i++) {
            NodeId id;
            do {
                id = space.randomId(random);
            } while (!ids.add(id));
            sup.add(LOOPBACK + ":" + (basePort + i), id, random.nextLong());
        }
        Server server;
        try {
            server = new ClusterService(sup).serve(LOOPBACK, control, token);
        } catch (IOException e) {
            err.println("kadlab cluster: --control-port " + control + ": cannot listen there (" + NodeCommand.rootMessage(e) + ")");
            return KadLabCommand.BAD_INPUT;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopping.compareAndSet(false, true)) {
                server.shutdownNow();
                sup.stopAll();
                if (temporary) {
                    deleteTree(root);
                }
                out.println("cluster stopped");
                out.flush();
                stopped.countDown();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "kadlab-cluster-stop"));
        out.printf("starting %d nodes on %s:%d..%d (data and logs in %s)%n", nodes, LOOPBACK, basePort, basePort + nodes - 1, root);
        out.flush();
        try {
            for (int i = 0; i < nodes; i++) {
                sup.start(i);
                out.printf("node %d  %s  %s%n", i, sup.address(i), space.hex(sup.id(i)));
                out.flush();
            }
        } catch (IllegalStateException e) {
            err.println("kadlab cluster: " + CliInputs.oneLine(e.getMessage()));
            err.flush();
            stop.run();
            return KadLabCommand.INTERNAL_ERROR;
        }
        out.printf("ready: %d nodes; control %s (kadlab ctl --cluster %s list | kill I | revive I); Ctrl-C stops them all%n",
                nodes, controlAddress, controlAddress);
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void requireFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(LOOPBACK, port));
        } catch (IOException e) {
            throw new IllegalArgumentException("port " + port + " on " + LOOPBACK + " is busy (" + e.getMessage() + ")");
        }
    }

    /**
     * This Java, with small-footprint JVM options, the current class path and the launcher's main
     * class; in an installed app image, whose runtime has no {@code java} command, this process's own
     * launcher (the {@code kadlab} command), which starts the same main class.
     */
    static List<String> javaCommand() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(java)) {
            java.util.Optional<String> self = ProcessHandle.current().info().command();
            if (self.isPresent() && Files.isExecutable(Path.of(self.get()))) {
                return List.of(self.get());
            }
        }
        return List.of(java.toString(), "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "org.kadlab.Launcher");
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}

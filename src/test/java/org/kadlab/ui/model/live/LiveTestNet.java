package org.kadlab.ui.model.live;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.net.ChannelFactory;
import org.kadlab.net.NetLimits;
import org.kadlab.net.NodeHost;

/**
 * A live network of real nodes in one JVM over in-process gRPC (names as addresses,
 * written as loopback HOST:PORT), for the app's
 * live-network tests: started and bootstrapped, nodes closed one at a time, everything closed at the end.
 */
public final class LiveTestNet implements AutoCloseable {
    /** 16-bit ids (as the default simulation), k = 4, alpha = 3. */
    public static final KadConfig CONFIG = KadConfig.builder().bits(16).k(4).alpha(3).rpcTimeoutMs(2_000).build();
    private static final AtomicInteger NAMES = new AtomicInteger();
    private final List<NodeHost> hosts = new ArrayList<>();
    private final List<Contact> contacts = new ArrayList<>();
    private final List<ManagedChannel> channels = new CopyOnWriteArrayList<>();

    /** Starts {@code n} nodes, joins them through the first and lets each look itself up twice. */
    public static LiveTestNet start(int n, long seed) throws Exception {
        LiveTestNet net = new LiveTestNet();
        try {
            KeySpace space = CONFIG.keySpace();
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < n; i++) {
                NodeId id = space.randomId(random);
                while (net.ids().contains(id)) {
                    id = space.randomId(random);
                }
                // in-process names written as HOST:PORT, as the connect dialog wants them (no socket is opened)
                Contact c = new Contact(id, "127.0.0.1:" + (40_000 + NAMES.incrementAndGet()));
                net.contacts.add(c);
                net.hosts.add(NodeHost.start(c, CONFIG, NetLimits.defaults(), InProcessServerBuilder.forName(c.address()),
                        net.channels(), seed + i, null));
            }
            for (int i = 1; i < n; i++) {
                net.hosts.get(i).bootstrap(List.of(net.contacts.get(0))).get(30, TimeUnit.SECONDS);
            }
            for (int round = 0; round < 2; round++) {
                for (NodeHost h : net.hosts) {
                    h.findNode(h.self().id()).get(30, TimeUnit.SECONDS);
                }
            }
            return net;
        } catch (Exception e) {
            net.close();
            throw e;
        }
    }

    /** Opens in-process channels by name; each is closed at the end. */
    public ChannelFactory channels() {
        return address -> {
            ManagedChannel ch = InProcessChannelBuilder.forName(address).build();
            channels.add(ch);
            return ch;
        };
    }

    public String address(int i) {
        return contacts.get(i).address();
    }

    public NodeId id(int i) {
        return contacts.get(i).id();
    }

    public List<NodeId> ids() {
        return contacts.stream().map(Contact::id).toList();
    }

    public int size() {
        return contacts.size();
    }

    /** Crashes node {@code i}: its host closes and its name answers no more. */
    public void kill(int i) {
        hosts.get(i).close();
    }

    /** Runs {@code frame} until {@code done} holds, at most {@code ms} of wall time; returns whether it held. */
    public static boolean pump(Runnable frame, BooleanSupplier done, long ms) throws InterruptedException {
        long end = System.nanoTime() + ms * 1_000_000L;
        while (System.nanoTime() < end) {
            frame.run();
            if (done.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        frame.run();
        return done.getAsBoolean();
    }

    @Override
    public void close() {
        for (NodeHost h : hosts) {
            h.close();
        }
        for (ManagedChannel c : channels) {
            c.shutdownNow();
        }
    }
}

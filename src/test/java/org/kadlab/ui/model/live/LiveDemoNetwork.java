package org.kadlab.ui.model.live;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.net.NetLimits;
import org.kadlab.net.NodeHost;
import org.kadlab.net.TcpEndpoints;
import org.kadlab.net.wire.KademliaGrpc;

/**
 * A small real network on loopback for looking at the app attached to it (screenshots): N nodes on
 * ports BASE.., 16-bit ids; once they joined, each Kademlia call is held a random time up to MAX ms
 * (at least a third of it) so that RPCs can be seen in flight, and a random node runs a find_node
 * every 1.5 s. Runs until killed.
 *
 * <pre>java -cp target/classes:target/test-classes:target/lib/* org.kadlab.ui.model.live.LiveDemoNetwork 20 7400 900</pre>
 */
public final class LiveDemoNetwork {
    private LiveDemoNetwork() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int base = args.length > 1 ? Integer.parseInt(args[1]) : 7400;
        long maxDelay = args.length > 2 ? Long.parseLong(args[2]) : 300;
        AtomicBoolean slowNow = new AtomicBoolean();
        KadConfig config = KadConfig.builder().bits(16).k(4).alpha(3).rpcTimeoutMs(3_000).build();
        KeySpace space = config.keySpace();
        SplittableRandom random = new SplittableRandom(7);
        List<NodeHost> hosts = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        ServerInterceptor slow = new ServerInterceptor() {
            @Override
            public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                              ServerCallHandler<Q, A> next) {
                if (slowNow.get() && KademliaGrpc.SERVICE_NAME.equals(call.getMethodDescriptor().getServiceName())) {
                    try {
                        Thread.sleep(ThreadLocalRandom.current().nextLong(maxDelay / 3, maxDelay + 1));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return next.startCall(call, headers);
            }
        };
        for (int i = 0; i < n; i++) {
            Contact c = new Contact(space.randomId(random), "127.0.0.1:" + (base + i));
            contacts.add(c);
            hosts.add(NodeHost.start(c, config, NetLimits.defaults(),
                    TcpEndpoints.server("127.0.0.1", base + i, NetLimits.defaults()).intercept(slow),
                    TcpEndpoints.channels(NetLimits.defaults()), 100 + i, null));
        }
        for (int i = 1; i < n; i++) {
            hosts.get(i).bootstrap(List.of(contacts.get(0))).get(60, TimeUnit.SECONDS);
        }
        for (NodeHost h : hosts) {
            h.findNode(h.self().id()).get(60, TimeUnit.SECONDS);
        }
        for (int i = 0; i < n; i++) {
            System.out.println(contacts.get(i).address() + " " + space.hex(contacts.get(i).id()));
        }
        slowNow.set(true);
        System.out.println("ready");
        ScheduledExecutorService work = Executors.newSingleThreadScheduledExecutor();
        work.scheduleWithFixedDelay(() -> {
            NodeHost h = hosts.get(ThreadLocalRandom.current().nextInt(n));
            NodeId target = space.randomId(new SplittableRandom(System.nanoTime()));
            h.findNode(target);
        }, 1_500, 1_500, TimeUnit.MILLISECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            work.shutdownNow();
            hosts.forEach(NodeHost::close);
        }));
        new CountDownLatch(1).await();
    }
}

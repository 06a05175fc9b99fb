package org.kadlab.net;

import com.google.protobuf.ByteString;
import java.util.List;
import org.kadlab.kad.Contact;
import org.kadlab.kad.FailureOutcome;
import org.kadlab.kad.KadClock;
import org.kadlab.kad.KadNode;
import org.kadlab.kad.KadRequest;
import org.kadlab.kad.KadResponse;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.kad.LookupResult;
import org.kadlab.kad.NodeId;
import org.kadlab.kad.NodeObserver;
import org.kadlab.kad.PingOutcome;
import org.kadlab.kad.UpdateResult;
import org.kadlab.net.wire.NodeEvent;

/**
 * Turns what a real node does (its observer callbacks and its RPCs) into {@link NodeEvent}s of the
 * same kinds the simulator emits, and publishes them on the node's {@link EventFeed}. Runs on the
 * node's thread only; builds nothing while nobody watches.
 */
final class NodeFeed implements NodeObserver, RpcTap {
    private final EventFeed feed;
    private final WireCodec codec;
    private final KadClock clock;
    private final ByteString self;
    private long seq;

    NodeFeed(EventFeed feed, WireCodec codec, KadClock clock, NodeId self) {
        this.feed = feed;
        this.codec = codec;
        this.clock = clock;
        this.self = codec.id(self);
    }

    private NodeEvent.Builder event(NodeEvent.Kind kind) {
        return NodeEvent.newBuilder().setKind(kind).setSeq(++seq).setTimeMs(clock.nowMillis()).setNode(self);
    }

    private ByteString id(NodeId id) {
        return codec.id(id);
    }

    private void publish(NodeEvent.Builder b) {
        feed.publish(b.build());
    }

    static String rpcType(KadRequest r) {
        if (r instanceof KadRequest.Ping) {
            return "PING";
        } else if (r instanceof KadRequest.FindNode) {
            return "FIND_NODE";
        } else if (r instanceof KadRequest.FindValue) {
            return "FIND_VALUE";
        }
        return "STORE";
    }

    private NodeEvent.Builder rpc(NodeEvent.Kind kind, Contact peer, KadRequest r) {
        return event(kind).setPeer(id(peer.id())).setPeerAddress(peer.address()).setRpc(r.requestId())
                .setRpcType(rpcType(r));
    }

    // --- RPCs -----------------------------------------------------------------------------------

    @Override
    public void sent(Contact to, KadRequest request) {
        if (feed.watched()) {
            publish(rpc(NodeEvent.Kind.RPC_SENT, to, request));
        }
    }

    @Override
    public void delivered(Contact from, KadRequest request) {
        if (feed.watched()) {
            publish(rpc(NodeEvent.Kind.RPC_DELIVERED, from, request));
        }
    }

    @Override
    public void answered(Contact to, KadRequest request, KadResponse response) {
        if (!feed.watched()) {
            return;
        }
        int contacts = 0;
        String answer;
        if (response instanceof KadResponse.Nodes n) {
            contacts = n.closest().size();
            answer = contacts + " contacts";
        } else if (response instanceof KadResponse.Value) {
            answer = "value";
        } else if (response instanceof KadResponse.Stored) {
            answer = "stored";
        } else if (response instanceof KadResponse.Error e) {
            answer = "refused: " + e.code();
        } else {
            answer = "pong";
        }
        publish(rpc(NodeEvent.Kind.RPC_ANSWERED, to, request).setCount(contacts).setAnswer(answer));
    }

    @Override
    public void failed(Contact to, KadRequest request) {
        if (feed.watched()) {
            publish(rpc(NodeEvent.Kind.RPC_TIMED_OUT, to, request));
        }
    }

    // --- routing table --------------------------------------------------------------------------

    private void bucket(int bucket, String change, Contact contact, Contact other) {
        NodeEvent.Builder b = event(NodeEvent.Kind.BUCKET_CHANGED).setBucket(bucket).setChange(change)
                .setPeer(id(contact.id())).setPeerAddress(contact.address());
        if (other != null) {
            b.setOther(id(other.id()));
        }
        publish(b);
    }

    @Override
    public void routingUpdated(KadNode node, UpdateResult result) {
        if (!feed.watched()) {
            return;
        }
        if (result instanceof UpdateResult.Added a) {
            bucket(a.bucket(), "ADDED", a.contact(), null);
        } else if (result instanceof UpdateResult.Updated u) {
            bucket(u.bucket(), "UPDATED", u.contact(), null);
        } else if (result instanceof UpdateResult.Cached c) {
            bucket(c.bucket(), "CACHED", c.contact(), null);
        }
    }

    @Override
    public void pingStarted(KadNode node, UpdateResult.Pending p) {
        if (feed.watched()) {
            bucket(p.bucket(), "PING_STARTED", p.toPing(), p.candidate());
        }
    }

    @Override
    public void pingResolved(KadNode node, PingOutcome o) {
        if (!feed.watched()) {
            return;
        }
        bucket(o.bucket(), o.alive() ? "PING_KEPT" : "EVICTED", o.pinged(), o.candidate());
        if (!o.alive() && o.candidateAdded()) {
            bucket(o.bucket(), "REPLACED", o.candidate(), o.pinged());
        }
    }

    @Override
    public void contactFailed(KadNode node, FailureOutcome outcome) {
        if (!feed.watched()) {
            return;
        }
        if (outcome instanceof FailureOutcome.Stale s) {
            bucket(s.bucket(), "STALE", s.contact(), null);
        } else if (outcome instanceof FailureOutcome.Evicted e) {
            bucket(e.bucket(), "EVICTED", e.contact(), e.promoted());
            if (e.promoted() != null) {
                bucket(e.bucket(), "PROMOTED", e.promoted(), e.contact());
            }
        }
    }

    // --- lookups --------------------------------------------------------------------------------

    @Override
    public void lookupStarted(KadNode node, Lookup lookup, LookupPurpose purpose) {
        if (feed.watched()) {
            publish(event(NodeEvent.Kind.LOOKUP_STARTED).setLookup(lookup.id()).setKey(id(lookup.target()))
                    .setPurpose(purpose.name()));
        }
    }

    @Override
    public void lookupQueried(KadNode node, Lookup lookup, Contact peer) {
        progressed(lookup, peer, List.of());
    }

    @Override
    public void lookupAnswered(KadNode node, Lookup lookup, Contact peer, List<Contact> contacts) {
        progressed(lookup, peer, contacts);
    }

    @Override
    public void lookupPeerFailed(KadNode node, Lookup lookup, Contact peer) {
        progressed(lookup, peer, List.of());
    }

    /** A candidate's new state, where it came from, and the candidates its answer introduced. */
    private void progressed(Lookup lookup, Contact peer, List<Contact> answered) {
        if (!feed.watched()) {
            return;
        }
        Lookup.Candidate c = lookup.candidate(peer.id());
        if (c == null) {
            return;
        }
        NodeEvent.Builder b = event(NodeEvent.Kind.LOOKUP_PROGRESSED).setLookup(lookup.id()).setPeer(id(peer.id()))
                .setPeerAddress(peer.address()).setState(c.state().name()).setCount(c.returned())
                .setIntroduced(c.introduced()).setInFlight(lookup.inFlight()).setDepth(c.depth()).setRound(c.round());
        if (c.referrer() != null) {
            b.setReferrer(id(c.referrer().id()));
        }
        for (Contact a : answered) {
            Lookup.Candidate n = lookup.candidate(a.id());
            if (n != null && n.referrer() != null && n.referrer().id().equals(peer.id())) {
                b.addResult(id(a.id())); // new to the lookup through this answer
            }
        }
        publish(b);
    }

    @Override
    public void lookupFinished(KadNode node, Lookup lookup, LookupResult result) {
        if (!feed.watched()) {
            return;
        }
        NodeEvent.Builder b = event(NodeEvent.Kind.LOOKUP_FINISHED).setLookup(lookup.id())
                .setKey(id(result.target())).setPurpose(result.purpose().name()).setHops(result.hops())
                .setRpcs(result.rpcs()).setFailures(result.failures())
                .setFound(Boolean.TRUE.equals(result.found()));
        for (Contact c : result.closest()) {
            b.addResult(id(c.id()));
        }
        publish(b);
    }

    // --- records --------------------------------------------------------------------------------

    @Override
    public void recordStored(KadNode node, NodeId key, Contact from) {
        if (feed.watched()) {
            NodeEvent.Builder b = event(NodeEvent.Kind.RECORD_STORED).setKey(id(key));
            if (from != null) {
                b.setPeer(id(from.id())).setPeerAddress(from.address());
            }
            publish(b);
        }
    }

    @Override
    public void recordRefused(KadNode node, NodeId key, Contact from) {
        if (feed.watched()) {
            publish(event(NodeEvent.Kind.RECORD_REFUSED).setKey(id(key)).setPeer(id(from.id())));
        }
    }

    @Override
    public void recordExpired(KadNode node, NodeId key) {
        if (feed.watched()) {
            publish(event(NodeEvent.Kind.RECORD_EXPIRED).setKey(id(key)));
        }
    }

    @Override
    public void recordRepublished(KadNode node, NodeId key, boolean original) {
        if (feed.watched()) {
            publish(event(NodeEvent.Kind.RECORD_REPUBLISHED).setKey(id(key)).setOriginal(original));
        }
    }
}

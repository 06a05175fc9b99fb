package org.kadlab.net;

import java.util.List;
import org.kadlab.kad.Contact;
import org.kadlab.kad.FailureOutcome;
import org.kadlab.kad.KadNode;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.kad.LookupResult;
import org.kadlab.kad.NodeId;
import org.kadlab.kad.NodeObserver;
import org.kadlab.kad.PingOutcome;
import org.kadlab.kad.UpdateResult;

/** Two observers of one node, called in turn. */
final class ObserverPair implements NodeObserver {
    private final NodeObserver a;
    private final NodeObserver b;

    ObserverPair(NodeObserver a, NodeObserver b) {
        this.a = a;
        this.b = b;
    }

    @Override
    public void wakeUpAt(KadNode n, long atMillis) {
        a.wakeUpAt(n, atMillis);
        b.wakeUpAt(n, atMillis);
    }

    @Override
    public void routingUpdated(KadNode n, UpdateResult result) {
        a.routingUpdated(n, result);
        b.routingUpdated(n, result);
    }

    @Override
    public void pingStarted(KadNode n, UpdateResult.Pending pending) {
        a.pingStarted(n, pending);
        b.pingStarted(n, pending);
    }

    @Override
    public void pingResolved(KadNode n, PingOutcome outcome) {
        a.pingResolved(n, outcome);
        b.pingResolved(n, outcome);
    }

    @Override
    public void contactFailed(KadNode n, FailureOutcome outcome) {
        a.contactFailed(n, outcome);
        b.contactFailed(n, outcome);
    }

    @Override
    public void lookupStarted(KadNode n, Lookup lookup, LookupPurpose purpose) {
        a.lookupStarted(n, lookup, purpose);
        b.lookupStarted(n, lookup, purpose);
    }

    @Override
    public void lookupQueried(KadNode n, Lookup lookup, Contact peer) {
        a.lookupQueried(n, lookup, peer);
        b.lookupQueried(n, lookup, peer);
    }

    @Override
    public void lookupAnswered(KadNode n, Lookup lookup, Contact peer, List<Contact> contacts) {
        a.lookupAnswered(n, lookup, peer, contacts);
        b.lookupAnswered(n, lookup, peer, contacts);
    }

    @Override
    public void lookupPeerFailed(KadNode n, Lookup lookup, Contact peer) {
        a.lookupPeerFailed(n, lookup, peer);
        b.lookupPeerFailed(n, lookup, peer);
    }

    @Override
    public void lookupFinished(KadNode n, Lookup lookup, LookupResult result) {
        a.lookupFinished(n, lookup, result);
        b.lookupFinished(n, lookup, result);
    }

    @Override
    public void recordStored(KadNode n, NodeId key, Contact from) {
        a.recordStored(n, key, from);
        b.recordStored(n, key, from);
    }

    @Override
    public void recordRefused(KadNode n, NodeId key, Contact from) {
        a.recordRefused(n, key, from);
        b.recordRefused(n, key, from);
    }

    @Override
    public void recordExpired(KadNode n, NodeId key) {
        a.recordExpired(n, key);
        b.recordExpired(n, key);
    }

    @Override
    public void recordRepublished(KadNode n, NodeId key, boolean original) {
        a.recordRepublished(n, key, original);
        b.recordRepublished(n, key, original);
    }
}

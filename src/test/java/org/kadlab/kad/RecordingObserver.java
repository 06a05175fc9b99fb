package org.kadlab.kad;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link NodeObserver} that keeps what it is told, for assertions: typed lists per callback and
 * one textual event log (which, with the virtual clock, is the same on every run of a scenario).
 */
final class RecordingObserver implements NodeObserver {
    /** A lookup as it started: the state machine (a live view), why it ran. */
    record Started(KadNode node, Lookup lookup, LookupPurpose purpose) {
    }

    /** A lookup as it ended: the state machine (final state) and its result. */
    record Finished(KadNode node, Lookup lookup, LookupResult result) {
    }

    /** A record event at a node. */
    record RecordEvent(NodeId node, NodeId key, Contact from) {
    }

    /** A republish started by a node. */
    record Republish(NodeId node, NodeId key, boolean original) {
    }

    final List<String> events = new ArrayList<>();
    final List<UpdateResult> routingUpdates = new ArrayList<>();
    final List<UpdateResult.Pending> pingsStarted = new ArrayList<>();
    final List<PingOutcome> pingsResolved = new ArrayList<>();
    final List<FailureOutcome> contactFailures = new ArrayList<>();
    final List<Started> lookupsStarted = new ArrayList<>();
    final List<Finished> lookupsFinished = new ArrayList<>();
    final List<RecordEvent> stored = new ArrayList<>();
    final List<RecordEvent> refused = new ArrayList<>();
    final List<RecordEvent> expired = new ArrayList<>();
    final List<Republish> republished = new ArrayList<>();

    /** The lookups started with this purpose. */
    List<Started> started(LookupPurpose purpose) {
        return lookupsStarted.stream().filter(s -> s.purpose() == purpose).toList();
    }

    /** The republishes reported by {@code node}. */
    List<Republish> republishedBy(NodeId node) {
        return republished.stream().filter(r -> r.node().equals(node)).toList();
    }

    void clear() {
        events.clear();
        routingUpdates.clear();
        pingsStarted.clear();
        pingsResolved.clear();
        contactFailures.clear();
        lookupsStarted.clear();
        lookupsFinished.clear();
        stored.clear();
        refused.clear();
        expired.clear();
        republished.clear();
    }

    @Override
    public void routingUpdated(KadNode node, UpdateResult result) {
        routingUpdates.add(result);
        events.add(node.id() + " routing " + result);
    }

    @Override
    public void pingStarted(KadNode node, UpdateResult.Pending pending) {
        pingsStarted.add(pending);
        events.add(node.id() + " pingStarted " + pending);
    }

    @Override
    public void pingResolved(KadNode node, PingOutcome outcome) {
        pingsResolved.add(outcome);
        events.add(node.id() + " pingResolved " + outcome);
    }

    @Override
    public void contactFailed(KadNode node, FailureOutcome outcome) {
        contactFailures.add(outcome);
        events.add(node.id() + " contactFailed " + outcome);
    }

    @Override
    public void lookupStarted(KadNode node, Lookup lookup, LookupPurpose purpose) {
        lookupsStarted.add(new Started(node, lookup, purpose));
        events.add(node.id() + " lookupStarted " + lookup.id() + " " + purpose + " " + lookup.target());
    }

    @Override
    public void lookupQueried(KadNode node, Lookup lookup, Contact peer) {
        events.add(node.id() + " lookupQueried " + lookup.id() + " " + peer.id());
    }

    @Override
    public void lookupAnswered(KadNode node, Lookup lookup, Contact peer, List<Contact> contacts) {
        events.add(node.id() + " lookupAnswered " + lookup.id() + " " + peer.id() + " "
                + contacts.stream().map(c -> c.id().toString()).toList());
    }

    @Override
    public void lookupPeerFailed(KadNode node, Lookup lookup, Contact peer) {
        events.add(node.id() + " lookupPeerFailed " + lookup.id() + " " + peer.id());
    }

    @Override
    public void lookupFinished(KadNode node, Lookup lookup, LookupResult result) {
        lookupsFinished.add(new Finished(node, lookup, result));
        events.add(node.id() + " lookupFinished " + result);
    }

    @Override
    public void recordStored(KadNode node, NodeId key, Contact from) {
        stored.add(new RecordEvent(node.id(), key, from));
        events.add(node.id() + " recordStored " + key + " from " + (from == null ? "self" : from.id()));
    }

    @Override
    public void recordRefused(KadNode node, NodeId key, Contact from) {
        refused.add(new RecordEvent(node.id(), key, from));
        events.add(node.id() + " recordRefused " + key + " from " + from.id());
    }

    @Override
    public void recordExpired(KadNode node, NodeId key) {
        expired.add(new RecordEvent(node.id(), key, null));
        events.add(node.id() + " recordExpired " + key);
    }

    @Override
    public void recordRepublished(KadNode node, NodeId key, boolean original) {
        republished.add(new Republish(node.id(), key, original));
        events.add(node.id() + " recordRepublished " + key + " " + original);
    }
}

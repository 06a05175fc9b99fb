package org.kadlab.ui.model;

import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimEvent;
import org.kadlab.sim.Simulation;

/**
 * Routes the current network's events: each is queued in the {@link EventInbox} as it happens, and
 * when the display clock releases it, it moves the pulses, ends the user's lookups, bumps the
 * versions the panels watch and is told in the caption. Work the views need not replay (joins while
 * nodes are added) is muted: released at once, without pulses or captions.
 */
final class EventRouter {
    private final NetworkViewModel vm;
    private boolean muted;

    EventRouter(NetworkViewModel vm) {
        this.vm = vm;
    }

    /** Listens to {@code sim} from now on (events of any other simulation are ignored). */
    void follow(Simulation sim) {
        sim.addListener(e -> onEvent(sim, e));
    }

    /** Runs {@code work} muted: its events are released at once and not replayed. */
    void muted(Runnable work) {
        muted = true;
        try {
            work.run();
        } finally {
            muted = false;
        }
    }

    private void onEvent(Simulation source, SimEvent e) {
        if (source != vm.simulation() || vm.live().isActive()) { // a live network shows only its own events
            return;
        }
        if (e instanceof SimEvent.BucketChanged b) {
            NodeId sel = vm.selection().selectedNode();
            if (sel != null && b.node().equals(sel)) {
                vm.tableChanged();
            }
        } else if (e instanceof SimEvent.NodeKilled || e instanceof SimEvent.NodeRevived || e instanceof SimEvent.NodeAdded) {
            vm.membershipChanged();
        } else if (e instanceof SimEvent.LookupProgressed p) {
            LookupSession session = vm.selection().session(p.lookup());
            if (session != null) {
                session.progressed(p, vm.simulation().config().kad().effectivePeerTimeoutMs());
            }
        }
        if (muted && !concernsSession(e)) {
            toViews(e); // seen by the log and the charts, not replayed on the ring
            return;
        }
        vm.events().offer(source.stats().events(), e);
    }

    private boolean concernsSession(SimEvent e) {
        return (e instanceof SimEvent.LookupFinished f && vm.selection().session(f.lookup()) != null)
                || (e instanceof SimEvent.LookupAbandoned a && vm.selection().session(a.lookup()) != null);
    }

    /** Hands {@code e} to the views' inbox and to the timeline of judged operations. */
    private void toViews(SimEvent e) {
        vm.events().release(e);
        vm.timeline().observe(e);
    }

    /** Releases the pending events whose time is at most {@code clock}; returns whether any was. */
    boolean release(double clock) {
        EventInbox inbox = vm.events();
        boolean any = false;
        while (!inbox.isEmpty() && inbox.peek().event().time() <= clock) {
            apply(inbox.poll().event());
            any = true;
        }
        return any;
    }

    /** Releases one event to the views and applies it to the pulses, the sessions and the caption. */
    void apply(SimEvent e) {
        apply(e, true);
    }

    /** As {@link #apply(SimEvent)}; without a caption unless {@code narrate} (the caller tells the step itself). */
    void apply(SimEvent e, boolean narrate) {
        toViews(e);
        LookupSession s = vm.selection().selectedLookup();
        boolean ours = e instanceof SimEvent.RpcSent r && s != null && !s.isOver() && s.carries(r.type())
                && r.from().equals(s.origin());
        vm.rpcs().apply(e, ours);
        if (e instanceof SimEvent.LookupFinished f && vm.selection().session(f.lookup()) != null) {
            vm.selection().session(f.lookup()).finish(f);
        } else if (e instanceof SimEvent.LookupAbandoned a && vm.selection().session(a.lookup()) != null) {
            vm.selection().session(a.lookup()).abandon();
        }
        if (!narrate || e instanceof SimEvent.BucketChanged && vm.playback().playingProperty().get() && s != null) {
            return; // while playing with a lookup inspected, the caption tells its steps and result; the bucket panel shows the table
        }
        String c = Captions.describe(e, s, vm.selection().selectedNode(), vm.keySpace());
        if (c != null) {
            vm.status().tell(c, e instanceof SimEvent.LookupFinished);
        }
    }
}

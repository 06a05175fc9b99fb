package org.kadlab.ui.ring;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.LookupSession;
import org.kadlab.ui.model.NetworkModel;
import org.kadlab.ui.model.TableSnapshot;

/**
 * What the ring shows of the selection, read again only when its key moved: the selected node's
 * table (its node, network or table version), the inspected lookup's marks (the signature the
 * inspector's rows change on) and the node's contacts for the chords (the table's shape or the
 * membership).
 */
final class RingSelection {
    /** The selected node's contacts, recomputed when its table or the membership changes. */
    private final Set<NodeId> contacts = new HashSet<>();
    /** The selected node's table as last copied, and the table version it was copied at. */
    private TableSnapshot table;
    private Object tableKey;
    /** The lookup's marks as last read, and what they were read for. */
    private RingLookupMarks marks;
    private Object marksKey;
    private Object chordKey;
    private boolean chordsChanged;

    /** Reads again what changed of node {@code sel}'s table, the lookup {@code session} and the contacts. */
    void update(NetworkModel sim, NodeId sel, LookupSession session, long tableVersion, long membershipVersion) {
        Object nextTableKey = Arrays.asList(sim, sel, tableVersion);
        if (!nextTableKey.equals(tableKey)) {
            tableKey = nextTableKey;
            table = sel == null ? null : sim.table(sel);
        }
        Object nextMarksKey = Arrays.asList(sel, RingLookupMarks.signature(sim, session, membershipVersion));
        if (!nextMarksKey.equals(marksKey)) { // the inspector's rows change on the same signature
            marksKey = nextMarksKey;
            marks = RingLookupMarks.of(sel, session, sim);
        }
        Object nextChordKey = Arrays.asList(sel, membershipVersion, RingMarks.shape(table));
        chordsChanged = !nextChordKey.equals(chordKey);
        if (chordsChanged) {
            chordKey = nextChordKey;
            contacts.clear();
            if (table != null) {
                contacts.addAll(table.contactIds());
            }
        }
    }

    /** Forgets which chords were drawn (the network was replaced): the next update reads the contacts again. */
    void forgetChords() {
        chordKey = null;
    }

    /** Whether the last update found other chords to draw. */
    boolean chordsChanged() {
        return chordsChanged;
    }

    /** The selected node's table, or null when no node is selected. */
    TableSnapshot table() {
        return table;
    }

    /** The inspected lookup's marks as of the last update. */
    RingLookupMarks marks() {
        return marks;
    }

    /** The selected node's contacts. */
    Set<NodeId> contacts() {
        return contacts;
    }
}

package org.kadlab.ui.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.CheckComboBox;
import org.kadlab.sim.SimEvent;
import org.kadlab.ui.model.EventInbox;
import org.kadlab.ui.model.IdText;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.widgets.BriefIdCell;
import org.kadlab.ui.widgets.FxmlView;
import org.kadlab.ui.widgets.OnScreen;
import org.kadlab.ui.widgets.WholeColumns;

/**
 * The simulation's events as a table (time, type, node, details), newest at the bottom.
 *
 * <ol>
 *   <li>It reads the view model's one event inbox, released by the display clock (at most {@link #MAX_ROWS} rows are kept).</li>
 *   <li>Each time the view model's revision changes while the log is on screen, the queue is drained
 *       and formatted into rows; the table keeps at most {@link #MAX_ROWS}, dropping the oldest in
 *       chunks of a tenth. While
 *       another tab is shown the events wait in the (bounded) queue, and are drained when the log is
 *       shown again, so a hidden log costs no table work per frame.</li>
 *   <li>The table follows the newest row while its scroll bar is at the bottom; once the user scrolls
 *       up it stays where it is until they scroll back down.</li>
 *   <li>Rows are filtered by event type and by text (ids in hex) with an {@link EventFilter}.</li>
 *   <li>A reset (a new simulation) clears the log.</li>
 *   <li>The time, type and node columns never shrink below their header and their widest text in
 *       the table's current font ({@link WholeColumns}); the details column gives way first. In a
 *       wide key space the node column shows the abbreviated id ({@link IdText#brief}), the full id
 *       in its tooltip and in the details; the search matches the full id.</li>
 * </ol>
 *
 * <p>The toolbar, the table and its columns are laid out in {@code EventLogView.fxml}; rows, cells
 * and column fitting are set up here.
 */
public final class EventLogView extends BorderPane {
    /** Most rows kept. */
    public static final int MAX_ROWS = 5_000;
    /** What the type filter reads when it lets every type through (none or all ticked). */
    public static final String ALL_TYPES = "All types";
    /** Extra rows dropped when the table is full, so that trimming happens once every few hundred events. */
    private static final int TRIM_SLACK = MAX_ROWS / 10;
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    private static final PseudoClass LOOKUP = PseudoClass.getPseudoClass("lookup");

    private final ObservableList<EventRow> rows = FXCollections.observableArrayList();
    private final FilteredList<EventRow> shown = new FilteredList<>(rows, EventFilter.ALL);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "status", "");
    private final EventInbox.Reader feed;
    private final NetworkViewModel vm;
    private final WholeColumns whole;
    @FXML
    private TableView<EventRow> table;
    @FXML
    private CheckComboBox<String> typeChoice;
    @FXML
    private TextField search;
    @FXML
    private Label status;
    @FXML
    private TableColumn<EventRow, String> timeColumn;
    @FXML
    private TableColumn<EventRow, String> typeColumn;
    @FXML
    private TableColumn<EventRow, String> nodeColumn;
    @FXML
    private TableColumn<EventRow, String> detailsColumn;
    private String timeSample = "88888.888 s";
    private long seq;
    private long dropped;
    private boolean follow = true;

    public EventLogView(NetworkViewModel vm) {
        this.vm = vm;
        FxmlView.load(this);

        String longestType = "";
        for (Class<?> c : SimEvent.class.getPermittedSubclasses()) {
            typeChoice.getItems().add(c.getSimpleName());
            if (c.getSimpleName().length() > longestType.length()) {
                longestType = c.getSimpleName();
            }
        }
        typeChoice.setTitle(ALL_TYPES);
        typeChoice.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> applyFilter());
        status.textProperty().bind(statusText);

        table.setItems(shown);
        timeColumn.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().timeText()));
        typeColumn.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().type()));
        nodeColumn.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().node()));
        nodeColumn.setCellFactory(c -> new BriefIdCell<>(vm, ""));
        detailsColumn.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().details()));
        whole = new WholeColumns(table);
        whole.keep(timeColumn, timeSample);
        whole.keep(typeColumn, longestType);
        whole.keep(nodeColumn, () -> nodeSample(vm));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(EventRow item, boolean empty) {
                super.updateItem(item, empty);
                String type = empty || item == null ? "" : item.type();
                pseudoClassStateChanged(PROBLEM, type.equals("RpcTimedOut") || type.equals("InvariantViolated")
                        || type.equals("LookupAbandoned") || type.equals("RecordRefused"));
                pseudoClassStateChanged(LOOKUP, type.startsWith("Lookup") && !type.equals("LookupAbandoned"));
            }
        });
        // filters, not handlers: the table's scroll bars and cells consume these events
        table.addEventFilter(ScrollEvent.SCROLL, e -> userScrolled());
        table.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> userScrolled());
        table.addEventFilter(KeyEvent.KEY_RELEASED, e -> userScrolled());

        feed = vm.events().reader();
        vm.networkProperty().addListener((o, was, now) -> onReset());
        vm.revisionProperty().addListener((o, a, b) -> {
            if (isOnScreen()) {
                drain();
            }
        });
        drain();
    }

    /** Whether this view can be seen now (see {@link OnScreen}). */
    public boolean isOnScreen() {
        return OnScreen.is(this);
    }

    private void onReset() {
        rows.clear();
        seq = 0;
        dropped = 0;
        follow = true;
        whole.fit(); // the node column's width follows the key space
        updateStatus();
    }

    /** Moves queued events into the table; called when the view model's revision changes and when the log is shown. */
    public void drain() {
        List<SimEvent> events = feed.drain();
        seq += feed.missed() - dropped; // events the full queue let go still count in the numbering
        dropped = feed.missed();
        if (events.isEmpty()) {
            return;
        }
        var ks = vm.network().keySpace();
        int skip = Math.max(0, events.size() - MAX_ROWS);
        seq += skip;
        List<EventRow> batch = new ArrayList<>(events.size() - skip);
        for (int i = skip; i < events.size(); i++) {
            batch.add(EventRow.of(++seq, events.get(i), ks));
        }
        String latest = batch.get(batch.size() - 1).timeText();
        if (latest.length() > timeSample.length()) {
            timeSample = latest.replaceAll("[0-9]", "8");
            whole.keep(timeColumn, timeSample);
        }
        boolean wasFollowing = follow;
        try {
            int excess = rows.size() + batch.size() - MAX_ROWS;
            if (excess > 0) {
                excess += TRIM_SLACK; // trim in chunks, not a front-of-list removal on every frame
            }
            if (excess >= rows.size()) {
                rows.setAll(batch);
            } else {
                if (excess > 0) {
                    rows.remove(0, excess);
                }
                rows.addAll(batch);
            }
            if (wasFollowing && !shown.isEmpty()) {
                table.scrollTo(shown.size() - 1);
            }
        } finally {
            follow = wasFollowing;
        }
        updateStatus();
    }

    /** Filters the rows by the ticked types and the search text (the search field calls it as you type). */
    @FXML
    private void applyFilter() {
        EventFilter filter = EventFilter.ofTicked(typeChoice.getCheckModel().getCheckedItems(), typeChoice.getItems(),
                search.getText());
        typeChoice.setTitle(typeTitle(filter));
        shown.setPredicate(filter);
        if (follow && !shown.isEmpty()) {
            table.scrollTo(shown.size() - 1);
        }
        updateStatus();
    }

    /** After the user scrolled (wheel, scroll bar, keys), follow again only if the last row is in view. */
    private void userScrolled() {
        javafx.application.Platform.runLater(() -> {
            boolean atEnd = isLastRowVisible();
            if (atEnd != follow) {
                follow = atEnd;
                updateStatus();
            }
        });
    }

    private boolean isLastRowVisible() {
        if (shown.isEmpty()) {
            return true;
        }
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            IndexedCell<?> last = flow.getLastVisibleCell();
            return last == null || last.getIndex() >= shown.size() - 1;
        }
        return true;
    }

    private void updateStatus() {
        statusText.set(String.format(Locale.ROOT, "%,d of %,d rows shown%s%s", shown.size(), rows.size(),
                rows.size() >= MAX_ROWS ? " (newest " + MAX_ROWS + ")" : "",
                follow ? "" : " \u00b7 paused: scroll to the bottom to follow"));
    }

    /** The rows kept (for tests): at most {@link #MAX_ROWS}, oldest first. */
    public List<EventRow> rows() {
        return rows;
    }

    /** The rows the filter lets through (for tests). */
    public List<EventRow> shownRows() {
        return shown;
    }

    public TableView<EventRow> table() {
        return table;
    }

    /** What the type filter reads: {@link #ALL_TYPES}, the one type ticked, or how many are. */
    static String typeTitle(EventFilter filter) {
        int n = filter.types().size();
        return filter.allTypes() ? ALL_TYPES : n == 1 ? filter.types().iterator().next() : n + " types";
    }

    /** The event types to tick (none or all ticked: every type). */
    public CheckComboBox<String> typeChoice() {
        return typeChoice;
    }

    public TextField searchField() {
        return search;
    }

    /** Whether the table follows the newest row. */
    public boolean isFollowing() {
        return follow;
    }

    /** The widest text the node column shows: a whole id in a narrow key space, an abbreviated one in a wide one. */
    private static String nodeSample(NetworkViewModel vm) {
        var ks = vm.keySpace();
        String digits = "8".repeat(IdText.abbreviates(ks) ? IdText.SHORT_DIGITS : ks.hexDigits());
        return IdText.abbreviates(ks) ? digits + IdText.ELLIPSIS : digits;
    }

    /** Events the feed dropped because more came between two drains than the log keeps. */
    public long dropped() {
        return dropped;
    }
}

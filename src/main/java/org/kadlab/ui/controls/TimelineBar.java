package org.kadlab.ui.controls;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.Rewind;

/**
 * The session's timeline under the views: a scrubber over virtual time from the network as built to
 * the furthest moment the session reached, one event back, and where the network is now. Dropping the
 * scrubber on an earlier moment rebuilds the network as it was then (every view shows it); Play goes
 * on from there.
 */
public final class TimelineBar extends HBox {
    private final NetworkViewModel vm;
    private final Slider scrubber = new Slider(0, 1, 0);
    private final Label where = new Label();
    private final Button back = new Button("\u25c0 Back");
    private final Button whatIf = new Button("What if\u2026");
    private long shownRevision = -1;
    private final Tooltip whereTip = new Tooltip();
    /** The scrubber's width, in pixels. */
    static final double SCRUBBER_WIDTH = 220;

    public TimelineBar(NetworkViewModel vm, Runnable openWhatIf, String backKeys) {
        this.vm = vm;
        getStyleClass().addAll("control-group", "timeline-bar");
        setId("timeline-bar");
        setAlignment(Pos.CENTER_LEFT);
        Label title = new Label("Timeline");
        title.getStyleClass().add("section-label");
        back.setId("step-back-button");
        back.setFocusTraversable(false);
        back.setTooltip(new Tooltip("One simulation event back (" + backKeys + "): the network is rebuilt as it was"
                + " one event earlier"));
        back.setOnAction(e -> vm.rewind().stepBack(true));
        scrubber.setId("timeline-slider");
        scrubber.setFocusTraversable(false);
        scrubber.setTooltip(new Tooltip("Drag to any earlier moment and let go: every view shows the network as it was"
                + " then. Play goes on from there, and what you did later happens again until you do something new."));
        scrubber.setPrefWidth(SCRUBBER_WIDTH);
        scrubber.setMinWidth(SCRUBBER_WIDTH / 2);
        scrubber.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                seek();
            }
        });
        scrubber.setOnMouseReleased(e -> {
            if (!scrubber.isValueChanging()) {
                seek(); // a click on the track, without a drag
            }
        });
        where.setId("timeline-label");
        where.getStyleClass().add("timeline-label");
        where.setMinWidth(USE_PREF_SIZE);
        where.setTooltip(whereTip);
        whatIf.setId("what-if-button");
        whatIf.setFocusTraversable(false);
        whatIf.setTooltip(new Tooltip("Run the inspected find_node again from the moment it started, with one change"
                + " (alpha, lookup mode, a node killed or revived, loss), side by side with the run as it was"));
        whatIf.setOnAction(e -> openWhatIf.run());
        HBox.setMargin(whatIf, new javafx.geometry.Insets(0, 0, 0, 6));
        getChildren().addAll(title, back, scrubber, where, whatIf);
        vm.revisionProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /** Brings the scrubber and the label up to date (cheap: once per change of the view model). */
    public void refresh() {
        long revision = vm.revisionProperty().get();
        if (revision == shownRevision || scrubber.isValueChanging()) {
            return;
        }
        shownRevision = revision;
        Rewind r = vm.rewind();
        String why = r.cannotRewind();
        long first = r.firstTime();
        long last = Math.max(first + 1, r.lastTime());
        long now = vm.network().now();
        scrubber.setMin(first);
        scrubber.setMax(last);
        scrubber.setValue(now);
        scrubber.setDisable(why != null);
        back.setDisable(why != null || r.position() <= r.first());
        long behind = r.last() - r.position();
        where.setText(why != null ? "no timeline" : time(now) + " \u00b7 step " + count(r.position() - r.first())
                + (behind > 0 ? " (" + count(behind) + " back)" : ""));
        whereTip.setText(why != null ? why : "Virtual time now, and how many simulation events the network"
                + " has run since it was built" + (behind > 0 ? "; the session went " + count(behind) + " events further"
                + " before it was rewound: Play retraces them" : ""));
    }

    /** The text under the scrubber (for tests). */
    public String whereText() {
        return where.getText();
    }

    /** The scrubber (for tests). */
    public Slider scrubber() {
        return scrubber;
    }

    private void seek() {
        long target = Math.round(scrubber.getValue());
        if (target == vm.network().now()) {
            return;
        }
        vm.rewind().seekTime(target, true);
    }

    static String time(long ms) {
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.3f s", ms / 1000.0);
        }
        long s = ms / 1000;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}

package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import org.kadlab.ui.widgets.ViewLegend;
import javafx.scene.shape.Circle;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.buckets.BucketPanel;
import org.kadlab.ui.inspector.LookupInspector;
import org.kadlab.ui.model.CandidateRow;
import org.kadlab.ui.model.LookupSession;
import org.kadlab.ui.model.NetworkSettings;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.ring.RingView;
import org.kadlab.ui.theme.Theme;
import org.kadlab.ui.widgets.NodeDot;

/**
 * Slow peers, late answers, peers asked again and stale contacts each have a look of their own: on
 * the ring, in the inspector, in the routing table, and in the legends that explain them.
 */
@ExtendWith(FxFixture.class)
class LookupMarksTest {
    private static final String[] RING_STATES = {"not-contacted", "waiting", "answered", CandidateRow.LATE, "failed",
        "unresponsive", CandidateRow.NOT_NEEDED, CandidateRow.MISSED};

    @Test
    void everyLookupStateIsDrawnInALookOfItsOwnInBothThemes() throws Exception {
        FxFixture.fx(() -> {
            for (String theme : List.of("theme-dark", "theme-light")) {
                Group dots = new Group();
                List<NodeDot> all = new ArrayList<>();
                for (String state : RING_STATES) {
                    NodeDot d = new NodeDot(new org.kadlab.kad.KeySpace(8).parse("0" + all.size()), "ring-node");
                    d.lookupState(state);
                    all.add(d);
                }
                dots.getChildren().addAll(all);
                VBox root = new VBox(dots);
                root.getStyleClass().addAll("main-view", theme);
                Scene scene = new Scene(root);
                scene.getStylesheets().add(Theme.appStylesheet());
                root.applyCss();
                Set<String> looks = new HashSet<>();
                for (int i = 0; i < all.size(); i++) {
                    NodeDot d = all.get(i);
                    String look = d.getFill() + " " + d.getStroke() + " " + d.getStrokeWidth() + " " + d.getStrokeDashArray();
                    assertThat(looks.add(look)).as("%s: the look of %s is not another state's (%s)", theme, RING_STATES[i], look).isTrue();
                }
            }
            return null;
        });
    }

    @Test
    void aStaleContactLooksUnlikeADownOneAndUnlikeAnEmptySlotAndTheLegendShowsEach() throws Exception {
        FxFixture.fx(() -> {
            NetworkViewModel vm = new NetworkViewModel();
            BucketPanel panel = new BucketPanel(vm);
            TestViews.show(panel, 560, 700);
            panel.refresh();
            FlowPane legend = (FlowPane) panel.lookup("#bucket-legend");
            List<String> texts = new ArrayList<>();
            Set<String> looks = new HashSet<>();
            for (Node n : legend.getChildren()) {
                Label chip = (Label) n;
                texts.add(chip.getText());
                assertThat(chip.getTooltip()).as(chip.getText() + " says what it means").isNotNull();
                String look = background(chip) + " " + border(chip) + " " + chip.getTextFill();
                assertThat(looks.add(look)).as("%s has a look of its own: %s", chip.getText(), look).isTrue();
            }
            assertThat(texts).containsExactly("contact", "stale", "down", "pinged", "empty");
            Label stale = (Label) legend.getChildren().get(1);
            Label down = (Label) legend.getChildren().get(2);
            stale.pseudoClassStateChanged(PseudoClass.getPseudoClass("dead"), true);
            stale.applyCss();
            assertThat(border(stale) + " " + stale.getTextFill()).as("down and stale still looks unlike merely down")
                    .isNotEqualTo(border(down) + " " + down.getTextFill());
            vm.shutdown();
            return null;
        });
    }

    @Test
    void theRingAndTheInspectorShowLateAnswersAndPeersAskedAgain() throws Exception {
        FxFixture.fx(() -> {
            NetworkSettings s = new NetworkSettings(32, 16, 4, 3, LookupMode.SLIDING, 100, 400, 0.0, 3, 5, 1,
                    NetworkSettings.PEER_TIMEOUT_MS, true, 60_000);
            NetworkViewModel vm = new NetworkViewModel(s.toSimConfig(), 32);
            vm.playback().playingProperty().set(false);
            RingView ring = new RingView(vm);
            LookupInspector inspector = new LookupInspector(vm);
            HBox both = new HBox(ring, inspector);
            TestViews.show(both, 1300, 700);
            NodeId late = null;
            NodeId resent = null;
            for (int i = 0; i < 12 && (late == null || resent == null); i++) {
                vm.selection().select(vm.simulation().nodes().get(2 * i + 1).id());
                vm.operations().targetTextProperty().set(String.format("%04x", (0x3b7 * (i + 5)) & 0xffff));
                assertThat(vm.operations().findNode()).isTrue();
                LookupSession session = vm.selection().selectedLookup();
                while (!session.isOver() && (late == null || resent == null)) {
                    vm.playback().stepOnce();
                    for (CandidateRow r : session.rows(vm.network())) {
                        late = late == null && r.late() ? r.id() : late;
                        resent = resent == null && r.resends() > 0 ? r.id() : resent;
                    }
                }
            }
            assertThat(late).as("a late answer came").isNotNull();
            assertThat(resent).as("a peer was asked again").isNotNull();
            ring.refresh();
            inspector.refresh();
            both.applyCss();
            both.layout();
            LookupSession session = vm.selection().selectedLookup();
            CandidateRow lateRow = row(session, vm, late);
            CandidateRow resentRow = row(session, vm, resent);
            assertThat(ring.dot(late).lookupState()).isEqualTo(CandidateRow.LATE);
            assertThat(ring.dot(late).getPseudoClassStates()).extracting(Object::toString).contains("late");
            Text badge = ring.resendBadge(resent);
            assertThat(badge).as("the peer asked again has its mark on the ring").isNotNull();
            assertThat(badge.getText()).isEqualTo("\u21bb" + resentRow.resends());
            NodeDot dot = ring.dot(resent);
            assertThat(Math.hypot(badge.getBoundsInParent().getCenterX() - dot.getCenterX(),
                    badge.getBoundsInParent().getCenterY() - dot.getCenterY())).as("beside its dot").isLessThan(30);
            for (CandidateRow r : session.rows(vm.network())) {
                assertThat(ring.resendBadge(r.id()) != null).as("%s has the mark only if asked again", r.hex())
                        .isEqualTo(r.resends() > 0);
            }

            Map<String, String> shown = new java.util.HashMap<>();
            for (Node n : inspector.lookupAll(".table-row-cell")) {
                TableRow<?> tr = (TableRow<?>) n;
                if (tr.getItem() instanceof CandidateRow r) {
                    shown.put(r.hex(), tr.getPseudoClassStates().toString());
                }
            }
            assertThat(lateRow.stateLabel()).startsWith("late answer");
            assertThat(shown.get(lateRow.hex())).contains("late");
            assertThat(resentRow.stateLabel()).endsWith(" \u21bb" + resentRow.resends());
            assertThat(shown.get(resentRow.hex())).contains("asked-again");
            Path dir = Path.of("target", "ui-shots");
            Files.createDirectories(dir);
            ExportActions.writePng(both.getScene(), dir.resolve("late-answers-and-resends.png"));
            vm.shutdown();
            return null;
        });
    }

    @Test
    void theWindowsLegendExplainsSlowLateAndAskedAgain() throws Exception {
        FxFixture.fx(() -> {
            NetworkViewModel vm = new NetworkViewModel();
            MainView view = new MainView(vm);
            TestViews.show(view, 1280, 800);
            ViewLegend legend = (ViewLegend) view.lookup("#ring-legend");
            assertThat(legend.names()).contains("waiting", "answered", "slow", "late answer", "failed", "asked again",
                    "known, not asked", "not needed", "down", "missed", "target", "query", "reply", "timeout");
            assertThat(legend.sample("slow").getPseudoClassStates()).extracting(Object::toString).contains("unresponsive");
            assertThat(legend.sample("late answer").getPseudoClassStates()).extracting(Object::toString).contains("late");
            Node badge = legend.sample("asked again");
            assertThat(((Text) badge).getText()).isEqualTo("\u21bb1");
            assertThat(badge.getStyleClass()).contains("resend-badge");
            for (Node entry : legend.getChildren()) {
                Label text = (Label) ((HBox) entry).getChildren().get(1);
                assertThat(text.getTooltip()).as(text.getText() + " is explained").isNotNull();
            }
            vm.shutdown();
            return null;
        });
    }

    @Test
    void knownNotAskedIsOutlinedNotNeededHollowAndDownDrawnApartFromBoth() throws Exception {
        FxFixture.fx(() -> {
            NetworkViewModel vm = new NetworkViewModel();
            MainView view = new MainView(vm);
            TestViews.show(view, 1280, 800);
            ViewLegend legend = (ViewLegend) view.lookup("#ring-legend");
            Circle live = (Circle) legend.sample("live");
            Circle known = (Circle) legend.sample("known, not asked");
            Circle notNeeded = (Circle) legend.sample("not needed");
            Circle down = (Circle) legend.sample("down");
            assertThat(known.getFill()).as("known, not asked: a live dot...").isEqualTo(live.getFill());
            assertThat(known.getStroke()).as("...outlined").isNotEqualTo(Color.TRANSPARENT);
            assertThat(notNeeded.getFill()).as("not needed: hollow").isEqualTo(Color.TRANSPARENT);
            assertThat(notNeeded.getStroke()).isNotEqualTo(Color.TRANSPARENT);
            assertThat(down.getFill()).as("down is not hollow like not needed").isNotEqualTo(Color.TRANSPARENT)
                    .as("nor a live dot like known, not asked").isNotEqualTo(live.getFill());
            assertThat(down.getStrokeDashArray()).as("down has a dashed edge").isNotEmpty();
            assertThat(notNeeded.getStrokeDashArray()).isEmpty();
            assertThat(known.getStrokeDashArray()).isEmpty();
            ViewLegend xor = (ViewLegend) view.lookup("#xor-legend");
            assertThat(xor.names()).contains("selected", "contact", "in range", "cached", "down", "bucket holds contacts",
                    "bucket empty");
            vm.shutdown();
            return null;
        });
    }

    private static CandidateRow row(LookupSession s, NetworkViewModel vm, NodeId id) {
        return s.rows(vm.network()).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static String background(Label chip) {
        var bg = chip.getBackground();
        if (bg == null || bg.getFills().isEmpty()) {
            return "none";
        }
        List<Paint> fills = new ArrayList<>();
        bg.getFills().forEach(f -> fills.add(f.getFill()));
        return fills.toString();
    }

    private static String border(Label chip) {
        var b = chip.getBorder();
        if (b == null || b.getStrokes().isEmpty()) {
            return "none";
        }
        var st = b.getStrokes().get(0);
        return st.getTopStroke() + " " + st.getTopStyle().getDashArray();
    }
}

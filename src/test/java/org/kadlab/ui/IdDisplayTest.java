package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kadlab.ui.FxFixture.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.LookupMode;
import org.kadlab.ui.buckets.BucketPanel;
import org.kadlab.ui.inspector.CandidateIdText;
import org.kadlab.ui.inspector.LookupInspector;
import org.kadlab.ui.model.BucketRow;
import org.kadlab.ui.model.CandidateRow;
import org.kadlab.ui.model.IdText;
import org.kadlab.ui.model.NetworkSettings;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.theme.Theme;

/**
 * The routing-table panel and the lookup inspector show 160-bit ids abbreviated (full ids in the
 * tooltips) so that titles stay on one line and a bucket of k = 20 fits in a few rows, and keep the
 * whole ids and binaries of 8- and 16-bit networks, which a class reads.
 */
@ExtendWith(FxFixture.class)
class IdDisplayTest {
    private static NetworkViewModel wide;
    private static Stage stage;

    @BeforeAll
    static void network() throws Exception {
        stage = FxFixture.primaryStage();
        wide = new NetworkViewModel(new NetworkSettings(120, 160, 20, 3, LookupMode.SLIDING, 10, 80, 0.0, 1).toSimConfig(), 120);
        wide.playback().playingProperty().set(false);
    }

    private static void show(Node panel, double width, double height) {
        Scene scene = new Scene(new javafx.scene.layout.StackPane(panel), width, height);
        scene.getStylesheets().add(Theme.appStylesheet());
        stage.setScene(scene);
        stage.show();
        scene.getRoot().applyCss();
        scene.getRoot().layout();
    }

    @Test
    void theRoutingTableTitleAndChipsAbbreviateWideIdsAndKeepThemWholeInTheirTooltips() throws Exception {
        fx(() -> {
            BucketPanel panel = new BucketPanel(wide);
            show(panel, 560, 700);
            panel.refresh();
            panel.layout();
            KeySpace ks = wide.keySpace();
            String self = ks.hex(wide.selection().selectedNode());
            Label header = (Label) panel.lookup("#bucket-header");
            assertThat(header.getText()).startsWith("Routing table of " + self.substring(0, 8) + "\u2026 \u00b7 k = 20")
                    .doesNotContain(self);
            assertThat(header.getTooltip().getText()).contains(self);
            List<Label> chips = chips(panel);
            assertThat(chips).isNotEmpty();
            for (Label chip : chips) {
                assertThat(chip.getText()).hasSize(9).endsWith("\u2026");
                String id = BucketPanel.chipTooltip(chip).lines().findFirst().orElseThrow();
                assertThat(id).startsWith("id " + chip.getText().substring(0, 8)).hasSize(3 + ks.hexDigits());
            }
            return null;
        });
    }

    @Test
    void aFullBucketOfTwentyWideContactsFitsInAFewRows() throws Exception {
        fx(() -> {
            BucketPanel panel = new BucketPanel(wide);
            show(panel, 560, 700);
            panel.refresh();
            panel.applyCss();
            panel.layout();
            BucketRow full = panel.shownRows().stream().filter(r -> !r.isEmptyRun() && r.contacts().size() == r.k())
                    .findFirst().orElseThrow();
            Node row = panel.lookupAll(".bucket-row").stream()
                    .filter(n -> n.lookupAll(".contact-chip").size() == full.k()).findFirst().orElseThrow();
            Set<Double> lines = new TreeSet<>();
            for (Node chip : row.lookupAll(".contact-chip")) {
                lines.add(chip.localToScene(chip.getBoundsInLocal()).getMinY());
            }
            assertThat(lines.size()).as("rows of chips for k = %d contacts", full.k()).isBetween(1, 5);
            return null;
        });
    }

    @Test
    void narrowIdsStayWholeInTheRoutingTable() throws Exception {
        fx(() -> {
            NetworkViewModel vm = new NetworkViewModel();
            BucketPanel panel = new BucketPanel(vm);
            show(panel, 560, 700);
            panel.refresh();
            String self = vm.keySpace().hex(vm.selection().selectedNode());
            assertThat(((Label) panel.lookup("#bucket-header")).getText()).startsWith("Routing table of " + self + " \u00b7");
            for (Label chip : chips(panel)) {
                assertThat(chip.getText()).hasSize(4).doesNotContain("\u2026");
            }
            return null;
        });
    }

    @Test
    void theInspectorShowsAWideIdOnOneLineWithItsSharedPrefixInBitsAndTheReferrerAbbreviated() throws Exception {
        fx(() -> {
            LookupInspector inspector = new LookupInspector(wide);
            show(inspector, 560, 600);
            KeySpace ks = wide.keySpace();
            String target = ks.hex(wide.simulation().nodes().get(9).id());
            wide.operations().targetTextProperty().set(target);
            assertThat(wide.operations().findNode()).isTrue();
            while (!wide.selection().selectedLookup().isOver()) {
                wide.playback().stepOnce();
            }
            inspector.refresh();
            inspector.applyCss();
            inspector.layout();
            assertThat(inspector.subtitleText()).doesNotContain("\n").doesNotContain(target)
                    .contains(target.substring(0, 8) + "\u2026").matches(".*\\(bin [01 ]+\u2026\\)");
            assertThat(inspector.subtitleText().length()).as("one line").isLessThan(80);
            assertThat(inspector.idHeader()).contains("bits");
            List<CandidateRow> rows = inspector.table().getItems();
            assertThat(rows).isNotEmpty();
            for (CandidateRow r : rows) {
                assertThat(inspector.idText(r)).isEqualTo(r.hex().substring(0, 8) + "\u2026  " + IdText.bits(r.sharedPrefix()));
            }
            assertThat(rows.get(0).sharedPrefix()).as("the target itself is a candidate").isEqualTo(160);
            List<String> toldBy = new ArrayList<>();
            for (Node n : inspector.table().lookupAll(".table-cell")) {
                if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                        && "told by".equals(cell.getTableColumn().getText()) && cell.getText() != null) {
                    toldBy.add(cell.getText());
                }
            }
            assertThat(toldBy).isNotEmpty().allMatch(t -> t.equals("own table") || t.matches("[0-9a-f]{8}\u2026"));
            return null;
        });
    }

    @Test
    void theInspectorKeepsTheWholeBinaryOfNarrowIdsWithTheSharedPrefixApart() throws Exception {
        fx(() -> {
            NetworkViewModel vm = new NetworkViewModel();
            vm.playback().playingProperty().set(false);
            LookupInspector inspector = new LookupInspector(vm);
            show(inspector, 560, 600);
            vm.operations().targetTextProperty().set("7f00");
            assertThat(vm.operations().findNode()).isTrue();
            inspector.refresh();
            assertThat(inspector.subtitleText()).endsWith("(bin 0111 1111 0000 0000)");
            assertThat(inspector.idHeader()).isEqualTo("id (shared prefix bold)");
            for (CandidateRow r : inspector.table().getItems()) {
                assertThat(inspector.idText(r)).isEqualTo(r.hex() + "  " + IdText.grouped(r.binary()));
                List<String> parts = CandidateIdText.idParts(r, vm.keySpace());
                assertThat(parts.get(1).replace(" ", "")).as("the bold part is the shared prefix")
                        .isEqualTo(r.binary().substring(0, r.sharedPrefix()));
            }
            return null;
        });
    }

    /** The chips of the bucket rows (not the legend's samples). */
    private static List<Label> chips(Node panel) {
        List<Label> out = new ArrayList<>();
        for (Node n : panel.lookup("#bucket-rows").lookupAll(".contact-chip")) {
            out.add((Label) n);
        }
        return out;
    }
}

package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.CandidateRow;
import org.kadlab.ui.model.LookupSession;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.live.LiveTestNet;

/**
 * The window attached, through File -> Connect, to a live network of 8 real nodes (in-process gRPC):
 * a malformed address is marked at its field; once connected the red LIVE strip names the nodes and
 * the address, the ring and the status count the real nodes, the simulation's controls are hidden;
 * a find_node typed in the window runs on the selected real node and the inspector lists its
 * candidates, the k closest being the node's own answer; File -> Disconnect brings the simulation back.
 */
class LiveAppTest extends AppFixture {
    private static final long WAIT_MS = 20_000;
    private LiveTestNet net;

    @AfterEach
    void closeNetwork() throws Exception {
        fx(() -> app.viewModel().live().disconnect());
        if (net != null) {
            net.close();
        }
    }

    private boolean until(BooleanSupplier done) throws Exception {
        long end = System.nanoTime() + WAIT_MS * 1_000_000L;
        while (System.nanoTime() < end) {
            fx(() -> app.frameLoop().frame(16_000_000L));
            if (fx(done::getAsBoolean)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private void choose(String menu, String item) {
        clickOn("#menu-" + menu);
        clickOn("#menu-" + menu + "-" + item);
    }

    @Test
    void theWindowAttachesToALiveNetworkShowsItsNodesAndALookupSentFromTheWindow() throws Exception {
        net = LiveTestNet.start(8, 33);
        NetworkViewModel vm = app.viewModel();
        fx(() -> vm.live().useChannels(net.channels()));
        choose("file", "connect-to-a-live-network");
        TextField address = fx(() -> lookup("#connect-address").queryAs(TextField.class));

        clickOn(address).push(KeyCode.CONTROL, KeyCode.A).write("localhost");
        clickOn("#connect-button");
        assertThat(fx(() -> TestViews.messageBelow(address))).as("the message at the field").contains("HOST:PORT");
        assertThat(fx(() -> vm.live().connectingProperty().get())).isFalse();

        clickOn(address).push(KeyCode.CONTROL, KeyCode.A).write(net.address(0));
        clickOn("#connect-button");
        assertThat(until(() -> vm.live().isActive() && vm.network().nodeCount() == 8)).isTrue();

        Label badge = fx(() -> lookup("#live-badge").queryAs(Label.class));
        assertThat(fx(badge::getText)).isEqualTo("\u25cf Live: 8 of 8 nodes via " + net.address(0));
        assertThat(fx(() -> lookup("#live-strip").query().isVisible())).isTrue();
        assertThat(fx(() -> lookup("#connect-address").tryQuery().map(n -> n.getScene().getWindow().isShowing())
                .orElse(false))).as("the dialog closed").isFalse();
        assertThat(fx(() -> lookup("#play-button").query().getParent().isVisible())).as("play belongs to the simulation").isFalse();
        assertThat(fx(() -> lookup("#status-label").queryAs(Label.class).getText())).startsWith("8 nodes \u00b7 8 live");
        assertThat(fx(() -> app.mainView().ringView().dots().size())).isEqualTo(8);
        assertThat(fx(() -> ringTitle())).contains("8 nodes, 8 live");

        NodeId origin = net.id(2);
        fx(() -> vm.selection().select(origin));
        NodeId target = fx(() -> vm.keySpace().id(0x7777));
        clickOn("#target-field").push(KeyCode.CONTROL, KeyCode.A).write(fx(() -> vm.keySpace().hex(target)));
        clickOn("#find-button");
        assertThat(until(() -> {
            LookupSession s = vm.selection().selectedLookup();
            return s != null && s.isOver() && s.record() != null;
        })).isTrue();
        LookupSession s = fx(() -> vm.selection().selectedLookup());
        assertThat(s.origin()).isEqualTo(origin);
        assertThat(s.target()).isEqualTo(target);
        fx(() -> app.frameLoop().frame(16_000_000L));
        List<CandidateRow> rows = fx(() -> List.copyOf(app.mainView().inspector().table().getItems()));
        assertThat(rows).isNotEmpty();
        assertThat(rows.stream().filter(CandidateRow::kClosest).map(CandidateRow::id).toList())
                .as("the inspector's k closest are the node's answer").isEqualTo(s.record().result());
        assertThat(fx(() -> app.mainView().inspector().summaryText())).contains("Ground truth from the 8 ids known");

        choose("file", "disconnect");
        assertThat(fx(() -> vm.live().isActive())).isFalse();
        assertThat(fx(() -> lookup("#live-strip").query().isVisible())).isFalse();
        assertThat(fx(() -> lookup("#play-button").query().getParent().isVisible())).isTrue();
        assertThat(fx(() -> vm.nodeCountProperty().get())).isEqualTo(NetworkViewModel.DEFAULT_NODES);
    }

    private String ringTitle() {
        for (Node n : app.mainView().ringView().lookupAll(".view-title")) {
            if (n instanceof Text t) {
                return t.getText();
            }
        }
        return "";
    }
}

package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.CandidateRow;
import org.kadlab.ui.model.LookupSession;
import org.kadlab.ui.model.NetworkViewModel;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Following one lookup in the window, driven as a user would (headless): Step lookup tells each of its
 * events and the inspector says why it stopped; Back and the timeline rebuild the network as it was;
 * the what-if window shows both runs side by side.
 */
class FollowAndRewindAppTest extends AppFixture {
    @BeforeEach
    void prepare() throws Exception {
        fx(() -> app.viewModel().playback().playingProperty().set(false));
    }

    private NetworkViewModel vm() {
        return app.viewModel();
    }

    private void startLookup() throws Exception {
        fx(() -> vm().selection().select(vm().simulation().nodes().get(4).id()));
        clickOn("#target-field").write("7f00");
        clickOn("#find-button");
        fx(() -> vm().playback().playingProperty().set(false));
    }

    private String caption() throws Exception {
        return fx(() -> lookup("#caption").queryAs(Label.class).getText());
    }

    private List<CandidateRow> rows() throws Exception {
        return fx(() -> List.copyOf(app.mainView().inspector().table().getItems()));
    }

    private void waitForWork() throws Exception {
        for (int i = 0; i < 200 && fx(() -> vm().builder().buildingProperty().get() || vm().whatIf().runningProperty().get()); i++) {
            Thread.sleep(25);
            WaitForAsyncUtils.waitForFxEvents();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void stepLookupTellsEachEventAndTheInspectorSaysWhyItStopped() throws Exception {
        startLookup();
        LookupSession s = fx(() -> vm().selection().selectedLookup());
        String last = "";
        int presses = 0;
        while (!fx(s::isOver) && presses < 100) {
            clickOn("#step-lookup-button");
            presses++;
            String c = caption();
            assertThat(c).as("press %d is told with the time that passed", presses).startsWith("+");
            last = c;
        }
        assertThat(fx(s::isOver)).isTrue();
        assertThat(last).contains("Why it stopped");
        fx(() -> app.mainView().refresh());
        String why = fx(() -> app.mainView().inspector().whyText());
        assertThat(why).startsWith("Why it stopped: ").contains("Rule: ");
        javafx.scene.control.TitledPane pane = fx(() -> lookup("#lookup-why").queryAs(javafx.scene.control.TitledPane.class));
        assertThat(fx(pane::isVisible)).isTrue();
        assertThat(fx(pane::getText)).as("the headline names the rule").isIn("Why it stopped: the 4 closest answered",
                "Why it stopped: nobody left to ask");
        clickOn(pane.lookup(".title"));
        assertThat(fx(pane::isExpanded)).as("a click opens the whole reason").isTrue();

        clickOn("#step-lookup-button");
        assertThat(caption()).as("the result stays until the user moves on").startsWith("This lookup is over.");
    }

    @Test
    void backRebuildsTheNetworkAsItWasAndTheInspectorFollows() throws Exception {
        startLookup();
        for (int i = 0; i < 3; i++) {
            clickOn("#step-lookup-button");
        }
        fx(() -> app.mainView().refresh());
        long step = fx(() -> vm().simulation().steps());
        List<CandidateRow> then = rows();
        for (int i = 0; i < 4; i++) {
            clickOn("#step-lookup-button");
        }
        fx(() -> app.mainView().refresh());
        assertThat(rows()).isNotEqualTo(then);
        long after = fx(() -> vm().simulation().steps());

        fx(() -> vm().rewind().rewindTo(step + 1, true));
        waitForWork();
        clickOn("#step-back-button");
        waitForWork();
        fx(() -> app.mainView().refresh());
        assertThat(fx(() -> vm().simulation().steps())).isEqualTo(step);
        assertThat(rows()).as("the inspector shows the lookup as it was then").isEqualTo(then);
        String where = fx(() -> app.mainView().timeline().whereText());
        assertThat(where).endsWith(" back)");
        assertThat(fx(() -> vm().rewind().last())).isEqualTo(after);
    }

    @Test
    void theWhatIfWindowShowsBothRunsSideBySide() throws Exception {
        startLookup();
        LookupSession s = fx(() -> vm().selection().selectedLookup());
        while (!fx(s::isOver)) {
            clickOn("#step-lookup-button");
        }
        clickOn("#what-if-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> app.mainView().whatIfWindow().isShowing())).isTrue();
        clickOn("#what-if-value").eraseText(4).write("x");
        clickOn("#what-if-run");
        assertThat(fx(() -> lookup("#what-if-error").queryAs(Label.class).getText())).startsWith("alpha:");
        clickOn("#what-if-value").eraseText(4).write("1");
        assertThat(fx(() -> lookup("#what-if-error").queryAs(Label.class).getText())).as("cleared when fixed").isEmpty();
        clickOn("#what-if-run");
        waitForWork();
        String diff = fx(() -> lookup("#what-if-diff").queryAs(Label.class).getText());
        assertThat(diff).startsWith("What if alpha 1? hops ");
        List<CandidateRow> asWas = fx(() -> List.copyOf(((org.kadlab.ui.whatif.WhatIfView) app.mainView().whatIfWindow()
                .getScene().getRoot()).tables().get(0).getItems()));
        List<NodeId> original = fx(() -> s.rows(vm().network()).stream().map(CandidateRow::id).toList());
        assertThat(asWas.stream().map(CandidateRow::id).toList()).as("the run as it was retraces the original").isEqualTo(original);
    }
}

package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.kadlab.sim.scenario.Scenario;
import org.testfx.util.WaitForAsyncUtils;

/** The resilience experiment from the window: 100 lookups and kill 30% in one action each, by button, menu or key. */
class ResilienceAppTest extends AppFixture {
    @Test
    void theButtonAndCtrlShiftLRunAHundredLookupsAndCtrlDeleteKillsThirtyPercent() throws Exception {
        clickOn("#lookups-button");
        awaitOutcomes(100);
        assertThat(fx(() -> app.viewModel().status().captionProperty().get())).startsWith("Ran 100 find_node lookups");

        clickOn("#ring-tab"); // the keys act on the window, wherever the focus is
        press(KeyCode.CONTROL).type(KeyCode.DELETE).release(KeyCode.CONTROL);
        assertThat(fx(() -> app.viewModel().liveCountProperty().get())).as("30% of 32 is 10").isEqualTo(22);
        press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.L).release(KeyCode.SHIFT, KeyCode.CONTROL);
        awaitOutcomes(200);
        List<Scenario.Step> steps = fx(() -> app.viewModel().recorder().recordedSteps());
        assertThat(steps.subList(steps.size() - 3, steps.size()))
                .containsExactly(new Scenario.Lookups(0, 100), new Scenario.Kill(0, -1, 0.3), new Scenario.Lookups(0, 100));
        assertThat(fx(() -> app.viewModel().timeline().markers().get(0).label())).isEqualTo("kill 30%");
    }

    @Test
    void theResilienceMenuHoldsTheExperimentInOrderAndNamesTheKeys() throws Exception {
        List<String> items = fx(() -> lookup("#resilience-menu").queryAs(MenuButton.class).getItems().stream()
                .map(MenuItem::getText).filter(t -> t != null && !t.isEmpty()).toList());
        assertThat(items).containsExactly("Run 100 lookups from random live nodes (Ctrl+Shift+L)",
                "Kill 30% of the live nodes (Ctrl+Delete)", "Let 1 hour of virtual time pass", "Revive every crashed node (Ctrl+R)",
                "Churn and a background workload\u2026");
        fx(() -> lookup("#kill-percent").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(50));
        assertThat(fx(() -> lookup("#resilience-menu").queryAs(MenuButton.class).getItems().get(1).getText()))
                .as("the kill item says the share the Kill %% box holds").isEqualTo("Kill 50% of the live nodes (Ctrl+Delete)");
        clickOn("#resilience-menu");
        clickOn("Kill 50% of the live nodes (Ctrl+Delete)");
        assertThat(fx(() -> app.viewModel().liveCountProperty().get())).isEqualTo(16);
    }

    @Test
    void theChurnRowStartsAndStopsChurnAndAWorkloadAndRefusesANonsenseMean() throws Exception {
        clickOn("#churn-toggle");
        assertThat(fx(() -> lookup("#churn-pane").query().isVisible())).isTrue();
        doubleClickOn("#churn-mean").eraseText(4).write("soon");
        clickOn("#churn-button");
        assertThat(fx(() -> app.viewModel().churn().churnRunningProperty().get())).isFalse();
        assertThat(fx(() -> app.viewModel().status().targetErrorProperty().get())).isEqualTo("mean session: 'soon' is not a number.");
        doubleClickOn("#churn-mean").eraseText(6).write("20");
        clickOn("Pareto");
        assertThat(fx(() -> lookup("#churn-shape").queryAs(javafx.scene.control.TextField.class).getText()))
                .as("a Pareto model starts from shape 2").isEqualTo("2");
        clickOn("#churn-button");
        assertThat(fx(() -> app.viewModel().churn().churnRunningProperty().get())).isTrue();
        assertThat(fx(() -> lookup("#churn-button").queryButton().getText())).isEqualTo("Stop churn");
        clickOn("#workload-button");
        assertThat(fx(() -> app.viewModel().churn().workloadRunningProperty().get())).isTrue();
        assertThat(fx(() -> lookup("#churn-summary").queryAs(javafx.scene.control.Label.class).getText()))
                .startsWith("churn: pareto sessions of mean 20 min, shape 2").contains("workload: ");
        clickOn("#churn-button");
        clickOn("#workload-button");
        assertThat(fx(() -> app.viewModel().churn().isRunning())).isFalse();
        assertThat(fx(() -> app.viewModel().timeline().markers()).stream().map(m -> m.label()).toList())
                .containsExactly("churn pareto 20 min", "churn off");
    }

    private void awaitOutcomes(long n) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> app.viewModel().timeline().outcomeCount() >= n
                && !app.viewModel().builder().buildingProperty().get()));
        assertThat(fx(() -> app.viewModel().timeline().outcomeCount())).isEqualTo(n);
    }
}

package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kadlab.ui.lessons.LessonsPanel;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.lessons.LessonLibrary;

/**
 * The Lessons drawer in the running window: the Lessons button opens it on the bundled lessons, a
 * lesson starts at step 1, "Do it" runs the step's action on the window's network and says what it
 * did, Next moves on and brings the step's view forward; a broken lesson file shows its message.
 */
class LessonsAppTest extends AppFixture {

    private LessonsPanel panel() {
        return app.mainView().lessons();
    }

    private String text(String id) throws Exception {
        return fx(() -> ((Label) lookup(id).query()).getText());
    }

    @Test
    void theLessonsButtonOpensTheBundledLessonsAndDoItRunsEachStepsAction() throws Exception {
        NetworkViewModel vm = app.viewModel();
        assertThat(panel().isVisible()).as("closed at first").isFalse();
        clickOn("#lessons-toggle");
        assertThat(panel().isVisible()).isTrue();
        assertThat(fx(() -> panel().entries())).extracting(LessonLibrary.Entry::name).contains("a-farthest-bucket.yaml",
                "b-one-lookup.yaml", "c-ping-before-evict.yaml", "d-kill-30-percent.yaml", "e-alpha-and-modes.yaml");

        fx(() -> {
            var list = panel().entries();
            int d = list.indexOf(list.stream().filter(e -> e.name().startsWith("d-")).findFirst().orElseThrow());
            ((javafx.scene.control.ListView<?>) lookup("#lessons-list").query()).getSelectionModel().select(d);
        });
        clickOn("#lesson-start");
        assertThat(text("#lesson-title")).isEqualTo("Kill 30% of the nodes and watch the network heal");
        assertThat(text("#lesson-position")).isEqualTo("Step 1 of 7");
        assertThat(text("#lesson-text")).startsWith("Build the default network");
        assertThat(fx(() -> ((Button) lookup("#lesson-back").query()).isDisabled())).isTrue();

        clickOn("#lesson-do");
        assertThat(text("#lesson-outcome")).startsWith("Built 32 nodes");
        assertThat(vm.liveCountProperty().get()).isEqualTo(32);

        clickOn("#lesson-next");
        clickOn("#lesson-next");
        assertThat(text("#lesson-position")).isEqualTo("Step 3 of 7");
        assertThat(fx(() -> ((Button) lookup("#lesson-do").query()).getText())).isEqualTo("Do it: Kill 30%");
        assertThat(text("#lesson-watch")).contains("22 live");
        assertThat(fx(() -> app.mainView().tabs().getSelectionModel().getSelectedItem().getId()))
                .as("the step's view is brought forward").isEqualTo("ring-tab");

        clickOn("#lesson-do");
        assertThat(vm.liveCountProperty().get()).as("30% of 32 crashed").isEqualTo(22);
        assertThat(text("#lesson-outcome")).startsWith("Crashed 10 of 32 live nodes");

        clickOn("#lesson-next");
        assertThat(text("#lesson-outcome")).as("a new step starts without an outcome").isEmpty();
        assertThat(fx(() -> app.mainView().tabs().getSelectionModel().getSelectedItem().getId())).isEqualTo("stats-tab");
        clickOn("#lesson-back");
        assertThat(text("#lesson-position")).isEqualTo("Step 3 of 7");

        clickOn("#lessons-close");
        assertThat(panel().isVisible()).isFalse();
        assertThat(fx(() -> ((ToggleButton) lookup("#lessons-toggle").query()).isSelected())).isFalse();
    }

    @Test
    void aBrokenLessonFileShowsItsMessageAndTheOthersStay(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("mine.yaml");
        Files.writeString(bad, "title: Mine\nsteps:\n  - text: Go.\n    do: {action: kill-percent, percent: 300}\n");
        clickOn("#lessons-toggle");
        fx(() -> panel().open(bad));
        assertThat(text("#lessons-list-message"))
                .isEqualTo("mine.yaml:4: field 'steps[1].do.percent': must be a whole number from 0 to 100, was 300");
        assertThat(fx(() -> panel().entries())).hasSize(6).filteredOn(LessonLibrary.Entry::ok).hasSize(5);

        Path good = dir.resolve("own.yaml");
        Files.writeString(good, "title: My own\nsteps:\n  - text: Crash the selected node.\n    do: kill-node\n"
                + "  - text: Bring it back.\n    do: revive-all\n");
        fx(() -> panel().open(good));
        assertThat(text("#lesson-title")).isEqualTo("My own");
        assertThat(text("#lesson-position")).isEqualTo("Step 1 of 2");
        clickOn("#lesson-do");
        assertThat(app.viewModel().liveCountProperty().get()).isEqualTo(NetworkViewModel.DEFAULT_NODES - 1);
        clickOn("#lesson-do");
        assertThat(text("#lesson-outcome")).as("the second press is refused with the window's reason").endsWith("is already down.");
        assertThat(fx(() -> lookup("#lesson-outcome").query().getPseudoClassStates().toString())).contains("failed");
    }
}

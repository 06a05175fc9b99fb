package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kadlab.ui.model.lessons.Lesson;
import org.kadlab.ui.model.lessons.LessonLibrary;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: writes the README's screenshots of following a lookup, what-if, each bundled lesson
 * (at the step that makes its point, run in the window as a teacher would: Do it, Next) and
 * presentation mode at 1920 x 1080. Runs only when asked:
 * {@code mvn -B -ntp test -Dtest=ReadmeScreenshots -Dkadlab.screenshots=true}.
 */
class ReadmeScreenshots extends AppFixture {
    /** For each lesson, the action of the step to show (its n-th use, from 1). */
    private record Shot(String lesson, String action, int nth, String file) {
    }

    private static final List<Shot> SHOTS = List.of(new Shot("a-", "select-bucket", 1, "lesson-a.png"),
            new Shot("b-", "play", 1, "lesson-b.png"), new Shot("c-", "add-nodes", 2, "lesson-c.png"),
            new Shot("d-", "lookups", 3, "lesson-d.png"), new Shot("e-", "show-view", 1, "lesson-e.png"));

    private void size(double w, double h) throws Exception {
        fx(() -> {
            javafx.stage.Window win = app.mainView().getScene().getWindow();
            win.setWidth(w);
            win.setHeight(h);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** find_node 570a -> d655 on the default network, stepped to its end with Step lookup. */
    private void stepTheLookupToItsEnd() throws Exception {
        fx(() -> app.viewModel().playback().playingProperty().set(false));
        fx(() -> app.viewModel().selection().select(app.viewModel().keySpace().parse("570a")));
        fx(() -> app.viewModel().operations().targetTextProperty().set("d655"));
        clickOn("#find-button");
        fx(() -> app.viewModel().playback().playingProperty().set(false));
        for (int i = 0; i < 100 && !fx(() -> app.viewModel().selection().selectedLookup().isOver()); i++) {
            clickOn("#step-lookup-button");
        }
        fx(() -> app.mainView().refresh());
    }

    @Test
    void writeTheFollowingAndWhatIfScreenshots() throws Exception {
        assumeTrue(Boolean.getBoolean("kadlab.screenshots"), "writes screenshots only when asked");
        size(1600, 1000);
        fx(() -> app.viewModel().selection().select(app.viewModel().keySpace().parse("570a")));
        fx(() -> app.viewModel().operations().targetTextProperty().set("d655"));
        clickOn("#find-button");
        fx(() -> app.viewModel().playback().playingProperty().set(false));
        for (int i = 0; i < 5; i++) {
            clickOn("#step-lookup-button");
        }
        for (int i = 0; i < 100 && !fx(() -> app.viewModel().selection().selectedLookup().isOver()); i++) {
            clickOn("#step-lookup-button");
        }
        fx(() -> app.mainView().inspector().showWhyInFull(true));
        fx(() -> app.mainView().refresh());
        Thread.sleep(400);
        shot("step-lookup.png");
        clickOn("#what-if-button");
        clickOn("#what-if-run");
        for (int i = 0; i < 200 && fx(() -> app.viewModel().whatIf().runningProperty().get()); i++) {
            Thread.sleep(50);
        }
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            try {
                ExportActions.writePng(app.mainView().whatIfWindow().getScene(), Path.of("assets", "screenshots", "what-if.png"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void writeThePresentationScreenshots() throws Exception {
        assumeTrue(Boolean.getBoolean("kadlab.screenshots"), "writes screenshots only when asked");
        size(1920, 1080);
        fx(() -> app.presentation().set(true));
        stepTheLookupToItsEnd();
        Thread.sleep(600);
        shot("presentation-ring.png");
        fx(() -> app.mainView().showTab("distance-tab"));
        Thread.sleep(600);
        shot("presentation-xor.png");
    }

    @Test
    void writeTheLessonScreenshots() throws Exception {
        assumeTrue(Boolean.getBoolean("kadlab.screenshots"), "writes screenshots only when asked");
        size(1600, 1000);
        clickOn("#lessons-toggle");
        for (Shot shot : SHOTS) {
            LessonLibrary.Entry entry = fx(() -> app.mainView().lessons().entries().stream()
                    .filter(e -> e.name().startsWith(shot.lesson())).findFirst().orElseThrow());
            Lesson lesson = entry.lesson();
            fx(() -> app.mainView().lessons().start(lesson));
            int seen = 0;
            for (int i = 0; i < lesson.steps().size(); i++) {
                Lesson.Action a = lesson.steps().get(i).action();
                if (a != null) {
                    clickOn("#lesson-do");
                    settle();
                }
                if (a != null && a.name().equals(shot.action()) && ++seen == shot.nth()) {
                    prepare(shot);
                    shot(shot.file());
                    break;
                }
                clickOn("#lesson-next");
            }
        }
    }

    /** Lets the frames play what the step started: builds, batches, time running, a comparison. */
    private void settle() throws Exception {
        for (int i = 0; i < 600 && fx(() -> app.viewModel().builder().buildingProperty().get()
                || app.viewModel().comparison().runningProperty().get()); i++) {
            Thread.sleep(50);
        }
        Thread.sleep(800);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void prepare(Shot shot) throws Exception {
        if (shot.lesson().equals("b-")) {
            for (int i = 0; i < 200 && !fx(() -> app.viewModel().selection().selectedLookup().isOver()); i++) {
                Thread.sleep(50);
            }
            fx(() -> app.viewModel().playback().playingProperty().set(false));
            fx(() -> app.mainView().refresh());
            fx(() -> app.mainView().inspector().showWhyInFull(true));
        } else if (shot.lesson().equals("e-")) {
            clickOn("#compare-run");
            settle();
        }
        Thread.sleep(600);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shot(String name) throws Exception {
        Path out = Path.of("assets", "screenshots", name);
        fx(() -> {
            try {
                ExportActions.writePng(app.mainView().getScene(), out);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(Files.size(out)).isPositive();
    }
}

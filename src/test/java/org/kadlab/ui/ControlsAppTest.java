package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.ui.model.LookupSession;
import org.kadlab.ui.model.NetworkViewModel;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The new controls, driven as a user would (headless under Monocle): store and find_value, the
 * settings row and presets, step round, the help overlay, presentation mode, tooltips. Snapshots
 * of what they show go to target/ui-shots.
 */
class ControlsAppTest extends AppFixture {
    @BeforeEach
    void prepare() throws Exception {
        fx(() -> app.viewModel().playback().playingProperty().set(false));
    }

    private void shot(String name) throws Exception {
        Path dir = Path.of("target", "ui-shots");
        Files.createDirectories(dir);
        fx(() -> {
            try {
                ExportActions.writePng(app.mainView().getScene(), dir.resolve(name + ".png"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void runToEnd() throws Exception {
        fx(() -> {
            NetworkViewModel vm = app.viewModel();
            for (int i = 0; i < 50_000 && (vm.simulation().isBusy() || !vm.selection().selectedLookup().isOver()); i++) {
                vm.playback().stepOnce();
            }
            app.mainView().refresh();
        });
    }

    @Test
    void storeAndFindValueShowTheirResultAndBadKeysAnInlineMessage() throws Exception {
        clickOn("#find-value-button");
        assertThat(fx(() -> TestViews.messageBelow(lookup("#key-field").queryAs(TextField.class)))).contains("key");
        assertThat(lookup("#target-error").queryAs(Label.class).isVisible()).as("written at the field, not inline").isFalse();

        clickOn("#key-field").write("greeting");
        clickOn("#value-field").write("hello");
        clickOn("#store-button");
        assertThat(lookup("#target-error").queryAs(Label.class).isVisible()).isFalse();
        assertThat(fx(() -> app.viewModel().selection().selectedLookup().purpose())).isEqualTo(LookupPurpose.STORE);
        runToEnd();
        assertThat(lookup("#operation-result").queryAs(Label.class).getText()).contains("acknowledged");

        fx(() -> app.viewModel().selection().select(app.viewModel().simulation().nodes().get(20).id()));
        clickOn("#find-value-button");
        runToEnd();
        assertThat(lookup("#operation-result").queryAs(Label.class).getText()).contains("found \"hello\"");
        assertThat(fx(() -> app.mainView().inspector().summaryText())).startsWith("Finished in");
        assertThat(fx(() -> app.mainView().inspector().table().getItems())).isNotEmpty();
        shot("find-value");
    }

    @Test
    void settingsRowRefusesABadValueThenRebuildsAndPresetsSwapInABuiltNetwork() throws Exception {
        clickOn("#settings-button");
        assertThat(fx(() -> app.mainView().controls().settings().isVisible())).isTrue();
        TextField k = fx(() -> app.mainView().controls().settings().field("k"));
        doubleClickOn(k).eraseText(3).write("0");
        clickOn("#settings-apply");
        assertThat(fx(() -> TestViews.messageBelow(k))).as("the message at the field it names").startsWith("k ");
        assertThat(lookup("#settings-error").queryAs(Label.class).getText()).as("not again in the row").isEmpty();
        shot("settings-error");
        fx(() -> k.setText("3"));
        clickOn("#settings-apply");
        assertThat(fx(() -> app.viewModel().builder().awaitBuild(60_000))).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#settings-error").queryAs(Label.class).isVisible()).isFalse();
        assertThat(fx(() -> app.viewModel().simulation().config().kad().k())).isEqualTo(3);

        clickOn("#presets-button").clickOn("#preset-classroom");
        assertThat(fx(() -> app.viewModel().builder().awaitBuild(60_000))).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> app.mainView().refresh());
        assertThat(fx(() -> app.viewModel().simulation().nodes().size())).isEqualTo(16);
        assertThat(fx(() -> app.mainView().ringView().dots().size())).isEqualTo(16);
        assertThat(fx(() -> app.mainView().controls().settings().field("bits").getText())).isEqualTo("8");
        shot("classroom");
    }

    @Test
    void theCurrentViewExportsAsAPngOfThatViewAlone() throws Exception {
        clickOn("#distance-tab");
        Path out = Path.of("target", "snapshots", "current-view-export.png");
        Files.createDirectories(out.getParent());
        double[] size = fx(() -> {
            javafx.scene.Node view = app.mainView().currentView();
            assertThat(view).isSameAs(app.mainView().distanceView());
            ExportActions.writePng(view, out);
            return new double[] {view.getLayoutBounds().getWidth(), view.getLayoutBounds().getHeight()};
        });
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(out.toFile());
        assertThat(img).as("a PNG was written").isNotNull();
        assertThat(img.getWidth()).as("as wide as the view, not the window").isEqualTo((int) Math.ceil(size[0]));
        assertThat(img.getHeight()).isEqualTo((int) Math.ceil(size[1]));
        assertThat(img.getWidth()).isLessThan((int) fx(() -> app.mainView().getScene().getWidth()).doubleValue());
    }

    @Test
    void shiftRightStepsOneLookupRound() throws Exception {
        fx(() -> {
            app.viewModel().operations().targetTextProperty().set("7f00");
            app.viewModel().operations().findNode();
        });
        fx(() -> app.mainView().requestFocus());
        long before = fx(() -> app.viewModel().simulation().stats().events());
        press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        assertThat(fx(() -> app.viewModel().simulation().stats().events())).as("more than one event").isGreaterThan(before + 1);
        clickOn("#step-round-button");
        assertThat(fx(() -> app.viewModel().status().targetErrorProperty().get())).isEmpty();
    }

    @Test
    void f1ShowsTheHelpAndCtrlPSwitchesPresentationMode() throws Exception {
        fx(() -> app.mainView().requestFocus());
        type(KeyCode.F1);
        assertThat(fx(() -> app.helpOverlay().isVisible())).isTrue();
        shot("help");
        type(KeyCode.ESCAPE);
        assertThat(fx(() -> app.helpOverlay().isVisible())).isFalse();
        clickOn("#help-button");
        assertThat(fx(() -> app.helpOverlay().isVisible())).isTrue();
        type(KeyCode.F1);
        assertThat(fx(() -> app.helpOverlay().isVisible())).isFalse();

        press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        assertThat(fx(() -> app.isPresenting())).isTrue();
        double big = fx(() -> lookup("#caption").queryAs(Label.class).getFont().getSize());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(this::ringLabelsOverlap)).as("ring labels, measured again in their larger font, never overlap")
                .isFalse();
        shot("presentation");
        press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        assertThat(fx(() -> app.isPresenting())).isFalse();
        double normal = fx(() -> lookup("#caption").queryAs(Label.class).getFont().getSize());
        assertThat(big).isGreaterThan(normal);
    }

    private boolean ringLabelsOverlap() {
        var boxes = TestViews.ringLabelBoxes(app.mainView().ringView(), app.viewModel());
        assertThat(boxes).as("labels shown").isNotEmpty();
        return TestViews.overlapping(boxes) != null;
    }

    @Test
    void everyNewControlHasATooltip() throws Exception {
        fx(() -> app.mainView().controls().toggleSettings());
        for (String id : new String[] {"#key-field", "#value-field", "#store-button", "#find-value-button", "#step-round-button",
                "#presets-button", "#settings-button", "#export-button", "#help-button", "#settings-k", "#settings-alpha",
                "#settings-bits", "#settings-lookup_mode", "#settings-latency_min", "#settings-latency_max", "#settings-loss",
                "#settings-seed", "#settings-nodes", "#settings-apply", "#build-progress"}) {
            Control c = lookup(id).queryAs(Control.class);
            assertThat(c.getTooltip()).as(id).isNotNull();
            assertThat(c.getTooltip().getText()).as(id).isNotBlank();
        }
        shot("settings");
    }

    @Test
    void numberBoxesUseWhatWasTypedAndRefuseNonsenseInline() throws Exception {
        int nodes = fx(() -> app.viewModel().nodeCountProperty().get());
        TextField addBox = fx(() -> lookup("#add-count").queryAs(javafx.scene.control.Spinner.class).getEditor());
        doubleClickOn(addBox).eraseText(4).write("2");
        clickOn("#add-button");
        assertThat(fx(() -> app.viewModel().nodeCountProperty().get())).as("2 typed, no Enter: 2 added").isEqualTo(nodes + 2);

        doubleClickOn(addBox).eraseText(4).write("abc");
        clickOn("#add-button");
        assertThat(fx(() -> app.viewModel().nodeCountProperty().get())).as("nothing added").isEqualTo(nodes + 2);
        assertThat(fx(() -> TestViews.messageBelow(lookup("#add-count").queryAs(javafx.scene.control.Spinner.class))))
                .startsWith("Add nodes: 'abc' is not a whole number");
        clickOn(addBox).type(KeyCode.ENTER); // committing nonsense keeps the last good value, no exception
        assertThat(fx(() -> app.mainView().controls().addCount())).isEqualTo(2);

        int live = fx(() -> app.viewModel().liveCountProperty().get());
        TextField killBox = fx(() -> lookup("#kill-percent").queryAs(javafx.scene.control.Spinner.class).getEditor());
        doubleClickOn(killBox).eraseText(4).write("150");
        clickOn("#kill-percent-button");
        assertThat(fx(() -> TestViews.messageBelow(lookup("#kill-percent").queryAs(javafx.scene.control.Spinner.class))))
                .startsWith("Kill %: 150 is outside 0 to 100");
        assertThat(fx(() -> app.viewModel().liveCountProperty().get())).as("nobody killed").isEqualTo(live);
        doubleClickOn(killBox).eraseText(4).write("50");
        clickOn("#kill-percent-button");
        assertThat(fx(() -> app.viewModel().liveCountProperty().get())).as("half of the live nodes crashed")
                .isEqualTo(live - (int) Math.round(live / 2.0));
    }

    @Test
    void killPercentButtonCrashesAShareAndTheInspectorPickerSwitchesLookups() throws Exception {
        int live = fx(() -> app.viewModel().liveCountProperty().get());
        clickOn("#kill-percent-button");
        int expected = live - (int) Math.round(fx(() -> app.mainView().controls().killPercent()) / 100.0 * live);
        assertThat(fx(() -> app.viewModel().liveCountProperty().get())).isEqualTo(expected);
        clickOn("#revive-button");

        fx(() -> {
            app.viewModel().operations().targetTextProperty().set("7f00");
            app.viewModel().operations().findNode();
        });
        runToEnd();
        LookupSession first = fx(() -> app.viewModel().selection().selectedLookup());
        fx(() -> {
            app.viewModel().operations().targetTextProperty().set("0123");
            app.viewModel().operations().findNode();
        });
        runToEnd();
        var picker = fx(() -> app.mainView().inspector().picker());
        assertThat(fx(() -> picker.getItems().size())).isEqualTo(2);
        assertThat(fx(() -> picker.getValue())).isSameAs(fx(() -> app.viewModel().selection().selectedLookup()));
        fx(() -> picker.setValue(first));
        fx(() -> app.mainView().refresh());
        assertThat(fx(() -> app.viewModel().selection().selectedLookup())).isSameAs(first);
        assertThat(fx(() -> app.mainView().inspector().table().getItems()))
                .isEqualTo(fx(() -> first.rows(app.viewModel().network())));
        shot("lookup-picker");
    }
}

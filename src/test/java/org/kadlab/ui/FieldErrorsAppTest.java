package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kadlab.ui.controls.ControlBar;
import org.kadlab.ui.controls.SettingsPane;

/**
 * The ControlsFX parts of the controls, in the running window (headless under Monocle): a bad value
 * is marked at its field and the mark goes when the value is fixed; the latency range slider and its
 * fields follow each other; the lookup mode is always one of two; a confirmation never breaks a
 * window without a screen.
 */
class FieldErrorsAppTest extends AppFixture {
    @BeforeEach
    void prepare() throws Exception {
        fx(() -> app.viewModel().playback().playingProperty().set(false));
    }

    private ControlBar bar() {
        return app.mainView().controls();
    }

    private SettingsPane settings() {
        return app.mainView().controls().settings();
    }

    @Test
    void aTargetThatIsNotAnIdIsMarkedAtItsFieldUntilItIsFixed() throws Exception {
        fx(() -> app.viewModel().operations().targetTextProperty().set("7g00"));
        assertThat(fx(() -> bar().fieldError("target-field"))).hasValueSatisfying(m -> assertThat(m).contains("not a hex digit"));
        fx(() -> app.viewModel().operations().targetTextProperty().set("7f00"));
        assertThat(fx(() -> bar().fieldError("target-field"))).isEmpty();
    }

    @Test
    void aBadTargetIsWrittenBelowItsFieldWhichIsOutlinedAndBothGoTheMomentItIsFixed() throws Exception {
        TextField target = fx(() -> lookup("#target-field").queryAs(TextField.class));
        clickOn(target).write("7g00");
        assertThat(fx(() -> TestViews.messageBelow(target))).as("the message at the field").contains("not a hex digit");
        assertThat(fx(() -> target.getStyleClass())).as("the field outlined").contains("error");
        clickOn(target).type(KeyCode.ENTER); // the action refused: still at the field, not in the Records row
        assertThat(fx(() -> TestViews.messageBelow(target))).contains("not a hex digit");
        assertThat(fx(() -> lookup("#target-error").queryAs(Label.class).isVisible())).as("no inline copy").isFalse();
        type(KeyCode.BACK_SPACE, 3);
        write("f00");
        assertThat(fx(() -> TestViews.messageBelow(target))).as("fixed: the message goes").isNull();
        assertThat(fx(() -> target.getStyleClass())).as("fixed: the outline goes").doesNotContain("error");
        assertThat(fx(() -> app.viewModel().status().targetErrorProperty().get())).as("and the status's message").isEmpty();
    }

    @Test
    void aFailedActionsMessageStaysAtItsFieldOnlyUntilTheFieldIsEdited() throws Exception {
        TextField key = fx(() -> lookup("#key-field").queryAs(TextField.class));
        clickOn("#find-value-button");
        String message = fx(() -> app.viewModel().status().targetErrorProperty().get());
        assertThat(fx(() -> TestViews.messageBelow(key))).isEqualTo(message);
        assertThat(fx(() -> key.getStyleClass())).contains("error");
        assertThat(fx(() -> lookup("#target-error").queryAs(Label.class).getText())).isEmpty();
        clickOn(key).write("g");
        assertThat(fx(() -> TestViews.messageBelow(key))).isNull();
        assertThat(fx(() -> key.getStyleClass())).doesNotContain("error");
        assertThat(fx(() -> app.viewModel().status().targetErrorProperty().get())).as("cleared as soon as fixed").isEmpty();
    }

    @Test
    void aSettingsFieldAndAChurnFieldWriteTheirMessageBelowThemselves() throws Exception {
        fx(() -> bar().toggleSettings());
        TextField k = fx(() -> settings().field("k"));
        fx(() -> k.setText("0"));
        assertThat(fx(() -> TestViews.messageBelow(k))).startsWith("k must be between");
        fx(() -> k.setText("4"));
        assertThat(fx(() -> TestViews.messageBelow(k))).isNull();
        clickOn("#churn-toggle");
        TextField mean = fx(() -> (TextField) bar().churn().lookup("#churn-mean"));
        fx(() -> mean.setText("x"));
        assertThat(fx(() -> TestViews.messageBelow(mean))).isNotNull();
        assertThat(fx(() -> mean.getStyleClass())).contains("error");
        fx(() -> mean.setText("30"));
        assertThat(fx(() -> TestViews.messageBelow(mean))).isNull();
    }

    @Test
    void aFailedFindValueMarksTheEmptyKeyFieldWithTheInlineMessageUntilAKeyIsTyped() throws Exception {
        clickOn("#find-value-button");
        String inline = fx(() -> app.viewModel().status().targetErrorProperty().get());
        assertThat(inline).contains("key");
        assertThat(fx(() -> bar().fieldError("key-field"))).contains(inline);
        clickOn("#key-field").write("g");
        assertThat(fx(() -> bar().fieldError("key-field"))).isEmpty();
    }

    @Test
    void nonsenseInTheAddBoxIsMarkedAtTheBoxAsSoonAsItIsTyped() throws Exception {
        TextField editor = fx(() -> lookup("#add-count").queryAs(Spinner.class).getEditor());
        fx(() -> editor.setText("abc"));
        assertThat(fx(() -> bar().fieldError("add-count")))
                .hasValueSatisfying(m -> assertThat(m).startsWith("Add nodes: 'abc' is not a whole number"));
        fx(() -> editor.setText("12"));
        assertThat(fx(() -> bar().fieldError("add-count"))).isEmpty();
    }

    @Test
    void aBadSettingIsMarkedAtTheFieldItsMessageNamesAndTheMarkGoesWhenFixed() throws Exception {
        fx(() -> bar().toggleSettings());
        fx(() -> settings().field("k").setText("0"));
        assertThat(fx(() -> settings().fieldError("k"))).hasValueSatisfying(m -> assertThat(m).startsWith("k must be between"));
        assertThat(fx(() -> settings().fieldError("alpha"))).as("a good field stays unmarked").isEmpty();
        fx(() -> settings().field("k").setText("4"));
        assertThat(fx(() -> settings().fieldError("k"))).isEmpty();

        fx(() -> settings().field("bits").setText("4"));
        assertThat(fx(() -> settings().fieldError("nodes"))).as("32 nodes do not fit 4-bit ids")
                .hasValueSatisfying(m -> assertThat(m).startsWith("nodes must fit the id space"));
        fx(() -> settings().field("nodes").setText("16"));
        assertThat(fx(() -> settings().fieldError("nodes"))).isEmpty();
    }

    @Test
    void theRuleCheckBoxesAndTheBackoffFieldBuildTheNetworkTheyShow() throws Exception {
        fx(() -> bar().toggleSettings());
        assertThat(fx(() -> settings().flag("share_failing").isSelected())).as("the paper's rule shown").isFalse();
        assertThat(fx(() -> settings().flag("scale_cache_ttl").isSelected())).isTrue();
        clickOn("#settings-share_failing");
        clickOn("#settings-scale_cache_ttl");
        fx(() -> settings().field("failure_backoff_ms").setText("x"));
        assertThat(fx(() -> settings().fieldError("failure_backoff_ms")))
                .hasValueSatisfying(m -> assertThat(m).startsWith("failure_backoff_ms must be a whole number"));
        fx(() -> settings().field("failure_backoff_ms").setText("250"));
        assertThat(fx(() -> settings().fieldError("failure_backoff_ms"))).isEmpty();
        assertThat(fx(() -> settings().apply())).isTrue();
        assertThat(fx(() -> app.viewModel().builder().awaitBuild(60_000))).isTrue();
        var kad = fx(() -> app.viewModel().simulation().config().kad());
        assertThat(kad.shareFailing()).isTrue();
        assertThat(kad.scaleCacheTtl()).isFalse();
        assertThat(kad.failureBackoffMs()).isEqualTo(250);
    }

    @Test
    void theLatencySliderAndItsFieldsFollowEachOther() throws Exception {
        fx(() -> bar().toggleSettings());
        fx(() -> settings().field("latency_min").setText("20"));
        fx(() -> settings().field("latency_max").setText("200"));
        assertThat(fx(() -> settings().latencySlider().getLowValue())).isEqualTo(20.0);
        assertThat(fx(() -> settings().latencySlider().getHighValue())).isEqualTo(200.0);
        fx(() -> settings().latencySlider().setHighValue(150.4));
        assertThat(fx(() -> settings().field("latency_max").getText())).isEqualTo("150");
        fx(() -> settings().field("latency_max").setText("not a number"));
        assertThat(fx(() -> settings().latencySlider().getHighValue())).as("nonsense leaves the slider").isEqualTo(150.4);
        assertThat(fx(() -> settings().fieldError("latency_max"))).isPresent();
    }

    @Test
    void theLookupModeIsOneOfTwoSegmentsAndAlwaysOneIsChosen() throws Exception {
        fx(() -> bar().toggleSettings());
        assertThat(fx(() -> settings().texts().get("lookup_mode"))).isEqualTo("sliding");
        clickOn("#settings-mode-rounds");
        assertThat(fx(() -> settings().texts().get("lookup_mode"))).isEqualTo("rounds");
        clickOn("#settings-mode-rounds");
        assertThat(fx(() -> settings().texts().get("lookup_mode"))).as("clicking the chosen mode keeps it").isEqualTo("rounds");
    }

    @Test
    void aConfirmationShowsInTheCaptionAndNeverBreaksAHeadlessWindow() throws Exception {
        fx(() -> bar().exports().confirm("Saved the scenario to x.yaml."));
        assertThat(fx(() -> app.viewModel().status().captionProperty().get())).isEqualTo("Saved the scenario to x.yaml.");
        fx(() -> new ExportActions(app.viewModel(), null).confirm("Saved the report to r.json."));
        assertThat(fx(() -> app.viewModel().status().captionProperty().get())).isEqualTo("Saved the report to r.json.");
    }
}

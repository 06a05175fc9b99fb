package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shortcut table is the one source of the keys: the help overlay shows every row of it, the
 * scene registers every window shortcut as an accelerator, the README's table lists the same rows,
 * and the tooltips name the keys.
 */
class ShortcutsTest extends AppFixture {
    @BeforeEach
    void prepare() throws Exception {
        fx(() -> app.viewModel().playback().playingProperty().set(false));
    }

    @Test
    void theHelpOverlayShowsEveryShortcutWithItsKeysAndHelpLine() throws Exception {
        List<String> shown = fx(() -> {
            GridPane grid = (GridPane) app.helpOverlay().lookup(".help-grid");
            List<String> rows = new ArrayList<>();
            for (Node n : grid.getChildren()) {
                Label l = (Label) n;
                if (GridPane.getColumnIndex(n) == null || GridPane.getColumnIndex(n) == 0) {
                    rows.add(l.getText());
                } else {
                    rows.set(rows.size() - 1, rows.get(rows.size() - 1) + " | " + l.getText());
                }
            }
            return rows;
        });
        List<String> table = new ArrayList<>();
        for (Shortcuts s : Shortcuts.values()) {
            table.add(s.keys() + " | " + s.help());
        }
        assertThat(shown).as("the help overlay's rows, in the table's order").isEqualTo(table);
    }

    @Test
    void everyWindowShortcutIsARegisteredAcceleratorOfTheScene() throws Exception {
        var accelerators = fx(() -> app.mainView().getScene().getAccelerators());
        for (Shortcuts s : Shortcuts.values()) {
            if (s.isAccelerator()) {
                assertThat(accelerators).as("accelerator of %s (%s)", s, s.keys()).containsKey(s.combination());
            } else {
                assertThat(accelerators).as("%s belongs to the focused field", s).doesNotContainKey(s.combination());
            }
        }
    }

    @Test
    void theReadmeShortcutTableListsExactlyTheRowsOfTheTable() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int start = lines.indexOf("| key | action |");
        assertThat(start).as("the README has a shortcut table").isNotNegative();
        List<String> readme = new ArrayList<>();
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            readme.add(lines.get(i));
        }
        List<String> table = new ArrayList<>();
        for (Shortcuts s : Shortcuts.values()) {
            table.add("| " + s.keys() + " | " + s.text() + " |");
        }
        assertThat(readme).isEqualTo(table);
    }

    @Test
    void buttonTooltipsNameTheKeysOfTheirShortcut() throws Exception {
        String[][] pairs = {{"#add-button", Shortcuts.ADD_NODES.keys()}, {"#kill-button", Shortcuts.KILL_SELECTED.keys()},
                {"#revive-button", Shortcuts.REVIVE_ALL.keys()}, {"#play-button", Shortcuts.PLAY_PAUSE.keys()},
                {"#step-button", Shortcuts.STEP.keys()}, {"#step-round-button", Shortcuts.STEP_ROUND.keys()},
                {"#settings-button", Shortcuts.SETTINGS.keys()}, {"#theme-button", Shortcuts.THEME.keys()},
                {"#help-button", Shortcuts.HELP.keys()}, {"#key-field", Shortcuts.TYPE_KEY.keys()}};
        for (String[] p : pairs) {
            String tip = fx(() -> lookup(p[0]).queryAs(Control.class).getTooltip().getText());
            assertThat(tip).as(p[0]).endsWith("(" + p[1] + ")");
        }
    }

    @Test
    void aPlainKeyStaysWithTheTextFieldBeingTypedInWhileCtrlShortcutsStillWork() throws Exception {
        clickOn("#key-field").write("a b");
        assertThat(fx(() -> app.viewModel().playback().playingProperty().get())).as("Space typed a space, no play").isFalse();
        assertThat(fx(() -> app.viewModel().operations().keyTextProperty().get())).isEqualTo("a b");
        press(KeyCode.CONTROL).type(KeyCode.COMMA).release(KeyCode.CONTROL);
        assertThat(fx(() -> app.mainView().controls().settings().isVisible())).as("Ctrl+Comma while typing").isTrue();
        type(KeyCode.ESCAPE);
        assertThat(fx(() -> app.mainView().getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl))
                .as("Escape leaves the text field").isFalse();
        type(KeyCode.SPACE);
        assertThat(fx(() -> app.viewModel().playback().playingProperty().get())).as("Space outside a field plays").isTrue();
    }
}

package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.MenuItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kadlab.ui.model.NetworkViewModel;

/**
 * The menu bar in the running window: clicking an item does what its button or shortcut does, an
 * item shows its shortcut's keys, and an item is disabled while its action is impossible.
 */
class MenuBarAppTest extends AppFixture {
    private NetworkViewModel vm;

    @BeforeEach
    void paused() throws Exception {
        vm = app.viewModel();
        fx(() -> vm.playback().playingProperty().set(false));
    }

    private void choose(String menu, String item) {
        clickOn("#menu-" + menu);
        clickOn("#menu-" + menu + "-" + item);
    }

    private MenuItem item(String id) throws Exception {
        return fx(() -> app.menuBar().find(id));
    }

    @Test
    void theMenusAreFileViewNetworkLookupHelpAboveTheControls() throws Exception {
        assertThat(fx(() -> app.menuBar().getMenus().stream().map(m -> m.getText()).toList()))
                .containsExactly("File", "View", "Network", "Lookup", "Help");
        double barBottom = fx(() -> app.menuBar().localToScene(app.menuBar().getLayoutBounds()).getMaxY());
        double controlsTop = fx(() -> app.mainView().controls().localToScene(0, 0).getY());
        assertThat(barBottom).as("the menu bar sits above the toolbar").isLessThanOrEqualTo(controlsTop);
    }

    @Test
    void addNodesFromTheMenuAddsAsManyAsTheToolbarWouldAndShowsItsKeys() throws Exception {
        int before = fx(() -> vm.nodeCountProperty().get());
        int adding = fx(() -> app.mainView().controls().addCount());
        choose("network", "add-nodes");
        assertThat(fx(() -> vm.builder().awaitBuild(60_000))).isTrue();
        for (int i = 0; i < 200 && fx(() -> vm.nodeCountProperty().get()) < before + adding; i++) {
            fx(() -> app.frameLoop().frame(16_000_000L));
        }
        assertThat(fx(() -> vm.nodeCountProperty().get())).isEqualTo(before + adding);
        assertThat(item("menu-network-add-nodes").getAccelerator()).isEqualTo(Shortcuts.ADD_NODES.combination());
        assertThat(item("menu-lookup-step-one-event").getText()).as("a key left to text fields is named")
                .endsWith(Shortcuts.STEP.keys());
    }

    @Test
    void reviveAllIsDisabledUntilSomeoneIsDownAndThenRevivesThem() throws Exception {
        assertThat(item("menu-network-revive-all").isDisable()).as("everybody is up").isTrue();
        choose("network", "kill-selected-node");
        assertThat(fx(() -> vm.liveCountProperty().get())).isEqualTo(fx(() -> vm.nodeCountProperty().get()) - 1);
        assertThat(item("menu-network-revive-all").isDisable()).isFalse();
        choose("network", "revive-all");
        assertThat(fx(() -> vm.liveCountProperty().get())).isEqualTo(fx(() -> vm.nodeCountProperty().get()));
        assertThat(item("menu-network-revive-all").isDisable()).isTrue();
    }

    @Test
    void viewItemsOpenATabAndSwitchPresentationMode() throws Exception {
        choose("view", "xor-distance");
        assertThat(fx(() -> app.mainView().currentView())).isSameAs(app.mainView().distanceView());
        choose("view", "presentation-mode");
        assertThat(fx(() -> app.isPresenting())).isTrue();
        choose("view", "presentation-mode");
        assertThat(fx(() -> app.isPresenting())).isFalse();
    }

    @Test
    void findNodeIsDisabledWithoutATargetAndRunsTheLookupWithOne() throws Exception {
        fx(() -> vm.operations().targetTextProperty().set(""));
        assertThat(item("menu-lookup-find-node").isDisable()).isTrue();
        fx(() -> vm.operations().targetTextProperty().set("7f00"));
        assertThat(item("menu-lookup-find-node").isDisable()).isFalse();
        choose("lookup", "find-node");
        assertThat(fx(() -> vm.selection().selectedLookup().target())).isEqualTo(vm.keySpace().parse("7f00"));
        assertThat(item("menu-lookup-step-one-lookup-round").isDisable()).as("a lookup runs: a round can be stepped")
                .isFalse();
    }
}

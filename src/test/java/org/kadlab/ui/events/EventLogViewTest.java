package org.kadlab.ui.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kadlab.ui.FxFixture;
import org.kadlab.ui.TestViews;
import org.kadlab.ui.model.NetworkViewModel;
import org.testfx.util.WaitForAsyncUtils;

/** The event log's type filter ticks several types at once; none or all ticked shows every type. */
@ExtendWith(FxFixture.class)
class EventLogViewTest {

    /** A log on screen with the events of one finished find_node drained into it (FX thread). */
    private static EventLogView logWithALookup(NetworkViewModel vm) {
        vm.playback().playingProperty().set(false);
        EventLogView log = new EventLogView(vm);
        TestViews.show(log, 1000, 600);
        vm.selection().select(vm.simulation().nodes().get(3).id());
        vm.operations().targetTextProperty().set("7f00");
        assertThat(vm.operations().findNode()).isTrue();
        while (!vm.selection().selectedLookup().isOver()) {
            vm.playback().stepOnce();
        }
        log.drain();
        return log;
    }

    @Test
    void twoTickedTypesShowTheRowsOfBothAndNoOther() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            NetworkViewModel vm = new NetworkViewModel();
            EventLogView log = logWithALookup(vm);
            log.typeChoice().getCheckModel().check("LookupStarted");
            log.typeChoice().getCheckModel().check("LookupFinished");
            assertThat(log.shownRows()).extracting(EventRow::type).as("only the ticked types")
                    .containsOnly("LookupStarted", "LookupFinished")
                    .contains("LookupStarted", "LookupFinished");
            assertThat(log.typeChoice().getTitle()).isEqualTo("2 types");

            log.typeChoice().getCheckModel().clearCheck("LookupStarted");
            assertThat(log.shownRows()).extracting(EventRow::type).containsOnly("LookupFinished");
            assertThat(log.typeChoice().getTitle()).as("one type ticked reads as its name").isEqualTo("LookupFinished");
            vm.shutdown();
            return null;
        }).get();
    }

    @Test
    void noneOrEveryTypeTickedShowsEveryRowAndReadsAllTypes() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            NetworkViewModel vm = new NetworkViewModel();
            EventLogView log = logWithALookup(vm);
            int all = log.rows().size();
            assertThat(all).isGreaterThan(5);
            assertThat(log.shownRows()).as("nothing ticked").hasSize(all);
            assertThat(log.typeChoice().getTitle()).isEqualTo(EventLogView.ALL_TYPES);

            log.typeChoice().getCheckModel().checkAll();
            assertThat(log.shownRows()).as("everything ticked").hasSize(all);
            assertThat(log.typeChoice().getTitle()).isEqualTo(EventLogView.ALL_TYPES);

            log.typeChoice().getCheckModel().clearChecks();
            log.searchField().setText("zz-no-such-id");
            assertThat(log.shownRows()).as("the search still applies with every type").isEmpty();
            vm.shutdown();
            return null;
        }).get();
    }

    @Test
    void theTypeFilterOffersEveryEventTypeAndTheTableItsFourColumns() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            NetworkViewModel vm = new NetworkViewModel();
            EventLogView log = new EventLogView(vm);
            assertThat(log.typeChoice().getItems()).hasSize(org.kadlab.sim.SimEvent.class.getPermittedSubclasses().length)
                    .contains("RpcSent", "BucketChanged", "LookupFinished")
                    .doesNotContain(EventLogView.ALL_TYPES);
            assertThat(log.table().getColumns()).extracting(c -> c.getText())
                    .isEqualTo(List.of("time", "type", "node", "details"));
            assertThat(log.table().getColumns()).allMatch(c -> !c.isSortable() && !c.isReorderable());
            assertThat(Set.of(log.lookup("#event-search"), log.lookup("#event-status"), log.lookup("#event-table")))
                    .as("the ids the app and its tests look up").doesNotContainNull();
            vm.shutdown();
            return null;
        }).get();
    }
}

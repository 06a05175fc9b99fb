package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kadlab.ui.FxFixture.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kadlab.kad.LookupMode;
import org.kadlab.ui.events.EventLogView;
import org.kadlab.ui.model.NetworkSettings;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.theme.Theme;
import org.testfx.util.WaitForAsyncUtils;

/**
 * In the smallest supported window (1024x700), in the usual and in presentation mode, the narrow
 * columns of the lookup inspector (#, k, hop, rnd) and the time, type and node columns of the event
 * log show their headers and their texts whole, also after a search was typed and cleared; the wide
 * columns give way instead.
 */
@ExtendWith(FxFixture.class)
class TableColumnsTest {
    private static final Set<String> INSPECTOR_WHOLE = Set.of("#", "k", "hop", "rnd");
    private static final Set<String> EVENTS_WHOLE = Set.of("time", "type", "node");

    private Stage stage;
    private NetworkViewModel vm;
    private MainView view;
    private Scene scene;

    @BeforeEach
    void showWindow() throws Exception {
        stage = FxFixture.primaryStage();
        vm = new NetworkViewModel(new NetworkSettings(120, 160, 20, 3, LookupMode.SLIDING, 10, 80, 0.0, 1).toSimConfig(), 120);
        vm.playback().playingProperty().set(false);
        fx(() -> {
            view = new MainView(vm);
            scene = new Scene(new StackPane(view), 1024, 700);
            scene.getStylesheets().add(Theme.appStylesheet());
            stage.setScene(scene);
            stage.show();
            vm.selection().select(vm.simulation().nodes().get(3).id());
            vm.operations().targetTextProperty().set(vm.keySpace().hex(vm.simulation().nodes().get(77).id()));
            vm.operations().findNode();
            while (!vm.selection().selectedLookup().isOver()) {
                vm.playback().stepOnce();
            }
            view.tabs().getSelectionModel().select(view.tabs().getTabs().stream()
                    .filter(t -> "events-tab".equals(t.getId())).findFirst().orElseThrow());
            view.refresh();
        });
        settle();
    }

    @AfterEach
    void cleanUp() throws Exception {
        vm.shutdown();
    }

    @Test
    void theNarrowColumnsShowTheirHeadersAndTextsWholeAt1024PixelsInBothModesAndAfterASearchIsCleared() throws Exception {
        check("usual fonts");

        fx(() -> scene.getRoot().getStyleClass().add(KadLabApp.PRESENTATION));
        settle();
        check("presentation mode");

        fx(() -> eventLog().searchField().setText(vm.keySpace().hex(vm.simulation().nodes().get(3).id()).substring(0, 6)));
        settle();
        fx(() -> eventLog().searchField().setText(""));
        settle();
        check("presentation mode, after a search was cleared");

        fx(() -> scene.getRoot().getStyleClass().remove(KadLabApp.PRESENTATION));
        settle();
        fx(() -> eventLog().searchField().setText("Bucket"));
        settle();
        fx(() -> eventLog().searchField().setText(""));
        settle();
        check("usual fonts, after a search was cleared");
    }

    private void check(String mode) throws Exception {
        TableView<?> inspector = fx(() -> view.inspector().table());
        TableView<?> events = fx(() -> eventLog().table());
        assertThat(fx(() -> events.getItems().size())).as("event rows").isPositive();
        assertThat(fx(() -> inspector.getItems().size())).as("candidate rows").isPositive();
        assertThat(fx(() -> cut(inspector, INSPECTOR_WHOLE))).as("inspector headers or cells cut (%s)", mode).isEmpty();
        assertThat(fx(() -> cut(events, EVENTS_WHOLE))).as("event log headers or cells cut (%s)", mode).isEmpty();
        assertThat(fx(() -> events.getWidth())).as("the event log fits the window (%s)", mode).isLessThan(1024);
    }

    private EventLogView eventLog() {
        return (EventLogView) view.tabs().getTabs().stream().filter(t -> "events-tab".equals(t.getId()))
                .findFirst().orElseThrow().getContent();
    }

    /** The headers and cells of the named columns whose text is drawn shortened. */
    private static List<String> cut(TableView<?> table, Set<String> columns) {
        List<String> out = new ArrayList<>();
        int cells = 0;
        for (Node n : table.lookupAll(".column-header .label")) {
            Label l = (Label) n;
            if (columns.contains(l.getText()) && !l.getText().equals(shown(l))) {
                out.add("header " + l.getText() + " shows '" + shown(l) + "'");
            }
        }
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> c && c.getTableColumn() != null && columns.contains(c.getTableColumn().getText())
                    && c.isVisible() && c.getText() != null && !c.getText().isEmpty()) {
                cells++;
                if (!c.getText().equals(shown(c))) {
                    out.add(c.getTableColumn().getText() + " cell '" + c.getText() + "' shows '" + shown(c) + "'");
                }
            }
        }
        if (cells == 0) {
            out.add("no cells of " + columns + " to check");
        }
        return out;
    }

    /** The text a label or cell draws (its skin shortens it with an ellipsis when it does not fit). */
    private static String shown(Parent labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t) {
                return t.getText();
            }
        }
        return "";
    }

    private void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            fx(() -> {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

}

package org.kadlab.ui.lessons;

import java.io.File;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.lessons.Lesson;
import org.kadlab.ui.model.lessons.LessonActions;
import org.kadlab.ui.model.lessons.LessonLibrary;
import org.kadlab.ui.model.lessons.LessonPlayer;
import org.kadlab.ui.widgets.FxmlView;

/**
 * The Lessons drawer beside the views: the lessons found (bundled, or in {@code assets/lessons/}),
 * "Open lesson file..." for a teacher's own, and the lesson being taught one step at a time with its
 * text, a big "Do it" button for its action, what the action did, what to watch, and Back / Next.
 * A lesson file that cannot be read is listed with its message; nothing else is lost. The layout is
 * {@code LessonsPanel.fxml}, the type large and in em, so presentation mode scales it.
 */
public final class LessonsPanel extends VBox {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private final TabPane tabs;
    private final LessonPlayer player;
    private final ToggleButton toggle = new ToggleButton("Lessons");
    @FXML private VBox listPage;
    @FXML private ListView<LessonLibrary.Entry> list;
    @FXML private Label listMessage;
    @FXML private Button start;
    @FXML private VBox stepPage;
    @FXML private Label lessonTitle;
    @FXML private Label position;
    @FXML private Label stepText;
    @FXML private Button doIt;
    @FXML private Label outcome;
    @FXML private VBox watchBox;
    @FXML private Label watchText;
    @FXML private Button back;
    @FXML private Button next;

    /** The drawer on {@code vm}; lessons bring the views of {@code tabs} forward. Hidden until its toggle is pressed. */
    public LessonsPanel(NetworkViewModel vm, TabPane tabs) {
        this.tabs = tabs;
        this.player = new LessonPlayer(new LessonActions(vm, this::showView), this::showView);
        FxmlView.load(this);
        getStylesheets().add(LessonsPanel.class.getResource("lessons.css").toExternalForm());
        toggle.setId("lessons-toggle");
        toggle.setFocusTraversable(false);
        toggle.setTooltip(new Tooltip("Show the lessons: guided steps, each with a button that does it and what to watch"));
        visibleProperty().bind(toggle.selectedProperty());
        managedProperty().bind(visibleProperty());
        toggle.selectedProperty().addListener((o, was, open) -> {
            if (open && list.getItems().isEmpty()) {
                reload();
            }
        });
    }

    @FXML
    private void initialize() {
        list.setCellFactory(v -> new EntryCell());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                startSelected();
            }
        });
        start.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        outcome.textProperty().bind(player.outcomeProperty());
        player.failedProperty().addListener((o, a, b) -> outcome.pseudoClassStateChanged(FAILED, b));
    }

    /** The button that opens and closes the drawer (the window puts it in its control bar). */
    public ToggleButton toggle() {
        return toggle;
    }

    /** The lesson being taught and where it is (for tests). */
    public LessonPlayer player() {
        return player;
    }

    /** The lessons listed (for tests). */
    public List<LessonLibrary.Entry> entries() {
        return List.copyOf(list.getItems());
    }

    /** Lists the lessons again, from the bundled ones and the folder. */
    public void reload() {
        list.getItems().setAll(LessonLibrary.load(player.actions()));
        long bad = list.getItems().stream().filter(e -> !e.ok()).count();
        listMessage.setText(list.getItems().isEmpty() ? "No lessons found: open a lesson file."
                : bad == 0 ? "" : bad + (bad == 1 ? " lesson file has" : " lesson files have") + " a problem: select it to read it.");
        if (!list.getItems().isEmpty() && list.getSelectionModel().isEmpty()) {
            list.getSelectionModel().select(0);
        }
    }

    /** Starts the lesson {@code l} at its first step. */
    public void start(Lesson l) {
        player.start(l);
        showStep();
    }

    @FXML
    private void startSelected() {
        LessonLibrary.Entry e = list.getSelectionModel().getSelectedItem();
        if (e == null) {
            return;
        }
        if (!e.ok()) {
            listMessage.setText(e.error());
            return;
        }
        start(e.lesson());
    }

    @FXML
    private void openFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a lesson");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lessons (*.yaml, *.yml)", "*.yaml", "*.yml"));
        File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Reads a teacher's lesson file: starts it, or lists it with its message. */
    public void open(java.nio.file.Path path) {
        LessonLibrary.Entry e = LessonLibrary.open(path, player.actions());
        list.getItems().removeIf(x -> x.name().equals(e.name()));
        list.getItems().add(0, e);
        list.getSelectionModel().select(0);
        if (e.ok()) {
            listMessage.setText("");
            start(e.lesson());
        } else {
            listMessage.setText(e.error());
        }
    }

    @FXML
    private void doIt() {
        player.doIt();
    }

    @FXML
    private void back() {
        player.back();
        showStep();
    }

    @FXML
    private void next() {
        player.next();
        showStep();
    }

    @FXML
    private void showList() {
        player.close();
        stepPage.setVisible(false);
        listPage.setVisible(true);
    }

    @FXML
    private void close() {
        toggle.setSelected(false);
    }

    private void showStep() {
        Lesson l = player.lessonProperty().get();
        Lesson.Step s = player.step();
        if (l == null || s == null) {
            showList();
            return;
        }
        listPage.setVisible(false);
        stepPage.setVisible(true);
        lessonTitle.setText(l.title());
        position.setText(player.position());
        stepText.setText(s.text());
        doIt.setVisible(s.action() != null);
        doIt.setManaged(s.action() != null);
        doIt.setText(s.action() == null ? "" : "Do it: " + s.action().button());
        watchBox.setVisible(s.watch() != null);
        watchBox.setManaged(s.watch() != null);
        watchText.setText(s.watch() == null ? "" : s.watch().text());
        back.setDisable(!player.hasBack());
        next.setDisable(!player.hasNext());
    }

    /** Brings the view {@code name} forward; the routing table and the inspector are always on screen. */
    private boolean showView(String name) {
        if (name.equals("buckets") || name.equals("inspector")) {
            return true;
        }
        String id = name.equals("xor") ? "distance-tab" : name + "-tab";
        for (Tab t : tabs.getTabs()) {
            if (id.equals(t.getId())) {
                tabs.getSelectionModel().select(t);
                return true;
            }
        }
        return false;
    }

    /** A lesson in the list: its title and summary, or its file name and why it cannot be used. */
    private static final class EntryCell extends ListCell<LessonLibrary.Entry> {
        private final Label title = new Label();
        private final Label summary = new Label();
        private final VBox box = new VBox(2, title, summary);

        EntryCell() {
            title.getStyleClass().add("lesson-entry-title");
            title.setWrapText(true);
            summary.setWrapText(true);
            box.prefWidthProperty().bind(widthProperty().subtract(24));
        }

        @Override
        protected void updateItem(LessonLibrary.Entry e, boolean empty) {
            super.updateItem(e, empty);
            setText(null);
            if (empty || e == null) {
                setGraphic(null);
                return;
            }
            title.setText(e.ok() ? e.lesson().title() : e.name());
            summary.setText(e.ok() ? e.lesson().summary() : e.error());
            summary.getStyleClass().setAll(e.ok() ? "lesson-entry-summary" : "lesson-error");
            setGraphic(box);
        }
    }
}

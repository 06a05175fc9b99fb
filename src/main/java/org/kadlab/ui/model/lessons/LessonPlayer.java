package org.kadlab.ui.model.lessons;

import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The lesson being taught and where it is: one step at a time, Back and Next, and "Do it", which runs
 * the step's action and says what happened (or why it could not run) without leaving the step.
 * Showing a step, and doing it, brings its "watch" view forward.
 */
public final class LessonPlayer {
    private final LessonActions actions;
    private final Predicate<String> views;
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");

    /** A player running {@code actions}; {@code views} brings a view forward by name. */
    public LessonPlayer(LessonActions actions, Predicate<String> views) {
        this.actions = actions;
        this.views = views;
    }

    /** The actions the lessons run. */
    public LessonActions actions() {
        return actions;
    }

    /** The lesson being taught, or null. */
    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /** The shown step, from 0. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** What the last "Do it" did, or why it could not run; "" before it. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Whether the last "Do it" could not run. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** Starts {@code l} at its first step. */
    public void start(Lesson l) {
        lesson.set(l);
        show(0);
    }

    /** Leaves the lesson (the list shows again). */
    public void close() {
        lesson.set(null);
        clearOutcome();
    }

    /** The shown step, or null. */
    public Lesson.Step step() {
        Lesson l = lesson.get();
        return l == null ? null : l.steps().get(index.get());
    }

    public boolean hasNext() {
        Lesson l = lesson.get();
        return l != null && index.get() < l.steps().size() - 1;
    }

    public boolean hasBack() {
        return lesson.get() != null && index.get() > 0;
    }

    public void next() {
        if (hasNext()) {
            show(index.get() + 1);
        }
    }

    public void back() {
        if (hasBack()) {
            show(index.get() - 1);
        }
    }

    /** "Step 2 of 5". */
    public String position() {
        Lesson l = lesson.get();
        return l == null ? "" : "Step " + (index.get() + 1) + " of " + l.steps().size();
    }

    /** Runs the shown step's action; returns whether it ran. */
    public boolean doIt() {
        Lesson.Step s = step();
        if (s == null || s.action() == null) {
            return false;
        }
        try {
            String said = actions.run(s.action());
            failed.set(false);
            outcome.set(said == null || said.isBlank() ? "Done." : said);
        } catch (LessonException e) {
            failed.set(true);
            outcome.set(e.getMessage());
            return false;
        }
        bringForward(s);
        return true;
    }

    private void show(int i) {
        index.set(i);
        clearOutcome();
        bringForward(step());
    }

    private void bringForward(Lesson.Step s) {
        if (s != null && s.watch() != null && s.watch().view() != null) {
            views.test(s.watch().view());
        }
    }

    private void clearOutcome() {
        outcome.set("");
        failed.set(false);
    }
}

package org.kadlab.ui.model.lessons;

import java.util.List;

/**
 * A lesson a teacher walks a class through: a title, a one-line summary and a few steps, each with a
 * short text, an optional action the panel shows as a button, and what to watch once it ran.
 *
 * @param source  the file it was read from, as messages name it
 * @param title   what the list shows
 * @param summary one or two sentences under the title ("" when the file has none)
 * @param steps   at least one
 */
public record Lesson(String source, String title, String summary, List<Step> steps) {
    public Lesson {
        steps = List.copyOf(steps);
    }

    /**
     * One step.
     *
     * @param line   the line of the file where it starts
     * @param text   what the teacher says, in a few sentences
     * @param action what "Do it" does, or null for a step that only reads
     * @param watch  what to look at after, or null
     */
    public record Step(int line, String text, Action action, Watch watch) {
    }

    /**
     * An action of {@link LessonActions} with its checked arguments.
     *
     * @param name   the registered name, such as {@code kill-percent}
     * @param args   the arguments, read and checked against the action's parameters
     * @param button the button's text (the action's own label unless the file gives one)
     * @param line   the line of the file where it is given, for messages
     */
    public record Action(String name, ActionSpec.Args args, String button, int line) {
    }

    /**
     * What to watch.
     *
     * @param text what to look for
     * @param view the view to bring forward (one of {@link LessonActions#VIEWS}), or null
     */
    public record Watch(String text, String view) {
    }
}

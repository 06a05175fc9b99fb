package org.kadlab.ui.model.lessons;

/** A lesson file that cannot be used, or a lesson action that cannot run, with the file, line and field at fault. */
public final class LessonException extends Exception {
    private static final long serialVersionUID = 1L;

    public LessonException(String message) {
        super(message);
    }

    /** A message of the form {@code FILE:LINE: field 'F': what is wrong}, as scenario errors read. */
    static LessonException at(String file, int line, String field, String problem) {
        String where = line > 0 ? file + ":" + line : file;
        return new LessonException(where + ": " + (field == null ? "" : "field '" + field + "': ") + problem);
    }
}

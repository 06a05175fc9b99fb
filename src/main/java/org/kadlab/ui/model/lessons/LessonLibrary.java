package org.kadlab.ui.model.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The lessons the panel lists: the files of {@code assets/lessons/} beside the app when that folder
 * exists (where a teacher adds their own), over the lessons bundled in the app (the same files,
 * copied in at build time). A file that cannot be read or checked is listed with its message; it
 * never stops the others.
 */
public final class LessonLibrary {
    /** Where the bundled lessons are, on the class path. */
    public static final String RESOURCES = "/org/kadlab/lessons";
    /** The folder of lessons beside the app. */
    public static final Path FOLDER = Path.of("assets", "lessons");
    /** Most lesson files listed. */
    public static final int MAX_LESSONS = 200;

    private LessonLibrary() {
    }

    /** A lesson file: its lesson, or why it cannot be used. */
    public record Entry(String name, Lesson lesson, String error) {
        public boolean ok() {
            return lesson != null;
        }
    }

    /** Every lesson found, by file name: the folder's over the bundled ones of the same name. */
    public static List<Entry> load(LessonActions actions) {
        Map<String, Entry> byName = new TreeMap<>();
        for (Entry e : bundled(actions)) {
            byName.put(e.name(), e);
        }
        if (Files.isDirectory(FOLDER)) {
            for (Path p : lessonFiles(FOLDER)) {
                byName.put(p.getFileName().toString(), open(p, actions));
            }
        }
        return List.copyOf(new ArrayList<>(byName.values()).subList(0, Math.min(MAX_LESSONS, byName.size())));
    }

    /** Reads the lesson at {@code path} (a teacher's own file): its lesson, or its message. */
    public static Entry open(Path path, LessonActions actions) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        try {
            return new Entry(name, LessonReader.read(path, actions), null);
        } catch (LessonException e) {
            return new Entry(name, null, e.getMessage());
        }
    }

    /** The lessons bundled in the app. */
    public static List<Entry> bundled(LessonActions actions) {
        URL url = LessonLibrary.class.getResource(RESOURCES);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    return readAll(lessonFiles(fs.getPath(RESOURCES)), actions);
                }
            }
            return readAll(lessonFiles(Path.of(uri)), actions);
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return List.of(new Entry("bundled lessons", null, "the bundled lessons cannot be listed: " + e.getMessage()));
        }
    }

    private static List<Entry> readAll(List<Path> files, LessonActions actions) {
        List<Entry> out = new ArrayList<>();
        for (Path p : files) {
            String name = p.getFileName().toString();
            try (InputStream in = Files.newInputStream(p)) {
                String text = new String(in.readNBytes(LessonReader.MAX_FILE_CHARS + 1), StandardCharsets.UTF_8);
                out.add(new Entry(name, LessonReader.parse(text, name, actions), null));
            } catch (LessonException e) {
                out.add(new Entry(name, null, e.getMessage()));
            } catch (IOException e) {
                out.add(new Entry(name, null, name + ": cannot read: " + e.getMessage()));
            }
        }
        return out;
    }

    /** The .yaml and .yml files of {@code dir}, sorted by name, at most {@link #MAX_LESSONS}. */
    private static List<Path> lessonFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return (n.endsWith(".yaml") || n.endsWith(".yml")) && Files.isRegularFile(p);
            }).sorted().limit(MAX_LESSONS).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}

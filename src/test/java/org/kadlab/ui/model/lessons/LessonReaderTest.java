package org.kadlab.ui.model.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kadlab.ui.model.NetworkViewModel;

/** A lesson file is read with every field checked, and a bad one is refused with "file:line: field: what is wrong". */
class LessonReaderTest {
    private static LessonActions actions;

    @BeforeAll
    static void setUp() {
        actions = new LessonActions(new NetworkViewModel(), v -> true);
    }

    private static Lesson parse(String yaml) throws LessonException {
        return LessonReader.parse(yaml, "mine.yaml", actions);
    }

    private static String error(String yaml) {
        try {
            parse(yaml);
        } catch (LessonException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + yaml);
    }

    @Test
    void aLessonReadsItsStepsActionsArgumentsAndWatches() throws Exception {
        Lesson l = parse("""
                title: Kill and heal
                summary: A short one.
                steps:
                  - text: Build it.
                    do: {action: build, preset: classroom, k: 3, lookup_mode: rounds, loss: 0.1}
                    watch: {text: The ring., view: ring}
                  - text: >
                      Kill some,
                      then look.
                    do: {action: kill-percent, percent: 30}
                    button: Kill 30%
                    watch: Hollow dots.
                  - text: Let time pass.
                    do: {action: run-for, duration: 1h}
                  - text: Select 0cb9 and 3357.
                    do: {action: select-node, id: 3357}
                  - text: Just read this.
                  - text: Revive.
                    do: revive-all
                """);
        assertThat(l.title()).isEqualTo("Kill and heal");
        assertThat(l.steps()).hasSize(6);
        Lesson.Step build = l.steps().get(0);
        assertThat(build.line()).isEqualTo(4);
        assertThat(build.action().name()).isEqualTo("build");
        assertThat(build.action().args().values()).containsEntry("preset", "classroom").containsEntry("k", 3L)
                .containsEntry("lookup_mode", "rounds").containsEntry("loss", 0.1);
        assertThat(build.action().button()).as("the action's own label").isEqualTo("Build the network");
        assertThat(build.watch()).isEqualTo(new Lesson.Watch("The ring.", "ring"));
        assertThat(l.steps().get(1).text()).isEqualTo("Kill some, then look.");
        assertThat(l.steps().get(1).action().button()).isEqualTo("Kill 30%");
        assertThat(l.steps().get(1).watch()).isEqualTo(new Lesson.Watch("Hollow dots.", null));
        assertThat(l.steps().get(2).action().args().whole("duration", 0)).isEqualTo(3_600_000L);
        assertThat(l.steps().get(3).action().args().text("id")).as("an id written as digits keeps them").isEqualTo("3357");
        assertThat(l.steps().get(4).action()).isNull();
        assertThat(l.steps().get(5).action().name()).isEqualTo("revive-all");
    }

    @Test
    void badYamlNamesTheLine() {
        assertThat(error("title: x\nsteps:\n  - text: a\n   do: step\n")).startsWith("mine.yaml:4: field 'do': not valid YAML");
        assertThat(error("title: [x\nsteps: []\n")).startsWith("mine.yaml:").contains("not valid YAML");
        assertThat(error("")).isEqualTo("mine.yaml:1: the file is empty");
        assertThat(error("- a\n- b\n")).isEqualTo("mine.yaml:1: a lesson is a mapping of fields (title, summary, steps), not a list");
    }

    @Test
    void anUnknownActionIsRefusedWithTheKnownOnesListed() {
        String e = error("title: x\nsteps:\n  - text: a\n    do: {action: kill-percnt, percent: 3}\n");
        assertThat(e).startsWith("mine.yaml:4: field 'steps[1].do': unknown action 'kill-percnt' (did you mean 'kill-percent'?)")
                .contains("known actions: add-node, add-nodes, build,");
        for (String name : actions.names()) {
            assertThat(e).contains(name);
        }
        assertThat(error("title: x\nsteps:\n  - text: a\n    do: fly\n")).startsWith("mine.yaml:4: field 'steps[1].do': unknown action 'fly';");
    }

    @Test
    void aMissingTextOrTitleIsRefused() {
        assertThat(error("title: x\nsteps:\n  - do: step\n")).isEqualTo("mine.yaml:3: field 'steps[1].text': is required");
        assertThat(error("title: x\nsteps:\n  - text: a\n  - text: \"  \"\n"))
                .isEqualTo("mine.yaml:4: field 'steps[2].text': is empty");
        assertThat(error("steps:\n  - text: a\n")).isEqualTo("mine.yaml:1: field 'title': is required");
        assertThat(error("title: x\n")).isEqualTo("mine.yaml:1: field 'steps': needs a list of at least one step, each like '- text: ...'");
        assertThat(error("title: x\nsteps:\n  - text: " + "a".repeat(LessonReader.MAX_TEXT_CHARS + 1) + "\n"))
                .startsWith("mine.yaml:3: field 'steps[1].text': is 601 characters long; at most 600");
    }

    @Test
    void aWrongArgumentIsRefusedNamingItAndWhatItTakes() {
        assertThat(error("title: x\nsteps:\n  - text: a\n    do: {action: kill-percent, percent: 130}\n"))
                .isEqualTo("mine.yaml:4: field 'steps[1].do.percent': must be a whole number from 0 to 100, was 130");
        assertThat(error("title: x\nsteps:\n  - text: a\n    do:\n      action: run-for\n      duration: 10 minutes\n"))
                .isEqualTo("mine.yaml:6: field 'steps[1].do.duration': must be a duration such as 30s, 10m or 1h "
                        + "(ms, s, m, h or d), was '10 minutes'");
        assertThat(error("title: x\nsteps:\n  - text: a\n    do: {action: add-nodes}\n"))
                .isEqualTo("mine.yaml:4: field 'steps[1].do.count': is required by 'add-nodes': how many, "
                        + "a whole number from 1 to 10000");
        assertThat(error("title: x\nsteps:\n  - text: a\n    do: {action: build, alpah: 2}\n"))
                .startsWith("mine.yaml:4: field 'steps[1].do.alpah': 'build' takes no such argument (did you mean 'alpha'?); "
                        + "it takes preset, nodes, bits, k, alpha, lookup_mode, seed, loss");
        assertThat(error("title: x\nsteps:\n  - text: a\n    do: {action: build, preset: huge}\n"))
                .isEqualTo("mine.yaml:4: field 'steps[1].do.preset': must be one of classroom, default, realistic, large, was 'huge'");
        assertThat(error("title: x\nsteps:\n  - text: a\n    do: {action: find-node, target: 1f, pause: yes please}\n"))
                .isEqualTo("mine.yaml:4: field 'steps[1].do.pause': must be true or false, was 'yes please'");
        assertThat(error("title: x\nsteps:\n  - text: a\n    do: {percent: 3}\n"))
                .startsWith("mine.yaml:4: field 'steps[1].do.action': is required");
    }

    @Test
    void unknownFieldsAndViewsAreRefusedWithANearName() {
        assertThat(error("title: x\nstep:\n  - text: a\n")).startsWith("mine.yaml:2: field 'step': unknown field (did you mean 'steps'?)");
        assertThat(error("title: x\nsteps:\n  - text: a\n    wach: b\n"))
                .startsWith("mine.yaml:4: field 'steps[1].wach': unknown field (did you mean 'watch'?)");
        assertThat(error("title: x\nsteps:\n  - text: a\n    watch: {text: b, view: rings}\n"))
                .startsWith("mine.yaml:4: field 'steps[1].watch.view': unknown view 'rings' (did you mean 'ring'?); known views: ring,");
        assertThat(error("title: x\nsteps:\n  - text: a\n    button: Go\n"))
                .isEqualTo("mine.yaml:4: field 'steps[1].button': a button needs an action: add 'do:'");
        assertThat(error("title: x\ntitle: y\nsteps:\n  - text: a\n")).startsWith("mine.yaml:2: field 'title': appears twice");
    }

    @Test
    void aFileThatCannotBeReadIsAnEntryWithItsMessageNotACrash(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("broken.yaml");
        Files.write(bad, new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
        LessonLibrary.Entry e = LessonLibrary.open(bad, actions);
        assertThat(e.ok()).isFalse();
        assertThat(e.error()).startsWith("broken.yaml: not UTF-8 text");
        assertThat(LessonLibrary.open(dir.resolve("gone.yaml"), actions).error()).isEqualTo("gone.yaml: no such file");
        Path good = dir.resolve("mine.yaml");
        Files.writeString(good, "title: Mine\nsteps:\n  - text: Step.\n    do: {action: step, count: 2}\n");
        assertThat(LessonLibrary.open(good, actions).lesson().title()).isEqualTo("Mine");
    }

    @Test
    void anActionThatCannotRunSaysWhyAndChangesNothing() throws Exception {
        NetworkViewModel vm = new NetworkViewModel();
        LessonActions on = new LessonActions(vm, v -> !v.equals("trie"));
        Lesson l = LessonReader.parse("""
                title: t
                steps:
                  - text: a
                    do: {action: select-node, id: "ffff"}
                  - text: b
                    do: {action: kill-node, id: "zz"}
                  - text: c
                    do: {action: show-view, view: trie}
                  - text: d
                    do: step-lookup
                  - text: e
                    do: {action: build, nodes: 300, bits: 8}
                """, "t.yaml", on);
        int nodes = vm.network().nodeCount();
        assertThat(failure(on, l, 0)).isEqualTo("select-node: no node has id ffff in this network of 32 nodes (the first is 570a)");
        assertThat(failure(on, l, 1)).startsWith("kill-node: ");
        assertThat(failure(on, l, 2)).isEqualTo("show-view: the trie view is not available yet in this window");
        assertThat(failure(on, l, 3)).startsWith("step-lookup: No lookup is inspected");
        assertThat(failure(on, l, 4)).isEqualTo("build: nodes must fit the id space: at most 256 with 8-bit ids, was 300");
        assertThat(vm.network().nodeCount()).as("nothing changed").isEqualTo(nodes);
        assertThat(vm.liveCountProperty().get()).isEqualTo(nodes);
    }

    @Test
    void theFormatsDocumentationListsEveryActionWithItsArgumentsAndItsExampleLoads() throws Exception {
        String doc = Files.readString(Path.of("assets", "lessons", "README.md"));
        for (ActionSpec a : actions.specs()) {
            assertThat(doc).as(a.name()).contains("`" + a.name() + "`");
            String row = doc.lines().filter(l -> l.startsWith("| `" + a.name() + "` |")).findFirst().orElseThrow(
                    () -> new AssertionError("no row for " + a.name()));
            for (ActionSpec.Param p : a.params()) {
                assertThat(row).as(a.name() + " documents " + p.name()).contains("`" + p.name() + "`");
            }
        }
        for (String view : LessonActions.VIEWS) {
            assertThat(doc).contains("`" + view + "`");
        }
        String example = doc.substring(doc.indexOf("```yaml") + 7, doc.indexOf("```", doc.indexOf("```yaml") + 7));
        assertThat(parse(example).steps()).hasSize(4);
    }

    private static String failure(LessonActions on, Lesson l, int step) {
        try {
            on.run(l.steps().get(step).action());
        } catch (LessonException e) {
            return e.getMessage();
        }
        throw new AssertionError("ran: " + l.steps().get(step));
    }
}

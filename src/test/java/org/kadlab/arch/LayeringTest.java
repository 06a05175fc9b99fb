package org.kadlab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering rules: ui -> sim -> kad, cli -> sim -> kad and net -> kad (ui and cli reach net too), a core that depends on the JDK only,
 * and a core that never reads a wall clock, sleeps or draws unseeded randomness.
 */
class LayeringTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.kadlab");
    }

    @Test
    void coreDependsOnlyOnTheJdk() {
        ArchRule rule = classes().that().resideInAPackage("org.kadlab.kad..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.kadlab.kad..", "java..")
                .because("the Kademlia core is pure Java: no simulator, runner, JavaFX, GraphStream or ControlsFX");
        rule.check(production);
    }

    @Test
    void coreNeverReadsTheWallClockOrSleeps() {
        ArchRule rule = noClasses().that().resideInAPackage("org.kadlab.kad..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .because("time is injected through KadClock so that runs are reproducible");
        rule.check(production);
    }

    @Test
    void coreNeverDrawsUnseededRandomness() {
        ArchRule rule = noClasses().that().resideInAPackage("org.kadlab.kad..")
                .should().callConstructor(Random.class)
                .orShould().callConstructor(SecureRandom.class)
                .orShould().callMethod(Math.class, "random")
                .orShould().callMethod(ThreadLocalRandom.class, "current")
                .because("randomness is injected as a seeded RandomGenerator");
        rule.check(production);
    }

    @Test
    void simulatorAndRunnerNeverDependOnTheUiOrJavaFx() {
        ArchRule rule = noClasses().that().resideInAnyPackage("org.kadlab.sim..", "org.kadlab.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.kadlab.ui..", "javafx..", "org.graphstream..", "org.controlsfx..")
                .because("the simulator and the headless runner must run without a screen")
                .allowEmptyShould(true);
        rule.check(production);
    }

    @Test
    void simulatorNeverDependsOnTheRunner() {
        ArchRule rule = noClasses().that().resideInAPackage("org.kadlab.sim..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kadlab.cli..", "org.kadlab.ui..")
                .because("dependencies point one way: cli -> sim -> kad")
                .allowEmptyShould(true);
        rule.check(production);
    }

    @Test
    void networkTransportDependsOnlyOnTheCore() {
        ArchRule rule = noClasses().that().resideInAPackage("org.kadlab.net..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kadlab.sim..", "org.kadlab.cli..",
                        "org.kadlab.ui..", "javafx..", "org.graphstream..", "org.controlsfx..")
                .because("real nodes run the core over gRPC: net -> kad, never the simulator, runner or UI");
        rule.check(production);
    }

    @Test
    void simulatorNeverDependsOnTheNetwork() {
        ArchRule rule = noClasses().that().resideInAPackage("org.kadlab.sim..")
                .should().dependOnClassesThat().resideInAPackage("org.kadlab.net..")
                .because("the simulator runs the core on its own transport; real nodes are another backend");
        rule.check(production);
    }

    @Test
    void viewsReachRealNodesOnlyThroughTheViewModels() {
        ArchRule rule = noClasses().that().resideInAPackage("org.kadlab.ui..")
                .and().resideOutsideOfPackage("org.kadlab.ui.model..")
                .should().dependOnClassesThat().resideInAPackage("org.kadlab.net..")
                .because("a live network feeds the same NetworkModel as a simulation; views never talk gRPC")
                .allowEmptyShould(true);
        rule.check(production);
    }

    @Test
    void coreNeverDependsOnOuterLayers() {
        ArchRule rule = noClasses().that().resideInAPackage("org.kadlab.kad..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kadlab.sim..", "org.kadlab.cli..", "org.kadlab.ui..")
                .because("dependencies point one way: ui -> sim -> kad");
        rule.check(production);
    }

    @Test
    void viewsReadTheNetworkModelNeverTheSimulationOrMutableCoreObjects() {
        ArchRule rule = noClasses().that().resideInAPackage("org.kadlab.ui..")
                .and().resideOutsideOfPackage("org.kadlab.ui.model..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.kadlab.sim.Simulation")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kadlab.sim.SimNode")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kadlab.sim.SimStats")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kadlab.kad.KadNode")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kadlab.kad.RoutingTable")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kadlab.kad.KBucket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kadlab.kad.Lookup")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kadlab.kad.Lookup$Candidate")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kadlab.kad.RecordStore")
                .because("views read the read-only NetworkModel and the view models, so that a live network "
                        + "can feed the same views as a simulation");
        rule.check(production);
    }

    @Test
    void theUiModelHasNoSceneGraph() {
        ArchRule rule = noClasses().that().resideInAPackage("org.kadlab.ui.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "org.graphstream..", "org.controlsfx..")
                .because("the model and view models are tested without a Stage; only views draw");
        rule.check(production);
    }

    @Test
    void featurePackagesDoNotReachIntoEachOther() {
        String[] views = {"ring", "distance", "buckets", "inspector", "events", "stats", "graph", "controls", "trie",
            "health", "compare", "lessons"};
        for (String a : views) {
            for (String b : views) {
                if (a.equals(b)) {
                    continue;
                }
                noClasses().that().resideInAPackage("org.kadlab.ui." + a + "..")
                        .should().dependOnClassesThat().resideInAPackage("org.kadlab.ui." + b + "..")
                        .because("each view is its own feature; what two views share lives in ui.model, ui.widgets or ui.theme")
                        .allowEmptyShould(true)
                        .check(production);
            }
        }
    }

    @Test
    void whatTheViewsShareNeverDependsOnAView() {
        ArchRule rule = noClasses().that().resideInAnyPackage("org.kadlab.ui.model..", "org.kadlab.ui.widgets..",
                        "org.kadlab.ui.theme..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kadlab.ui.ring..", "org.kadlab.ui.distance..",
                        "org.kadlab.ui.buckets..", "org.kadlab.ui.inspector..", "org.kadlab.ui.events..",
                        "org.kadlab.ui.stats..", "org.kadlab.ui.graph..", "org.kadlab.ui.controls..")
                .because("the model, the shared widgets and the theme sit below every view");
        rule.check(production);
    }
}

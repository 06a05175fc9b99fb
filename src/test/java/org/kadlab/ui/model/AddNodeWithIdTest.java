package org.kadlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimNode;
import org.kadlab.sim.Simulation;
import org.kadlab.sim.scenario.Scenario;
import org.kadlab.sim.scenario.ScenarioReader;
import org.kadlab.sim.scenario.ScenarioRunner;

/** Adding one node with a typed id or in a bucket of the selected node: checked, joined, recorded, replayed. */
class AddNodeWithIdTest {
    private NetworkViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new NetworkViewModel();
        vm.playback().playingProperty().set(false);
    }

    private String error() {
        return vm.status().targetErrorProperty().get();
    }

    private NodeId freeId() {
        for (int v = 0x1234; ; v++) {
            if (vm.simulation().node(NodeId.of(v)) == null) {
                return NodeId.of(v);
            }
        }
    }

    @Test
    void aTypedIdJoinsUnderThatIdAndIsRecordedWithIt() {
        NodeId id = freeId();
        String hex = vm.keySpace().hex(id);
        assertThat(vm.commands().addNodeWithId(hex)).as(error()).isTrue();
        SimNode n = vm.simulation().node(id);
        assertThat(n).isNotNull();
        assertThat(n.isAlive()).isTrue();
        assertThat(n.kad().joined()).as("its join finished").isTrue();
        assertThat(n.kad().routingTable().size()).as("it learned contacts while joining").isPositive();
        assertThat(vm.nodeCountProperty().get()).isEqualTo(33);
        assertThat(vm.recorder().recordedSteps()).last().isEqualTo(new Scenario.Add(0, 1, List.of(hex)));
    }

    @Test
    void binaryTextIsAnIdToo() {
        NodeId id = freeId();
        assertThat(vm.commands().addNodeWithId("0b" + vm.keySpace().binary(id).substring(3))).as(error()).isTrue();
        assertThat(vm.simulation().node(id)).isNotNull();
    }

    @Test
    void anIdInBucketIOfTheSelectedNodeHasItsHighestDifferingBitAtI() {
        NodeId sel = vm.simulation().nodes().get(5).id();
        vm.selection().select(sel);
        for (int i : new int[] {15, 9, 4, 1}) {
            int before = vm.simulation().nodes().size();
            assertThat(vm.commands().addNodeInBucket(i)).as(error()).isTrue();
            NodeId added = vm.simulation().nodes().get(before).id();
            assertThat(sel.xor(added).bitLength() - 1).as("highest set bit of the XOR distance to the selected node").isEqualTo(i);
            assertThat(vm.simulation().node(sel).kad().routingTable().bucketIndexOf(added)).isEqualTo(i);
        }
    }

    @Test
    void theSameNetworkDrawsTheSameIdInABucket() {
        NetworkViewModel other = new NetworkViewModel();
        NodeId sel = vm.simulation().nodes().get(3).id();
        vm.selection().select(sel);
        other.selection().select(sel);
        assertThat(vm.commands().addNodeInBucket(7)).isTrue();
        assertThat(other.commands().addNodeInBucket(7)).isTrue();
        assertThat(vm.simulation().nodes().get(32).id()).isEqualTo(other.simulation().nodes().get(32).id());
    }

    @Test
    void aTakenIdOrAnIdOfTheWrongWidthIsRefusedWithTheReason() {
        String taken = vm.keySpace().hex(vm.simulation().nodes().get(2).id());
        assertThat(vm.commands().addNodeWithId(taken)).isFalse();
        assertThat(error()).contains(taken).contains("exists already");
        assertThat(vm.commands().addNodeWithId("12345")).isFalse();
        assertThat(error()).contains("has 5 hex digits").contains("16-bit id");
        assertThat(vm.commands().addNodeWithId("0b" + "1".repeat(17))).isFalse();
        assertThat(error()).contains("17 binary digits");
        assertThat(vm.commands().addNodeWithId("")).isFalse();
        assertThat(error()).contains("id is empty");
        assertThat(vm.commands().addNodeInBucket(16)).isFalse();
        assertThat(error()).contains("16 is outside 0 to 15");
        assertThat(vm.nodeCountProperty().get()).as("nothing was added").isEqualTo(32);
        assertThat(vm.recorder().recordedSteps()).hasSize(1);
    }

    @Test
    void aBucketWhoseRangeIsFullIsRefused() {
        NodeId sel = vm.selection().selectedNode();
        NodeId neighbour = vm.keySpace().id(sel.toBigInteger().flipBit(0));
        if (vm.simulation().node(neighbour) == null) {
            assertThat(vm.commands().addNodeInBucket(0)).as(error()).isTrue(); // bucket 0 holds exactly one id
        }
        assertThat(vm.commands().addNodeInBucket(0)).isFalse();
        assertThat(error()).contains("Bucket 0").contains("has no free id");
    }

    @Test
    void theSavedScenarioReplaysTheGivenIds(@TempDir Path dir) throws Exception {
        NodeId typed = freeId();
        assertThat(vm.commands().addNodeWithId(vm.keySpace().hex(typed))).isTrue();
        vm.selection().select(vm.simulation().nodes().get(7).id());
        assertThat(vm.commands().addNodeInBucket(12)).isTrue();
        assertThat(vm.commands().addNodes(2)).isTrue();
        NodeId inBucket = vm.simulation().nodes().get(33).id();
        Path file = dir.resolve("staged.yaml");
        vm.exports().writeScenario(file);
        Scenario read = ScenarioReader.read(file);
        assertThat(read.stepsWithoutLines()).isEqualTo(vm.recorder().recordedSteps());
        Simulation replay = new Simulation(read.config());
        new ScenarioRunner(read, replay).run();
        assertThat(replay.nodes()).extracting(SimNode::id).containsExactlyElementsOf(
                vm.simulation().nodes().stream().map(SimNode::id).toList());
        assertThat(replay.node(typed)).isNotNull();
        assertThat(replay.node(inBucket)).isNotNull();
        assertThat(Files.readString(file)).contains("ids:");
    }
}

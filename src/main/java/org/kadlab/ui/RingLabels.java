package org.kadlab.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Places the ID ring's node labels so that none overlap: a pure function of angles and label
 * sizes, no JavaFX. Required labels (the selected node, the lookup target, the lookup's candidates,
 * in that order of priority) are placed first; each may step outward by up to
 * {@code requiredLevels - 1} steps (each just past its own box) to find a free spot. Then the other labels are placed
 * greedily by angle, on the base circle only, and skipped where they would collide with a label
 * already placed. A required label that finds no free spot at any level is left out too, so the
 * placed labels never overlap.
 */
public final class RingLabels {
    private RingLabels() {
    }

    /** One label to place: its angle on the ring (as {@link RingGeometry#angle}), its size, and whether it is required. */
    public record Item(double angle, double width, double height, boolean required) {
    }

    /** A placed label: the item's index and its box (top-left corner and size). */
    public record Placed(int index, double x, double y, double width, double height) {
        /** Whether this box and {@code o} overlap (touching edges do not count). */
        public boolean overlaps(Placed o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }
    }

    /**
     * Places {@code items} around the centre ({@code cx}, {@code cy}), label centres at
     * {@code radius} (plus whole steps just past the label's box, and {@code gap}, for required labels). Required items
     * keep their order in the list as priority. Returns the placed labels, none overlapping.
     */
    public static List<Placed> place(List<Item> items, double cx, double cy, double radius, int requiredLevels, double gap) {
        List<Placed> placed = new ArrayList<>();
        List<Integer> optional = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            if (!it.required()) {
                optional.add(i);
                continue;
            }
            double step = step(it, gap);
            for (int level = 0; level < Math.max(1, requiredLevels); level++) {
                Placed p = box(i, it, cx, cy, radius + level * step);
                if (free(p, placed)) {
                    placed.add(p);
                    break;
                }
            }
        }
        optional.sort(Comparator.comparingDouble(i -> items.get(i).angle()));
        for (int i : optional) {
            Placed p = box(i, items.get(i), cx, cy, radius);
            if (free(p, placed)) {
                placed.add(p);
            }
        }
        return placed;
    }

    /** How far outward a label must move to clear its own previous spot: past its width or its height, whichever comes first. */
    static double step(Item it, double gap) {
        double s = Math.abs(Math.sin(it.angle()));
        double c = Math.abs(Math.cos(it.angle()));
        double across = s < 1e-9 ? Double.POSITIVE_INFINITY : it.width() / s;
        double down = c < 1e-9 ? Double.POSITIVE_INFINITY : it.height() / c;
        return Math.min(across, down) + gap;
    }

    private static Placed box(int index, Item it, double cx, double cy, double r) {
        double x = RingGeometry.x(cx, r, it.angle());
        double y = RingGeometry.y(cy, r, it.angle());
        return new Placed(index, x - it.width() / 2, y - it.height() / 2, it.width(), it.height());
    }

    private static boolean free(Placed p, List<Placed> placed) {
        for (Placed q : placed) {
            if (p.overlaps(q)) {
                return false;
            }
        }
        return true;
    }
}

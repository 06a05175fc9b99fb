package org.kadlab.ui.ring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kadlab.ui.model.RingGeometry;

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
        /** The same label at its angle plus {@code by} radians. */
        Item turned(double by) {
            return new Item(angle + by, width, height, required);
        }
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
        return place(items, cx, cy, radius, requiredLevels, gap, null, null);
    }

    /**
     * As {@link #place(List, double, double, double, int, double)}, but no label may overlap
     * {@code keepClear} (a title drawn over the ring, say) and every label must lie wholly inside
     * {@code within} (the view's own area); either may be null for no such rule.
     */
    public static List<Placed> place(List<Item> items, double cx, double cy, double radius, int requiredLevels, double gap,
                                     Placed keepClear, Placed within) {
        return place(items, cx, cy, radius, requiredLevels, gap, keepClear, within, 0);
    }

    /**
     * As above; a required label that finds no room outward (crowded, or past the edge of
     * {@code within}) then tries inside the ring, centred at {@code innerRadius} and stepping
     * towards the centre, when {@code innerRadius} is positive.
     */
    public static List<Placed> place(List<Item> items, double cx, double cy, double radius, int requiredLevels, double gap,
                                     Placed keepClear, Placed within, double innerRadius) {
        return place(items, cx, cy, radius, requiredLevels, gap, keepClear, within, innerRadius, 0);
    }

    /**
     * As above; a required label that finds no room on its own line, outward or inward, then tries
     * beside it, up to {@code sideways} label heights along the ring either way (nearest first) at
     * each outward step, so a cluster of candidates around a target fans out instead of being left out.
     */
    public static List<Placed> place(List<Item> items, double cx, double cy, double radius, int requiredLevels, double gap,
                                     Placed keepClear, Placed within, double innerRadius, int sideways) {
        Grid grid = new Grid(items, keepClear, within);
        List<Placed> placed = new ArrayList<>();
        List<Integer> optional = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            if (!it.required()) {
                optional.add(i);
                continue;
            }
            double step = step(it, gap);
            boolean done = false;
            for (int level = 0; level < Math.max(1, requiredLevels) && !done; level++) {
                done = tryPlace(box(i, it, cx, cy, radius + level * step), grid, placed);
            }
            for (int level = 0; innerRadius > 0 && level < Math.max(1, requiredLevels) && !done; level++) {
                double r = innerRadius - level * step;
                done = r > 0 && tryPlace(box(i, it, cx, cy, r), grid, placed);
            }
            for (int level = 0; level < Math.max(1, requiredLevels) && !done; level++) {
                double r = radius + level * step;
                double along = (it.height() + gap) / r; // one label height along the ring, in radians
                for (int side = 1; side <= sideways && !done; side++) {
                    done = tryPlace(box(i, it.turned(side * along), cx, cy, r), grid, placed)
                            || tryPlace(box(i, it.turned(-side * along), cx, cy, r), grid, placed);
                }
            }
        }
        optional.sort(Comparator.comparingDouble(i -> items.get(i).angle()));
        for (int i : optional) {
            Placed p = box(i, items.get(i), cx, cy, radius);
            if (grid.free(p)) {
                grid.add(p);
                placed.add(p);
            }
        }
        return placed;
    }

    private static boolean tryPlace(Placed p, Grid grid, List<Placed> placed) {
        if (!grid.free(p)) {
            return false;
        }
        grid.add(p);
        placed.add(p);
        return true;
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

    /**
     * The placed boxes bucketed by cell, a cell as large as the largest label, so a box can only
     * overlap boxes whose top-left corner lies in its own cell or a neighbouring one.
     */
    private static final class Grid {
        private final double cellW;
        private final double cellH;
        private final Placed keepClear;
        private final Placed within;
        private final java.util.Map<Long, List<Placed>> cells = new java.util.HashMap<>();

        Grid(List<Item> items, Placed keepClear, Placed within) {
            double w = 1;
            double h = 1;
            for (Item it : items) {
                w = Math.max(w, it.width());
                h = Math.max(h, it.height());
            }
            this.cellW = w;
            this.cellH = h;
            this.keepClear = keepClear;
            this.within = within;
        }

        boolean free(Placed p) {
            if (keepClear != null && p.overlaps(keepClear)) {
                return false;
            }
            if (within != null && (p.x() < within.x() || p.y() < within.y() || p.x() + p.width() > within.x() + within.width()
                    || p.y() + p.height() > within.y() + within.height())) {
                return false;
            }
            long cx = (long) Math.floor(p.x() / cellW);
            long cy = (long) Math.floor(p.y() / cellH);
            for (long dx = -1; dx <= 1; dx++) {
                for (long dy = -1; dy <= 1; dy++) {
                    List<Placed> in = cells.get(key(cx + dx, cy + dy));
                    if (in == null) {
                        continue;
                    }
                    for (Placed q : in) {
                        if (p.overlaps(q)) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }

        void add(Placed p) {
            long cx = (long) Math.floor(p.x() / cellW);
            long cy = (long) Math.floor(p.y() / cellH);
            cells.computeIfAbsent(key(cx, cy), k -> new ArrayList<>(2)).add(p);
        }

        private static long key(long x, long y) {
            return (x << 32) ^ (y & 0xffffffffL);
        }
    }
}

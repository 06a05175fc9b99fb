package org.kadlab.ui.stats;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.ValueAxis;

/**
 * A chart axis over {@link TimeFolds}' display units: its values are display x, its ticks and their
 * labels (clock times, and the length of each folded quiet stretch) come from the folds. It never
 * ranges itself: {@link #show} sets the folds and the bounds.
 */
public final class FoldedTimeAxis extends ValueAxis<Number> {
    /** Least room between two tick labels, in pixels. */
    static final double LABEL_GAP_PX = 8;
    private TimeFolds folds = TimeFolds.of(List.of());
    private final javafx.scene.text.Text probe = new javafx.scene.text.Text();

    public FoldedTimeAxis() {
        super(0, 1);
        setAutoRanging(false);
        setMinorTickVisible(false);
        setAnimated(false);
        setLabel("virtual time (m:ss, h:mm:ss; ~1 h~ = a quiet hour folded)");
    }

    /** Shows {@code next}: its width becomes the axis range, its ticks the axis ticks. */
    public void show(TimeFolds next) {
        folds = next;
        setLowerBound(0);
        setUpperBound(next.width());
        requestAxisLayout();
    }

    /** The folds shown. */
    public TimeFolds folds() {
        return folds;
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        return List.of();
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] r = (double[]) range;
        setLowerBound(r[0]);
        setUpperBound(r[1]);
        currentLowerBound.set(r[0]);
    }

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound()};
    }

    /**
     * The folds' ticks whose labels fit: every folded band's first, then clock times that keep
     * {@link #LABEL_GAP_PX} from every label kept and stay whole inside the axis.
     */
    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double[] r = (double[]) range;
        double scale = r[1] > r[0] ? length / (r[1] - r[0]) : 0;
        List<double[]> kept = new ArrayList<>(); // centre and half width, in pixels
        List<Number> out = new ArrayList<>();
        for (boolean folded : new boolean[] {true, false}) {
            for (TimeFolds.Tick t : folds.ticks()) {
                if (t.folded() != folded) {
                    continue;
                }
                double px = (t.x() - r[0]) * scale;
                double half = labelWidth(t.label()) / 2;
                boolean fits = folded || (px - half >= 0 && px + half <= length);
                for (double[] k : kept) {
                    fits &= Math.abs(k[0] - px) >= k[1] + half + LABEL_GAP_PX;
                }
                if (fits) {
                    kept.add(new double[] {px, half});
                    out.add(t.x());
                }
            }
        }
        out.sort((a, b) -> Double.compare(a.doubleValue(), b.doubleValue()));
        return out;
    }

    private double labelWidth(String label) {
        probe.setFont(getTickLabelFont());
        probe.setText(label);
        return probe.getLayoutBounds().getWidth();
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        return folds.labelAt(value.doubleValue());
    }
}

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
    private TimeFolds folds = TimeFolds.of(List.of());

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
        invalidateRange(List.of());
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

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        List<Number> out = new ArrayList<>();
        for (TimeFolds.Tick t : folds.ticks()) {
            out.add(t.x());
        }
        return out;
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        return folds.labelAt(value.doubleValue());
    }
}

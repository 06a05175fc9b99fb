package org.kadlab.ui.controls;

import javafx.scene.control.TextField;
import org.controlsfx.control.RangeSlider;

/**
 * Keeps the latency range slider and the two latency fields in step: dragging an end of the slider
 * writes whole milliseconds into its field; a field holding a whole number the slider can show
 * moves that end. The fields stay what the settings are parsed from, so a value beyond the slider's
 * range (or no number at all) is left to the field and its message.
 */
final class LatencyRange {
    private boolean syncing;

    void follow(RangeSlider slider, TextField min, TextField max) {
        slider.lowValueProperty().addListener((o, a, b) -> write(min, b.doubleValue()));
        slider.highValueProperty().addListener((o, a, b) -> write(max, b.doubleValue()));
        min.textProperty().addListener((o, a, b) -> read(slider, min, max));
        max.textProperty().addListener((o, a, b) -> read(slider, min, max));
    }

    private void write(TextField field, double ms) {
        if (!syncing) {
            syncing = true;
            field.setText(String.valueOf(Math.round(ms)));
            syncing = false;
        }
    }

    private void read(RangeSlider slider, TextField min, TextField max) {
        if (syncing) {
            return;
        }
        Long lo = whole(min.getText(), slider);
        Long hi = whole(max.getText(), slider);
        syncing = true;
        try {
            if (lo != null && hi != null && lo <= hi) {
                if (lo > slider.getHighValue()) {
                    slider.setHighValue(hi);
                    slider.setLowValue(lo);
                } else {
                    slider.setLowValue(lo);
                    slider.setHighValue(hi);
                }
            }
        } finally {
            syncing = false;
        }
    }

    /** The whole number in {@code text} if the slider can show it, else null. */
    private static Long whole(String text, RangeSlider slider) {
        try {
            long v = Long.parseLong(text == null ? "" : text.strip());
            return v >= slider.getMin() && v <= slider.getMax() ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package org.kadlab.ui.widgets;

import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Keeps table columns at least as wide as their header and a sample of their widest text, measured
 * in the font the table's CSS gives its headers now (so presentation mode's larger type is
 * allowed for); refits when that font changes. With a constrained resize policy the other
 * columns then give way first.
 */
public final class WholeColumns {
    /** Room for the cell's and the header's padding, in multiples of the font size. */
    private static final double PADDING_EM = 1.0;
    private final TableView<?> table;
    private final java.util.Map<TableColumn<?, ?>, java.util.function.Supplier<String>> samples = new java.util.LinkedHashMap<>();
    private final java.util.Set<Label> watched = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final javafx.scene.text.Text probe = new javafx.scene.text.Text();

    public WholeColumns(TableView<?> table) {
        this.table = table;
        table.skinProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::fit));
        table.widthProperty().addListener((o, a, b) -> {
            if (watched.isEmpty()) {
                fit();
            }
        });
        table.sceneProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::fit));
    }

    /** Keeps {@code column} wide enough for its header and for {@code sample}. */
    public void keep(TableColumn<?, ?> column, String sample) {
        keep(column, () -> sample);
    }

    /** Keeps {@code column} wide enough for its header and for the text {@code sample} gives now. */
    public void keep(TableColumn<?, ?> column, java.util.function.Supplier<String> sample) {
        samples.put(column, sample);
        fit();
    }

    /** Sets the minimum widths from the current header font (a default one until the table is styled). */
    public void fit() {
        javafx.scene.text.Font font = null;
        for (javafx.scene.Node n : table.lookupAll(".column-header .label")) {
            if (n instanceof Label l) {
                if (watched.add(l)) {
                    l.fontProperty().addListener((o, a, b) -> fit());
                }
                font = l.getFont();
            }
        }
        if (font == null) {
            font = javafx.scene.text.Font.getDefault();
        }
        for (var e : samples.entrySet()) {
            TableColumn<?, ?> c = e.getKey();
            double w = Math.max(width(c.getText(), font), width(e.getValue().get(), font)) + PADDING_EM * font.getSize();
            w = Math.ceil(w);
            if (c.getMinWidth() != w) {
                c.setMinWidth(w);
            }
            if (c.getPrefWidth() < w) {
                c.setPrefWidth(w);
            }
        }
    }

    private double width(String text, javafx.scene.text.Font font) {
        probe.setText(text == null ? "" : text);
        // bold covers headers and the bold rows (such as the k closest)
        probe.setFont(javafx.scene.text.Font.font(font.getFamily(), javafx.scene.text.FontWeight.BOLD, font.getSize()));
        return probe.getLayoutBounds().getWidth();
    }
}


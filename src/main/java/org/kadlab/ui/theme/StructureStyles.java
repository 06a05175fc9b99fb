package org.kadlab.ui.theme;

/**
 * The stylesheet of the views that teach the id space's structure: the trie, the selected bucket on
 * the ID ring, the bucket panel and the XOR rings. It uses the palette's {@code -kad-*} tokens, so
 * both themes apply; a view adds it to its own stylesheets.
 */
public final class StructureStyles {
    private StructureStyles() {
    }

    /** The structure views' stylesheet. */
    public static String stylesheet() {
        return StructureStyles.class.getResource("structure.css").toExternalForm();
    }
}

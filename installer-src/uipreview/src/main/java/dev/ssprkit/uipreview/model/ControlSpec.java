package dev.ssprkit.uipreview.model;

import dev.ssprkit.msi.model.Row;

/**
 * One Control table row, as read (installer units, not pixels). Cells that were null or of the wrong kind in a
 * foreign package are 0 or null here; {@link UiTables} reported them.
 *
 * @param row the row it came from (for findings that point at it), or null when made in code
 */
public record ControlSpec(String dialog, String name, String type, int x, int y, int width, int height, int attributes,
                          String property, String text, String next, String help, Row row) {
    public boolean has(int bit) {
        return ControlAttributes.has(attributes, bit);
    }

    /** {@code Dialog.Control}, how messages name a control. */
    public String qualifiedName() {
        return dialog + "." + name;
    }
}

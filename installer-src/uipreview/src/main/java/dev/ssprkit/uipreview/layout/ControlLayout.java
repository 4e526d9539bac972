package dev.ssprkit.uipreview.layout;

import dev.ssprkit.uipreview.model.ControlSpec;

import java.awt.Rectangle;

/**
 * A control placed in pixels: {@code bounds} is {@link InstallerUnits#toPixels} of X, Y, Width and Height, relative
 * to the dialog's client area.
 */
public record ControlLayout(ControlSpec spec, Rectangle bounds, boolean visible, boolean enabled, boolean isDefault) {
    public String name() {
        return spec.name();
    }

    public String type() {
        return spec.type() == null ? "" : spec.type();
    }

    /** Pixels of a position or size in installer units. */
    public static Rectangle pixels(int x, int y, int width, int height) {
        return new Rectangle(InstallerUnits.toPixels(x), InstallerUnits.toPixels(y), InstallerUnits.toPixels(width), InstallerUnits.toPixels(height));
    }
}

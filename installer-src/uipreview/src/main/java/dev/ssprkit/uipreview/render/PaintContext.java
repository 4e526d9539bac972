package dev.ssprkit.uipreview.render;

import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.uipreview.image.ImageException;
import dev.ssprkit.uipreview.image.Images;
import dev.ssprkit.uipreview.model.ControlSpec;
import dev.ssprkit.uipreview.model.PreviewNote;
import dev.ssprkit.uipreview.model.UiLimits;
import dev.ssprkit.uipreview.model.UserInterface;
import dev.ssprkit.uipreview.text.ControlText;
import dev.ssprkit.uipreview.text.FontResolver;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What the painters of one dialog share: the graphics, the package's UI, fonts, property values and the notes. */
final class PaintContext {
    final Graphics2D g;
    final UserInterface ui;
    final FontResolver fonts;
    final Function<String, String> property;
    final UiLimits limits;
    final String dialog;
    final List<PreviewNote> notes;
    private final Map<String, Object> images; // BufferedImage, or the reason (String) it could not be read

    PaintContext(Graphics2D g, UserInterface ui, FontResolver fonts, Function<String, String> property, UiLimits limits, String dialog,
                 List<PreviewNote> notes, Map<String, Object> images) {
        this.g = g;
        this.ui = ui;
        this.fonts = fonts;
        this.property = property;
        this.limits = limits;
        this.dialog = dialog;
        this.notes = notes;
        this.images = images;
    }

    ControlText text(String raw, boolean mnemonic, ControlSpec c) {
        ControlText t = ControlText.of(raw, ui, fonts, property, mnemonic, limits.maxTextChars());
        if (t.missingStyle() != null) note(c, "text style " + t.missingStyle() + " is not in the TextStyle table; the default font is used");
        return t;
    }

    void note(ControlSpec c, String message) {
        notes.add(new PreviewNote(dialog, c == null ? null : c.name(), message));
    }

    /** The image in a Binary row, or null (with a note) when it cannot be shown. */
    BufferedImage image(ControlSpec c, String binary, int wanted) {
        String key = binary + "@" + wanted;
        Object cached = images.get(key);
        if (cached == null) {
            cached = load(binary, wanted);
            images.put(key, cached);
        }
        if (cached instanceof String reason) {
            note(c, reason + "; a placeholder is drawn");
            return null;
        }
        return (BufferedImage) cached;
    }

    private Object load(String binary, int wanted) {
        if (binary == null || binary.isBlank()) return "the control names no Binary row";
        StreamData s = ui.binary(binary);
        if (s == null) return "Binary row " + binary + " does not exist";
        try {
            return Images.decode(Images.read(s, limits.maxStreamBytes()), wanted, limits.maxImagePixels());
        } catch (ImageException e) {
            return "Binary stream " + binary + ": " + e.getMessage();
        }
    }

    static Map<String, Object> newImageCache() {
        return new HashMap<>();
    }
}

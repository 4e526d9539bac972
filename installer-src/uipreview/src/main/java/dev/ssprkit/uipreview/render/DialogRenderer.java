package dev.ssprkit.uipreview.render;

import dev.ssprkit.uipreview.PreviewOptions;
import dev.ssprkit.uipreview.layout.ControlLayout;
import dev.ssprkit.uipreview.layout.DialogLayout;
import dev.ssprkit.uipreview.model.ControlAttributes;
import dev.ssprkit.uipreview.model.DialogSpec;
import dev.ssprkit.uipreview.model.PreviewNote;
import dev.ssprkit.uipreview.model.UserInterface;
import dev.ssprkit.uipreview.text.FontResolver;

import java.awt.AlphaComposite;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Draws a dialog's client area with Java2D, headless: the controls at their pixel positions ({@link DialogLayout}),
 * backgrounds first (bitmaps, lines and group boxes, which dialogs put under other controls), then the rest in
 * Control table order. Controls the installer would hide are left out unless {@code showHidden}; disabled ones
 * draw greyed. What cannot be drawn as the package says becomes a placeholder and a note.
 */
public final class DialogRenderer {
    private static final Set<String> UNDERLAYS = Set.of("Bitmap", "Line", "GroupBox");

    /**
     * A rendered dialog.
     *
     * @param image          the client area, or null when the dialog is too large or empty to draw
     * @param internalErrors controls whose drawing failed through a bug of ours (also in {@code notes})
     */
    public record Rendered(DialogLayout layout, BufferedImage image, List<PreviewNote> notes, int internalErrors) {}

    private final UserInterface ui;
    private final FontResolver fonts;
    private final PreviewOptions options;
    private final Function<String, String> property;
    private final Map<String, Object> images = PaintContext.newImageCache();

    public DialogRenderer(UserInterface ui, FontResolver fonts, PreviewOptions options) {
        this.ui = ui;
        this.fonts = fonts;
        this.options = options;
        this.property = name -> options.properties().containsKey(name) ? options.properties().get(name) : ui.properties().get(name);
    }

    /** The property values conditions and [Property] references see. */
    public Function<String, String> properties() {
        return property;
    }

    public Rendered render(DialogSpec dialog) {
        DialogLayout layout = DialogLayout.of(dialog, property, options.conditions(), options.limits().maxConditionChars());
        List<PreviewNote> notes = new ArrayList<>(layout.notes());
        int max = options.limits().maxDialogPixels();
        if (layout.width() <= 0 || layout.height() <= 0 || layout.width() > max || layout.height() > max) {
            notes.add(new PreviewNote(dialog.name(), null, "the dialog is " + layout.width() + " x " + layout.height()
                    + " pixels; only dialogs of 1 to " + max + " pixels each way are drawn"));
            return new Rendered(layout, null, notes, 0);
        }
        BufferedImage img = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        int internal = 0;
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
            g.setColor(Palette.FACE);
            g.fillRect(0, 0, layout.width(), layout.height());
            PaintContext p = new PaintContext(g, ui, fonts, property, options.limits(), dialog.name(), notes, images);
            for (int pass = 0; pass < 2; pass++) {
                for (ControlLayout c : layout.controls()) {
                    if (UNDERLAYS.contains(c.type()) != (pass == 0)) continue;
                    if (!c.visible() && !options.showHidden()) continue;
                    internal += paint(p, c);
                }
            }
        } finally {
            g.dispose();
        }
        return new Rendered(layout, img, notes, internal);
    }

    /** Draws one control; returns 1 when drawing it failed through a bug of ours (noted), else 0. */
    private int paint(PaintContext p, ControlLayout c) {
        Graphics2D g = p.g;
        Composite composite = g.getComposite();
        java.awt.Shape clip = g.getClip();
        try {
            if (!c.visible()) g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.45f));
            if (c.bounds().width > 0 && c.bounds().height >= 0) draw(p, c);
            return 0;
        } catch (RuntimeException e) {
            p.note(c.spec(), "internal error (a bug in ssprkit's preview, please report it) while drawing this control: " + e);
            return 1;
        } finally {
            g.setComposite(composite);
            g.setClip(clip);
            if (!c.visible()) FramePainter.hiddenOutline(g, c.bounds());
        }
    }

    private static void draw(PaintContext p, ControlLayout c) {
        switch (c.type()) {
            case "Text" -> text(p, c, false);
            case "Hyperlink" -> text(p, c, true);
            case "PushButton" -> ButtonPainter.pushButton(p, c);
            case "CheckBox" -> ButtonPainter.checkBox(p, c);
            case "RadioButtonGroup" -> ButtonPainter.radioGroup(p, c);
            case "GroupBox" -> FramePainter.groupBox(p, c);
            case "Line" -> FramePainter.line(p, c);
            case "Bitmap" -> FramePainter.bitmap(p, c);
            case "Icon" -> FramePainter.icon(p, c);
            case "ProgressBar" -> FramePainter.progressBar(p, c);
            case "Edit", "MaskedEdit", "PathEdit" -> FieldPainter.edit(p, c);
            case "ComboBox", "DirectoryCombo", "VolumeSelectCombo" -> FieldPainter.combo(p, c);
            case "ListBox", "ListView", "DirectoryList" -> FieldPainter.list(p, c);
            case "ScrollableText" -> FieldPainter.scrollableText(p, c);
            case "SelectionTree" -> FieldPainter.selectionTree(p, c);
            case "VolumeCostList" -> FieldPainter.volumeCostList(p, c);
            case "Billboard" -> FramePainter.placeholder(p.g, c.bounds(), "billboard");
            default -> {
                p.note(c.spec(), "control type " + c.type() + " is not one the SDK defines; a placeholder is drawn");
                FramePainter.placeholder(p.g, c.bounds(), c.type());
            }
        }
    }

    private static void text(PaintContext p, ControlLayout c, boolean link) {
        var s = c.spec();
        var t = p.text(link ? dev.ssprkit.uipreview.text.TextFit.stripTags(s.text()) : s.text(), !link && !s.has(ControlAttributes.NO_PREFIX), s);
        if (!s.has(ControlAttributes.TRANSPARENT)) {
            p.g.setColor(Palette.FACE);
            p.g.fillRect(c.bounds().x, c.bounds().y, c.bounds().width, c.bounds().height);
        }
        java.awt.Color color = !c.enabled() ? Palette.GRAY_TEXT : link ? Palette.LINK : t.font().color() != null ? t.font().color() : Palette.TEXT;
        var font = link ? t.font().font().deriveFont(Map.of(java.awt.font.TextAttribute.UNDERLINE, java.awt.font.TextAttribute.UNDERLINE_ON)) : null;
        var shown = font == null ? t : new dev.ssprkit.uipreview.text.ControlText(t.shown(), -1,
                new dev.ssprkit.uipreview.text.ResolvedFont(t.font().styleName(), t.font().requested(), t.font().family(), t.font().substituted(), font, t.font().color()), null);
        TextPainter.Align align = s.has(ControlAttributes.RIGHT_ALIGNED) ? TextPainter.Align.RIGHT : TextPainter.Align.LEFT;
        TextPainter.draw(p.g, shown, c.bounds(), !s.has(ControlAttributes.NO_WRAP), align, false, color);
    }
}

package dev.ssprkit.uipreview.text;

import dev.ssprkit.uipreview.layout.ControlGeometry;
import dev.ssprkit.uipreview.layout.ControlLayout;
import dev.ssprkit.uipreview.layout.InstallerUnits;
import dev.ssprkit.uipreview.model.ChoiceSpec;
import dev.ssprkit.uipreview.model.ControlAttributes;
import dev.ssprkit.uipreview.model.ControlSpec;
import dev.ssprkit.uipreview.model.UserInterface;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Whether the labels of a control fit the space it gives them, measured in the font its text style resolves to
 * ({@link TextMeasure}, the renderer's own measurements): a Text control's wrapped lines (or its one line with
 * NoWrap) down to the last baseline, a push button's one line, a check box's or radio button's wrapped label beside
 * its mark, a group box's caption. Image buttons and controls without text have nothing to check.
 */
public final class TextFit {
    /**
     * One label.
     *
     * @param label what it is ("text", "radio button 2 (Order 2)", "caption")
     * @param area  the pixels the label may use
     */
    public record Check(String label, boolean fits, Rectangle area, TextBlock block, ControlText text) {}

    private TextFit() {}

    public static List<Check> check(ControlLayout layout, UserInterface ui, FontResolver fonts, Function<String, String> property, int maxChars) {
        ControlSpec c = layout.spec();
        Rectangle b = layout.bounds();
        List<Check> out = new ArrayList<>();
        boolean image = c.has(ControlAttributes.BITMAP) || c.has(ControlAttributes.ICON);
        switch (layout.type()) {
            case "Text" -> {
                ControlText t = ControlText.of(c.text(), ui, fonts, property, !c.has(ControlAttributes.NO_PREFIX), maxChars);
                out.add(block("text", t, b, !c.has(ControlAttributes.NO_WRAP)));
            }
            case "Hyperlink" -> {
                ControlText t = ControlText.of(stripTags(c.text()), ui, fonts, property, false, maxChars);
                out.add(block("text", t, b, true));
            }
            case "PushButton" -> {
                if (!image) out.add(line("label", ControlText.of(c.text(), ui, fonts, property, true, maxChars), ControlGeometry.buttonLabel(b, c.has(ControlAttributes.ELEVATION_SHIELD))));
            }
            case "CheckBox" -> {
                if (image) break;
                ControlText t = ControlText.of(c.text(), ui, fonts, property, true, maxChars);
                out.add(c.has(ControlAttributes.PUSH_LIKE) ? line("label", t, ControlGeometry.buttonLabel(b, false)) : block("label", t, ControlGeometry.checkLabel(b), true));
            }
            case "GroupBox" -> {
                ControlText t = ControlText.of(c.text(), ui, fonts, property, true, maxChars);
                out.add(line("caption", t, new Rectangle(b.x + ControlGeometry.GROUP_CAPTION_INDENT, b.y, Math.max(0, b.width - 2 * ControlGeometry.GROUP_CAPTION_INDENT), b.height)));
            }
            case "RadioButtonGroup" -> {
                for (ChoiceSpec r : ui.choices("RadioButton", c.property())) {
                    if (image) break;
                    ControlText t = ControlText.of(r.text(), ui, fonts, property, true, maxChars);
                    Rectangle rb = radioButton(b, r);
                    String label = "radio button " + (r.value() == null ? "" : '"' + r.value() + "\" ") + "(Order " + r.order() + ")";
                    out.add(c.has(ControlAttributes.PUSH_LIKE) ? line(label, t, ControlGeometry.buttonLabel(rb, false)) : block(label, t, ControlGeometry.checkLabel(rb), true));
                }
            }
            default -> { }
        }
        out.removeIf(check -> check.text().shown().isBlank());
        return out;
    }

    /** A radio button's rectangle: the group's pixel position plus the button's own, each scaled separately as Windows does. */
    public static Rectangle radioButton(Rectangle group, ChoiceSpec r) {
        return new Rectangle(group.x + InstallerUnits.toPixels(r.x()), group.y + InstallerUnits.toPixels(r.y()),
                InstallerUnits.toPixels(r.width()), InstallerUnits.toPixels(r.height()));
    }

    /** The text of a Hyperlink control without its {@code <a href=...>} markup. */
    public static String stripTags(String s) {
        return s == null ? null : s.replaceAll("<[^<>]{0,2048}>", "");
    }

    private static Check block(String label, ControlText t, Rectangle area, boolean wrap) {
        TextBlock block = TextMeasure.layout(t.font().font(), t.shown(), area.width, wrap);
        boolean fits = !block.tooWide() && block.readableHeight() <= area.height;
        return new Check(label, fits, area, block, t);
    }

    private static Check line(String label, ControlText t, Rectangle area) {
        TextBlock block = TextMeasure.layout(t.font().font(), t.shown().replaceAll("\r\n|\n|\r", " "), area.width, false);
        boolean fits = !block.tooWide() && block.readableHeight() <= area.height;
        return new Check(label, fits, area, block, t);
    }
}

package dev.ssprkit.uipreview.check;

import dev.ssprkit.msi.model.Database;
import dev.ssprkit.uipreview.PreviewOptions;
import dev.ssprkit.uipreview.layout.ControlGeometry;
import dev.ssprkit.uipreview.layout.ControlLayout;
import dev.ssprkit.uipreview.layout.DialogLayout;
import dev.ssprkit.uipreview.model.ControlAttributes;
import dev.ssprkit.uipreview.model.ControlConditionSpec;
import dev.ssprkit.uipreview.model.DialogSpec;
import dev.ssprkit.uipreview.model.UiTables;
import dev.ssprkit.uipreview.model.UserInterface;
import dev.ssprkit.uipreview.text.ControlText;
import dev.ssprkit.uipreview.text.FontResolver;
import dev.ssprkit.uipreview.text.TextMeasure;
import dev.ssprkit.uipreview.text.TextFit;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks the dialogs of a package for what a reviewer would otherwise only see on Windows:
 * <ul>
 *   <li>a control reaching outside its dialog (installer units, as the rows say);</li>
 *   <li>text that does not fit its control, measured with the font metrics the preview draws with
 *       ({@link TextFit}; a face not installed here is measured with its stand-in, which the finding says), except
 *       where an EventMapping row replaces the text while the dialog shows;</li>
 *   <li>two controls covering the same pixels while both show. Allowed, because dialogs are built that way:
 *       bitmaps, lines and group boxes under other controls, and controls that a ControlCondition row shows or
 *       hides or whose Attributes hide them (alternatives stacked in one place, only one of which shows), an
 *       error dialog's A/C/I/N/O/R/Y buttons, the dropped-down list of a combo box (only its closed field counts),
 *       the part of a static text's rectangle its text does not reach, and rectangles that only touch in installer
 *       units (rounding each coordinate to pixels can make them share a row);</li>
 *   <li>what the keyboard cannot do: {@link KeyboardCheck}.</li>
 * </ul>
 * Every finding names the dialog and the control. No files are written.
 */
public final class LayoutCheck {
    /** Control types other controls are placed on top of. */
    private static final Set<String> UNDERLAYS = Set.of("Bitmap", "Line", "GroupBox", "Billboard");
    /** Combo boxes: the Control row's Height includes the dropped-down list, which covers what is below when open. */
    private static final Set<String> COMBOS = Set.of("ComboBox", "DirectoryCombo", "VolumeSelectCombo");
    /**
     * The push buttons of an error dialog (SDK "Error Dialog": A Abort, C Cancel, I Ignore, N No, O OK, R Retry,
     * Y Yes), which the installer shows only as the message needs, so they may share one place.
     */
    private static final Set<String> ERROR_BUTTONS = Set.of("A", "C", "I", "N", "O", "R", "Y");

    private LayoutCheck() {}

    public static List<LayoutFinding> check(Database db, PreviewOptions options) {
        UserInterface ui = UiTables.read(db, options.limits());
        return check(ui, new FontResolver(), options);
    }

    public static List<LayoutFinding> check(UserInterface ui, FontResolver fonts, PreviewOptions options) {
        Function<String, String> property = name -> options.properties().containsKey(name) ? options.properties().get(name) : ui.properties().get(name);
        List<LayoutFinding> out = new ArrayList<>();
        for (DialogSpec dialog : ui.dialogs().values()) {
            DialogLayout layout = DialogLayout.of(dialog, property, false, options.limits().maxConditionChars());
            for (ControlLayout c : layout.controls()) {
                String outside = DialogLayout.outside(dialog, c.spec());
                if (outside != null) out.add(new LayoutFinding(LayoutFinding.Kind.OUTSIDE_DIALOG, dialog.name(), c.name(), null, outside));
                if (ui.textSetByEvent(dialog.name(), c.name())) continue; // its text at run time is not in the package
                for (TextFit.Check t : TextFit.check(c, ui, fonts, property, options.limits().maxTextChars())) {
                    if (!t.fits()) out.add(new LayoutFinding(LayoutFinding.Kind.TEXT_DOES_NOT_FIT, dialog.name(), c.name(), null, describe(t)));
                }
            }
            overlaps(dialog, layout, ui, fonts, property, options.limits().maxTextChars(), out);
            KeyboardCheck.check(dialog, out);
        }
        return out;
    }

    private static Rectangle units(ControlLayout c) {
        return new Rectangle(c.spec().x(), c.spec().y(), c.spec().width(), c.spec().height());
    }

    /**
     * The pixels a control really covers: a combo box's closed field; a static text's lines as drawn (its rectangle
     * is often larger than its text, and dialogs let such rectangles overlap where no text is); else its rectangle.
     */
    private static Rectangle usedArea(ControlLayout c, UserInterface ui, FontResolver fonts, Function<String, String> property, int maxChars) {
        Rectangle b = c.bounds();
        if (COMBOS.contains(c.type())) {
            return ControlGeometry.closedCombo(b, TextMeasure.lineHeight(ControlText.of("", ui, fonts, property, false, maxChars).font().font()));
        }
        if (!c.type().equals("Text") || ui.textSetByEvent(c.spec().dialog(), c.name())) return b;
        List<TextFit.Check> text = TextFit.check(c, ui, fonts, property, maxChars);
        if (text.isEmpty()) return new Rectangle(b.x, b.y, 0, 0);
        var block = text.get(0).block();
        int w = Math.min(b.width, block.width()), h = Math.min(b.height, block.height());
        int x = c.spec().has(ControlAttributes.RIGHT_ALIGNED) ? b.x + b.width - w : b.x;
        return new Rectangle(x, b.y, w, h);
    }

    private static String describe(TextFit.Check t) {
        var font = t.text().font();
        String shown = t.text().shown();
        if (shown.length() > 60) shown = shown.substring(0, 57) + "...";
        String need = t.block().tooWide() ? "a word (or its one line) is wider than the " + t.area().width + " pixels it has"
                : "it needs " + t.block().readableHeight() + " pixels of height (" + t.block().lines().size() + " lines) and has " + t.area().height;
        return "the " + t.label() + " \"" + shown + "\" does not fit: " + need + ", measured in " + font.pixelSize() + "-pixel " + font.family()
                + (font.substituted() ? " (standing in for " + font.requested() + ", which is not installed here)" : "")
                + "; make the control larger or the text shorter";
    }

    private static void overlaps(DialogSpec dialog, DialogLayout layout, UserInterface ui, FontResolver fonts, Function<String, String> property,
                                 int maxChars, List<LayoutFinding> out) {
        Set<String> conditional = new HashSet<>();
        for (ControlConditionSpec c : dialog.conditions()) {
            if ("Show".equals(c.action()) || "Hide".equals(c.action())) conditional.add(c.control());
        }
        boolean errorDialog = (dialog.attributes() & DialogSpec.ERROR_DIALOG) != 0;
        List<ControlLayout> shown = new ArrayList<>();
        List<Rectangle> areas = new ArrayList<>();
        for (ControlLayout c : layout.controls()) {
            if (UNDERLAYS.contains(c.type()) || conditional.contains(c.name()) || !c.spec().has(ControlAttributes.VISIBLE)) continue;
            if (c.bounds().width <= 0 || c.bounds().height <= 0) continue;
            shown.add(c);
            areas.add(usedArea(c, ui, fonts, property, maxChars));
        }
        for (int i = 0; i < shown.size(); i++) {
            for (int j = i + 1; j < shown.size(); j++) {
                ControlLayout a = shown.get(i), b = shown.get(j);
                if (errorDialog && ERROR_BUTTONS.contains(a.name()) && ERROR_BUTTONS.contains(b.name())) continue;
                // in installer units first: controls that only touch there may share a pixel row once each
                // coordinate is rounded on its own
                if (!units(a).intersects(units(b))) continue;
                Rectangle both = areas.get(i).intersection(areas.get(j));
                if (both.isEmpty()) continue;
                out.add(new LayoutFinding(LayoutFinding.Kind.OVERLAP, dialog.name(), b.name(), a.name(), "covers " + both.width + " x " + both.height
                        + " pixels of control " + a.name() + " at (" + both.x + ", " + both.y + "), and both show at the same time; "
                        + "move one, or show only one of them with a ControlCondition"));
            }
        }
    }
}

package dev.ssprkit.uipreview.render;

import dev.ssprkit.uipreview.layout.ControlGeometry;
import dev.ssprkit.uipreview.layout.ControlLayout;
import dev.ssprkit.uipreview.model.ChoiceSpec;
import dev.ssprkit.uipreview.model.ControlAttributes;
import dev.ssprkit.uipreview.model.ControlSpec;
import dev.ssprkit.uipreview.model.FeatureSpec;
import dev.ssprkit.uipreview.text.ControlText;
import dev.ssprkit.uipreview.text.RtfText;
import dev.ssprkit.uipreview.text.TextMeasure;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Controls with a white field: edits, combo boxes, lists, scrollable text, the selection tree and the volume list. */
final class FieldPainter {
    private static final int MAX_TREE_ROWS = 200;

    private FieldPainter() {}

    /** A sunken white field; returns the inside. */
    static Rectangle field(PaintContext p, ControlLayout c) {
        Rectangle b = c.bounds();
        p.g.setColor(c.enabled() ? Palette.WINDOW : Palette.FACE);
        p.g.fillRect(b.x, b.y, b.width, b.height);
        p.g.setColor(Palette.FIELD_BORDER);
        p.g.drawRect(b.x, b.y, Math.max(0, b.width - 1), Math.max(0, b.height - 1));
        return ControlGeometry.inside(b);
    }

    /** Edit, MaskedEdit, PathEdit: the property's value (through the property it names, with Indirect). */
    static void edit(PaintContext p, ControlLayout c) {
        Rectangle in = field(p, c);
        ControlSpec s = c.spec();
        String value = value(p, s);
        if (s.has(ControlAttributes.PASSWORD)) value = "\u25cf".repeat(Math.min(value.length(), 64));
        ControlText t = p.text(value, false, s);
        Rectangle area = new Rectangle(in.x + 1, in.y, Math.max(0, in.width - 2), in.height);
        TextPainter.draw(p.g, t, area, s.has(ControlAttributes.MULTILINE), TextPainter.Align.LEFT, !s.has(ControlAttributes.MULTILINE), textColor(c));
    }

    /** ComboBox, DirectoryCombo, VolumeSelectCombo: the current value and a drop-down button. */
    static void combo(PaintContext p, ControlLayout c) {
        ControlSpec s = c.spec();
        // a combo box's Height includes its dropped-down list; closed, it is one line of text high
        Rectangle b = c.bounds();
        Rectangle closed = ControlGeometry.closedCombo(b, TextMeasure.lineHeight(p.text("", false, s).font().font()));
        Rectangle in = field(p, new ControlLayout(s, closed, c.visible(), c.enabled(), c.isDefault()));
        String shown = switch (c.type()) {
            case "DirectoryCombo" -> "C:\\";
            case "VolumeSelectCombo" -> "C:";
            default -> comboText(p, s);
        };
        int button = Math.min(ControlGeometry.SCROLLBAR, in.width);
        Rectangle text = new Rectangle(in.x + 2, in.y, Math.max(0, in.width - button - 3), in.height);
        TextPainter.draw(p.g, p.text(shown, false, s), text, false, TextPainter.Align.LEFT, true, textColor(c));
        p.g.setColor(Palette.BUTTON);
        p.g.fillRect(in.x + in.width - button, in.y, button, in.height);
        p.g.setColor(Palette.TEXT);
        int cx = in.x + in.width - button / 2, cy = in.y + in.height / 2;
        p.g.fillPolygon(new int[] {cx - 4, cx + 4, cx}, new int[] {cy - 2, cy - 2, cy + 2}, 3);
    }

    private static String comboText(PaintContext p, ControlSpec s) {
        String value = value(p, s);
        for (ChoiceSpec item : p.ui.choices("ComboBox", s.property())) {
            if (value.equals(item.value())) return item.text() == null ? value : item.text();
        }
        return value;
    }

    /** ListBox and ListView (items from their tables, the selected one highlighted) and DirectoryList (a stand-in row). */
    static void list(PaintContext p, ControlLayout c) {
        Rectangle in = field(p, c);
        ControlSpec s = c.spec();
        String table = c.type().equals("ListView") ? "ListView" : "ListBox";
        List<ChoiceSpec> items = new ArrayList<>(c.type().equals("DirectoryList") ? List.of() : p.ui.choices(table, s.property()));
        if (s.has(ControlAttributes.SORTED)) items.sort(Comparator.comparing(i -> i.text() == null ? "" : i.text()));
        String value = value(p, s);
        ControlText sample = p.text("Ag", false, s);
        int row = TextMeasure.lineHeight(sample.font().font()) + 2;
        int y = in.y;
        if (c.type().equals("DirectoryList")) {
            folder(p, in.x + 2, y + (row - 12) / 2);
            TextPainter.draw(p.g, p.text("(folders of the chosen path)", false, s), new Rectangle(in.x + 20, y, in.width - 20, row), false,
                    TextPainter.Align.LEFT, true, Palette.GRAY_TEXT);
            return;
        }
        java.awt.Shape clip = p.g.getClip();
        p.g.clipRect(in.x, in.y, in.width, in.height);
        for (ChoiceSpec item : items) {
            if (y > in.y + in.height) break;
            boolean selected = value.equals(item.value());
            if (selected) {
                p.g.setColor(Palette.SELECTION);
                p.g.fillRect(in.x, y, in.width, row);
            }
            int x = in.x + 2;
            if (item.binary() != null) {
                BufferedImage img = p.image(s, item.binary(), 16);
                FramePainter.drawImage(p.g, img, new Rectangle(x, y + (row - 16) / 2, 16, 16), false);
                x += 20;
            }
            TextPainter.draw(p.g, p.text(item.text() == null ? item.value() : item.text(), false, s), new Rectangle(x, y, in.x + in.width - x, row),
                    false, TextPainter.Align.LEFT, true, selected ? Color.WHITE : textColor(c));
            y += row;
        }
        p.g.setClip(clip);
    }

    /** ScrollableText: the RTF's plain text in the default font, with a scroll bar. */
    static void scrollableText(PaintContext p, ControlLayout c) {
        Rectangle in = field(p, c);
        ControlSpec s = c.spec();
        RtfText.Result rtf = RtfText.plainText(s.text(), p.limits.maxRtfChars());
        rtf.problems().forEach(m -> p.note(s, m));
        int bar = Math.min(ControlGeometry.SCROLLBAR, in.width);
        scrollBar(p, new Rectangle(in.x + in.width - bar, in.y, bar, in.height));
        String text = rtf.text().length() > p.limits.maxTextChars() ? rtf.text().substring(0, p.limits.maxTextChars()) : rtf.text();
        ControlText t = p.text("", false, s); // the default font; the RTF's own fonts are not followed
        Rectangle area = new Rectangle(in.x + 3, in.y + 1, Math.max(0, in.width - bar - 6), Math.max(0, in.height - 2));
        TextPainter.draw(p.g, new ControlText(text, -1, t.font(), null), area, true, TextPainter.Align.LEFT, false, textColor(c));
    }

    /** SelectionTree: the features the tree would list (Display not 0), expanded as Display says, with state icons. */
    static void selectionTree(PaintContext p, ControlLayout c) {
        Rectangle in = field(p, c);
        ControlSpec s = c.spec();
        Map<String, List<FeatureSpec>> children = new HashMap<>();
        for (FeatureSpec f : p.ui.features()) {
            if (f.display() == 0) continue;
            children.computeIfAbsent(f.parent() == null || f.parent().equals(f.feature()) ? "" : f.parent(), k -> new ArrayList<>()).add(f);
        }
        children.values().forEach(l -> l.sort(Comparator.comparingInt(FeatureSpec::display)));
        ControlText sample = p.text("Ag", false, s);
        int row = Math.max(18, TextMeasure.lineHeight(sample.font().font()) + 4);
        List<Object[]> rows = new ArrayList<>();
        flatten(children, "", 0, rows, new java.util.HashSet<>());
        java.awt.Shape clip = p.g.getClip();
        p.g.clipRect(in.x, in.y, in.width, in.height);
        int y = in.y + 1;
        for (Object[] r : rows) {
            if (y > in.y + in.height) break;
            FeatureSpec f = (FeatureSpec) r[0];
            int x = in.x + 2 + 16 * (int) r[1];
            boolean hasChildren = children.containsKey(f.feature());
            if (hasChildren) {
                p.g.setColor(Palette.SHADOW);
                p.g.drawRect(x, y + row / 2 - 4, 8, 8);
                p.g.setColor(Palette.TEXT);
                p.g.drawLine(x + 2, y + row / 2, x + 6, y + row / 2);
                if (f.display() % 2 == 0) p.g.drawLine(x + 4, y + row / 2 - 2, x + 4, y + row / 2 + 2);
            }
            drive(p, x + 11, y + (row - 12) / 2);
            String title = f.title() == null ? f.feature() : f.title();
            TextPainter.draw(p.g, p.text(title, false, s), new Rectangle(x + 36, y, Math.max(0, in.x + in.width - x - 36), row), false,
                    TextPainter.Align.LEFT, true, textColor(c));
            y += row;
        }
        if (rows.isEmpty()) {
            TextPainter.draw(p.g, p.text("(no features to show)", false, s), new Rectangle(in.x + 3, in.y, in.width - 6, row), false,
                    TextPainter.Align.LEFT, true, Palette.GRAY_TEXT);
        }
        p.g.setClip(clip);
    }

    private static void flatten(Map<String, List<FeatureSpec>> children, String parent, int depth, List<Object[]> out, java.util.Set<String> seen) {
        for (FeatureSpec f : children.getOrDefault(parent, List.of())) {
            if (out.size() >= MAX_TREE_ROWS || !seen.add(f.feature())) return;
            out.add(new Object[] {f, depth});
            if (f.display() % 2 == 1 && depth < 16) flatten(children, f.feature(), depth + 1, out, seen);
        }
    }

    /** VolumeCostList: the column headings (UIText VolumeCost*) and one stand-in volume. */
    static void volumeCostList(PaintContext p, ControlLayout c) {
        Rectangle in = field(p, c);
        ControlSpec s = c.spec();
        String[] keys = {"VolumeCostVolume", "VolumeCostSize", "VolumeCostAvailable", "VolumeCostRequired", "VolumeCostDifference"};
        String[] fallback = {"Volume", "Disk Size", "Available", "Required", "Difference"};
        int[] widths = {30, 20, 20, 15, 15};
        ControlText sample = p.text("Ag", false, s);
        int row = TextMeasure.lineHeight(sample.font().font()) + 4;
        int x = in.x;
        p.g.setColor(Palette.FACE);
        p.g.fillRect(in.x, in.y, in.width, row);
        for (int i = 0; i < keys.length; i++) {
            int w = in.width * widths[i] / 100;
            String heading = p.ui.uiText(keys[i]) != null ? p.ui.uiText(keys[i]) : fallback[i];
            TextPainter.draw(p.g, p.text(heading, false, s), new Rectangle(x + 3, in.y, Math.max(0, w - 6), row), false, TextPainter.Align.LEFT, true, textColor(c));
            TextPainter.draw(p.g, p.text(i == 0 ? "C:" : "\u2014", false, s), new Rectangle(x + 3, in.y + row, Math.max(0, w - 6), row), false,
                    TextPainter.Align.LEFT, true, textColor(c));
            p.g.setColor(Palette.SHADOW);
            p.g.drawLine(x + w - 1, in.y, x + w - 1, in.y + row - 1);
            x += w;
        }
        p.g.setColor(Palette.SHADOW);
        p.g.drawLine(in.x, in.y + row - 1, in.x + in.width - 1, in.y + row - 1);
    }

    private static void scrollBar(PaintContext p, Rectangle r) {
        p.g.setColor(new Color(240, 240, 240));
        p.g.fillRect(r.x, r.y, r.width, r.height);
        p.g.setColor(new Color(205, 205, 205));
        p.g.fillRect(r.x + 2, r.y + r.width, Math.max(0, r.width - 4), Math.max(0, Math.min(r.height / 3, r.height - 2 * r.width)));
        p.g.setColor(new Color(96, 96, 96));
        int cx = r.x + r.width / 2;
        p.g.fillPolygon(new int[] {cx - 4, cx + 4, cx}, new int[] {r.y + 10, r.y + 10, r.y + 6}, 3);
        p.g.fillPolygon(new int[] {cx - 4, cx + 4, cx}, new int[] {r.y + r.height - 10, r.y + r.height - 10, r.y + r.height - 6}, 3);
    }

    private static void folder(PaintContext p, int x, int y) {
        p.g.setColor(new Color(230, 190, 80));
        p.g.fillRect(x, y + 2, 14, 10);
        p.g.fillRect(x, y, 6, 3);
    }

    private static void drive(PaintContext p, int x, int y) {
        p.g.setColor(new Color(120, 120, 130));
        p.g.fillRect(x, y + 3, 18, 8);
        p.g.setColor(new Color(80, 200, 80));
        p.g.fillRect(x + 13, y + 7, 3, 2);
    }

    /** A control's property value; with Indirect, the value of the property its property names. Unknown: as written. */
    static String value(PaintContext p, ControlSpec s) {
        if (s.property() == null) return "";
        String v = p.property.apply(s.property());
        if (s.has(ControlAttributes.INDIRECT)) {
            if (v == null) return "[" + s.property() + "]";
            String target = p.property.apply(v);
            return target == null ? "[" + v + "]" : target;
        }
        return v == null ? "" : v;
    }

    private static Color textColor(ControlLayout c) {
        return c.enabled() ? Palette.TEXT : Palette.GRAY_TEXT;
    }
}

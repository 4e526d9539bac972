package dev.ssprkit.uipreview.render;

import dev.ssprkit.uipreview.layout.ControlGeometry;
import dev.ssprkit.uipreview.layout.ControlLayout;
import dev.ssprkit.uipreview.model.ChoiceSpec;
import dev.ssprkit.uipreview.model.ControlAttributes;
import dev.ssprkit.uipreview.model.ControlSpec;
import dev.ssprkit.uipreview.text.ControlText;
import dev.ssprkit.uipreview.text.TextFit;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Push buttons, check boxes and radio button groups. */
final class ButtonPainter {
    private ButtonPainter() {}

    static void pushButton(PaintContext p, ControlLayout c) {
        Rectangle b = c.bounds();
        ControlSpec s = c.spec();
        face(p.g, b, c.isDefault());
        if (s.has(ControlAttributes.BITMAP) || s.has(ControlAttributes.ICON)) {
            image(p, s, new Rectangle(b.x + 3, b.y + 3, b.width - 6, b.height - 6));
            return;
        }
        boolean shield = s.has(ControlAttributes.ELEVATION_SHIELD);
        Rectangle label = ControlGeometry.buttonLabel(b, shield);
        ControlText t = p.text(s.text(), true, s);
        if (shield) {
            int textWidth = Math.min(label.width, dev.ssprkit.uipreview.text.TextMeasure.width(t.font().font(), t.shown()));
            int left = label.x + (label.width - textWidth) / 2 - ControlGeometry.SHIELD_SIZE - ControlGeometry.SHIELD_GAP;
            shield(p.g, Math.max(b.x + 2, left), b.y + (b.height - ControlGeometry.SHIELD_SIZE) / 2);
        }
        TextPainter.draw(p.g, t, label, false, TextPainter.Align.CENTER, true, c.enabled() ? Palette.TEXT : Palette.GRAY_TEXT);
    }

    static void face(Graphics2D g, Rectangle b, boolean isDefault) {
        g.setColor(Palette.BUTTON);
        g.fillRect(b.x, b.y, b.width, b.height);
        g.setColor(isDefault ? Palette.DEFAULT_BORDER : Palette.BUTTON_BORDER);
        g.drawRect(b.x, b.y, b.width - 1, b.height - 1);
        if (isDefault) g.drawRect(b.x + 1, b.y + 1, b.width - 3, b.height - 3);
    }

    /** The UAC shield: a small blue and yellow shield. */
    static void shield(Graphics2D g, int x, int y) {
        Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Polygon p = new Polygon(new int[] {x + 8, x + 15, x + 14, x + 8, x + 2, x + 1}, new int[] {y + 1, y + 3, y + 10, y + 15, y + 10, y + 3}, 6);
        g.setColor(new Color(40, 90, 190));
        g.fillPolygon(p);
        g.setColor(new Color(250, 200, 40));
        g.fillPolygon(new int[] {x + 8, x + 14, x + 13, x + 8}, new int[] {y + 2, y + 4, y + 8, y + 8}, 4);
        g.fillPolygon(new int[] {x + 8, x + 3, x + 4, x + 8}, new int[] {y + 8, y + 8, y + 11, y + 14}, 4);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
    }

    static void checkBox(PaintContext p, ControlLayout c) {
        ControlSpec s = c.spec();
        // checked while the property has a value; checking it sets the CheckBox table's value (SDK: CheckBox control)
        String value = s.property() == null ? null : p.property.apply(s.property());
        boolean checked = value != null && !value.isEmpty();
        if (s.has(ControlAttributes.PUSH_LIKE)) {
            face(p.g, c.bounds(), false);
            TextPainter.draw(p.g, p.text(s.text(), true, s), ControlGeometry.buttonLabel(c.bounds(), false), false, TextPainter.Align.CENTER, true, labelColor(c));
            return;
        }
        Rectangle box = ControlGeometry.checkMark(c.bounds());
        p.g.setColor(Palette.WINDOW);
        p.g.fillRect(box.x, box.y, box.width, box.height);
        p.g.setColor(Palette.DARK_SHADOW);
        p.g.drawRect(box.x, box.y, box.width - 1, box.height - 1);
        if (checked) {
            p.g.setStroke(new BasicStroke(2f));
            p.g.setColor(Palette.TEXT);
            p.g.drawPolyline(new int[] {box.x + 3, box.x + 5, box.x + 10}, new int[] {box.y + 6, box.y + 9, box.y + 3}, 3);
            p.g.setStroke(new BasicStroke(1f));
        }
        if (s.has(ControlAttributes.BITMAP) || s.has(ControlAttributes.ICON)) {
            image(p, s, ControlGeometry.checkLabel(c.bounds()));
            return;
        }
        TextPainter.draw(p.g, p.text(s.text(), true, s), ControlGeometry.checkLabel(c.bounds()), true, TextPainter.Align.LEFT, true, labelColor(c));
    }

    static void radioGroup(PaintContext p, ControlLayout c) {
        ControlSpec s = c.spec();
        Rectangle b = c.bounds();
        if (s.has(ControlAttributes.HAS_BORDER)) FramePainter.groupFrame(p, c, s.text());
        String value = s.property() == null ? null : p.property.apply(s.property());
        if (p.ui.choices("RadioButton", s.property()).isEmpty()) p.note(s, "the RadioButton table has no buttons for property " + s.property());
        for (ChoiceSpec r : p.ui.choices("RadioButton", s.property())) {
            Rectangle rb = TextFit.radioButton(b, r);
            boolean selected = value != null && value.equals(r.value());
            if (s.has(ControlAttributes.PUSH_LIKE)) {
                face(p.g, rb, selected);
                TextPainter.draw(p.g, p.text(r.text(), true, s), ControlGeometry.buttonLabel(rb, false), false, TextPainter.Align.CENTER, true, labelColor(c));
                continue;
            }
            Rectangle mark = ControlGeometry.checkMark(rb);
            Object aa = p.g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
            p.g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            p.g.setColor(Palette.WINDOW);
            p.g.fillOval(mark.x, mark.y, mark.width - 1, mark.height - 1);
            p.g.setColor(Palette.DARK_SHADOW);
            p.g.drawOval(mark.x, mark.y, mark.width - 1, mark.height - 1);
            if (selected) {
                p.g.setColor(Palette.TEXT);
                p.g.fillOval(mark.x + 3, mark.y + 3, mark.width - 7, mark.height - 7);
            }
            p.g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
            if (s.has(ControlAttributes.BITMAP) || s.has(ControlAttributes.ICON)) {
                BufferedImage img = p.image(s, r.text(), Math.min(rb.width, rb.height));
                FramePainter.drawImage(p.g, img, ControlGeometry.checkLabel(rb), true);
                continue;
            }
            TextPainter.draw(p.g, p.text(r.text(), true, s), ControlGeometry.checkLabel(rb), true, TextPainter.Align.LEFT, true, labelColor(c));
        }
    }

    private static void image(PaintContext p, ControlSpec s, Rectangle area) {
        BufferedImage img = p.image(s, p.text(s.text(), false, s).shown(), Math.min(area.width, area.height));
        FramePainter.drawImage(p.g, img, area, s.has(ControlAttributes.FIXED_SIZE) || s.has(ControlAttributes.ICON));
    }

    private static Color labelColor(ControlLayout c) {
        return c.enabled() ? Palette.TEXT : Palette.GRAY_TEXT;
    }
}

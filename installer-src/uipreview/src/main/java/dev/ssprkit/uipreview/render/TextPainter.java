package dev.ssprkit.uipreview.render;

import dev.ssprkit.uipreview.text.ControlText;
import dev.ssprkit.uipreview.text.TextBlock;
import dev.ssprkit.uipreview.text.TextMeasure;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.util.List;

/** Draws measured text blocks clipped to their area, with the access key underlined. */
final class TextPainter {
    enum Align { LEFT, CENTER, RIGHT }

    private TextPainter() {}

    /** Lays out and draws {@code t} in {@code area}; vertically centred when {@code middle}. */
    static void draw(Graphics2D g, ControlText t, Rectangle area, boolean wrap, Align align, boolean middle, Color color) {
        TextBlock block = TextMeasure.layout(t.font().font(), t.shown(), area.width, wrap);
        draw(g, t, block, area, align, middle, color);
    }

    static void draw(Graphics2D g, ControlText t, TextBlock block, Rectangle area, Align align, boolean middle, Color color) {
        Font font = t.font().font();
        Shape clip = g.getClip();
        g.clipRect(area.x, area.y, area.width, area.height);
        g.setFont(font);
        g.setColor(color);
        int top = middle ? area.y + (area.height - block.height()) / 2 : area.y;
        List<String> lines = block.lines();
        int cursor = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int w = TextMeasure.width(font, line);
            int x = switch (align) {
                case LEFT -> area.x;
                case CENTER -> area.x + (area.width - w) / 2;
                case RIGHT -> area.x + area.width - w;
            };
            int baseline = top + i * block.lineHeight() + block.ascent();
            g.setFont(dev.ssprkit.uipreview.text.FontLinks.forText(font, line));
            g.drawString(line, x, baseline);
            g.setFont(font);
            int start = line.isEmpty() ? cursor : t.shown().indexOf(line, cursor);
            if (start >= 0) {
                if (t.underline() >= start && t.underline() < start + line.length()) {
                    int col = t.underline() - start;
                    int ux = x + TextMeasure.width(font, line.substring(0, col));
                    int uw = Math.max(1, TextMeasure.width(font, line.substring(col, col + 1)));
                    g.fillRect(ux, baseline + 1, uw, 1);
                }
                cursor = start + line.length();
            }
        }
        g.setClip(clip);
    }
}

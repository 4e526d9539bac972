package dev.ssprkit.uipreview.render;

import dev.ssprkit.uipreview.layout.ControlGeometry;
import dev.ssprkit.uipreview.layout.ControlLayout;
import dev.ssprkit.uipreview.model.ControlAttributes;
import dev.ssprkit.uipreview.model.ControlSpec;
import dev.ssprkit.uipreview.text.ControlText;
import dev.ssprkit.uipreview.text.TextMeasure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Static controls: lines, group boxes, bitmaps, icons, progress bars, and placeholders for what has no look here. */
final class FramePainter {
    private FramePainter() {}

    /** An etched line (SS_ETCHEDHORZ): a shadow line with a highlight below it. */
    static void line(PaintContext p, ControlLayout c) {
        Rectangle b = c.bounds();
        p.g.setColor(Palette.SHADOW);
        p.g.fillRect(b.x, b.y, Math.max(1, b.width), 1);
        p.g.setColor(Palette.HIGHLIGHT);
        p.g.fillRect(b.x, b.y + 1, Math.max(1, b.width), 1);
    }

    static void groupBox(PaintContext p, ControlLayout c) {
        groupFrame(p, c, c.spec().text());
    }

    /** An etched frame with the caption over its top edge. */
    static void groupFrame(PaintContext p, ControlLayout c, String caption) {
        Rectangle b = c.bounds();
        ControlSpec s = c.spec();
        ControlText t = caption == null || caption.isBlank() ? null : p.text(caption, true, s);
        int top = b.y + (t == null ? 0 : TextMeasure.lineHeight(t.font().font()) / 2);
        p.g.setColor(Palette.SHADOW);
        p.g.drawRect(b.x, top, b.width - 2, b.y + b.height - top - 2);
        p.g.setColor(Palette.HIGHLIGHT);
        p.g.drawRect(b.x + 1, top + 1, b.width - 2, b.y + b.height - top - 2);
        if (t == null) return;
        int indent = ControlGeometry.GROUP_CAPTION_INDENT;
        int w = Math.min(TextMeasure.width(t.font().font(), t.shown()) + 4, Math.max(0, b.width - 2 * indent));
        p.g.setColor(Palette.FACE);
        p.g.fillRect(b.x + indent - 2, b.y, w, TextMeasure.lineHeight(t.font().font()));
        TextPainter.draw(p.g, t, new Rectangle(b.x + indent, b.y, Math.max(0, b.width - 2 * indent), b.height), false, TextPainter.Align.LEFT, false,
                c.enabled() ? Palette.TEXT : Palette.GRAY_TEXT);
    }

    /** A Bitmap control: the picture stretched to the control (or centred at its own size with FixedSize). */
    static void bitmap(PaintContext p, ControlLayout c) {
        ControlSpec s = c.spec();
        BufferedImage img = p.image(s, p.text(s.text(), false, s).shown(), Math.min(c.bounds().width, c.bounds().height));
        drawImage(p.g, img, c.bounds(), s.has(ControlAttributes.FIXED_SIZE));
    }

    /** An Icon control: the icon image closest to the control's size, centred. */
    static void icon(PaintContext p, ControlLayout c) {
        ControlSpec s = c.spec();
        Rectangle b = c.bounds();
        int wanted = Math.min(b.width, b.height);
        if (s.has(ControlAttributes.FIXED_SIZE)) {
            int bits = s.attributes() & ControlAttributes.ICON_SIZE_48;
            wanted = bits == ControlAttributes.ICON_SIZE_16 ? 16 : bits == ControlAttributes.ICON_SIZE_32 ? 32 : bits == ControlAttributes.ICON_SIZE_48 ? 48 : wanted;
        }
        BufferedImage img = p.image(s, p.text(s.text(), false, s).shown(), wanted);
        if (img == null) {
            placeholder(p.g, b, "icon");
            return;
        }
        int side = Math.min(wanted, Math.min(b.width, b.height));
        drawScaled(p.g, img, new Rectangle(b.x + (b.width - side) / 2, b.y + (b.height - side) / 2, side, side));
    }

    /** An image in an area: stretched to fill it, or centred at its own size ({@code fixed}); a placeholder for null. */
    static void drawImage(Graphics2D g, BufferedImage img, Rectangle area, boolean fixed) {
        if (img == null) {
            placeholder(g, area, "image");
            return;
        }
        if (!fixed) {
            drawScaled(g, img, area);
            return;
        }
        java.awt.Shape clip = g.getClip();
        g.clipRect(area.x, area.y, area.width, area.height);
        g.drawImage(img, area.x + (area.width - img.getWidth()) / 2, area.y + (area.height - img.getHeight()) / 2, null);
        g.setClip(clip);
    }

    private static void drawScaled(Graphics2D g, BufferedImage img, Rectangle area) {
        if (area.width <= 0 || area.height <= 0) return;
        // nearest neighbour: GDI stretches a bitmap without interpolation unless asked for HALFTONE, so a stretched
        // bitmap's pixels stay the colours it holds
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(img, area.x, area.y, area.width, area.height, null);
    }

    /** A progress bar: a sunken track, a third filled, since the preview shows no progress. */
    static void progressBar(PaintContext p, ControlLayout c) {
        Rectangle b = c.bounds();
        p.g.setColor(new Color(230, 230, 230));
        p.g.fillRect(b.x, b.y, b.width, b.height);
        p.g.setColor(Palette.BUTTON_BORDER);
        p.g.drawRect(b.x, b.y, b.width - 1, b.height - 1);
        p.g.setColor(new Color(6, 176, 37));
        int filled = (b.width - 2) / 3;
        if (c.spec().has(ControlAttributes.PROGRESS95)) {
            int block = Math.max(4, (b.height - 4) * 2 / 3);
            for (int x = b.x + 2; x + block <= b.x + 2 + filled; x += block + 2) p.g.fillRect(x, b.y + 2, block, b.height - 4);
        } else {
            p.g.fillRect(b.x + 1, b.y + 1, filled, b.height - 2);
        }
    }

    /** A grey box with a cross and what it stands for, for what the preview cannot draw. */
    static void placeholder(Graphics2D g, Rectangle b, String label) {
        if (b.width <= 0 || b.height <= 0) return;
        g.setColor(new Color(225, 225, 225));
        g.fillRect(b.x, b.y, b.width, b.height);
        g.setColor(Palette.PLACEHOLDER);
        g.drawRect(b.x, b.y, b.width - 1, b.height - 1);
        g.drawLine(b.x, b.y, b.x + b.width - 1, b.y + b.height - 1);
        g.drawLine(b.x + b.width - 1, b.y, b.x, b.y + b.height - 1);
        if (label != null && b.width > 40 && b.height > 12) {
            g.setColor(Palette.GRAY_TEXT);
            g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
            g.drawString(label, b.x + 3, b.y + 11);
        }
    }

    /** The dashed outline drawn around a control that would be hidden (with --show-hidden). */
    static void hiddenOutline(Graphics2D g, Rectangle b) {
        g.setColor(Palette.HIDDEN_OUTLINE);
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
        g.drawRect(b.x, b.y, Math.max(0, b.width - 1), Math.max(0, b.height - 1));
        g.setStroke(new BasicStroke(1f));
    }
}

package dev.ssprkit.uipreview.text;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place text is measured, for drawing a preview and for the validator's "text does not fit" check alike.
 * Metrics are whole pixels, as GDI's are: advances without fractional metrics, line height ascent + descent each
 * rounded (tmAscent + tmDescent), no kerning. Wrapping follows DrawText with DT_WORDBREAK, which static text
 * controls use: lines break at spaces, explicit line breaks start a new line, and a word longer than a line is not
 * split (it is clipped, so it counts as not fitting).
 */
public final class TextMeasure {
    /** Antialiased like ClearType-era Windows; integer advances like GDI. */
    public static final FontRenderContext FRC = new FontRenderContext(null, true, false);

    private TextMeasure() {}

    public static int width(Font font, String s) {
        if (s.isEmpty()) return 0;
        return (int) Math.ceil(font.getStringBounds(s, FRC).getWidth());
    }

    public static int ascent(Font font) {
        return Math.round(metrics(font).getAscent());
    }

    public static int lineHeight(Font font) {
        LineMetrics m = metrics(font);
        return Math.round(m.getAscent()) + Math.round(m.getDescent());
    }

    private static LineMetrics metrics(Font font) {
        return font.getLineMetrics("Ag", FRC);
    }

    /**
     * Breaks {@code text} into lines no wider than {@code maxWidth} pixels ({@code wrap}), or keeps each explicit line
     * whole ({@code !wrap}).
     */
    public static TextBlock layout(Font font, String text, int maxWidth, boolean wrap) {
        List<String> lines = new ArrayList<>();
        boolean tooWide = false;
        int widest = 0;
        for (String paragraph : text.split("\r\n|\n|\r", -1)) {
            if (!wrap) {
                int w = width(font, paragraph);
                widest = Math.max(widest, w);
                tooWide |= w > maxWidth;
                lines.add(paragraph);
                continue;
            }
            StringBuilder line = new StringBuilder();
            int lineWidth = 0;
            for (String word : paragraph.split(" ", -1)) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                int w = width(font, candidate);
                if (w <= maxWidth || line.length() == 0) {
                    line.setLength(0);
                    line.append(candidate);
                    lineWidth = w;
                    if (w > maxWidth) tooWide = true;
                    continue;
                }
                lines.add(line.toString());
                widest = Math.max(widest, lineWidth);
                line.setLength(0);
                line.append(word);
                lineWidth = width(font, word);
                if (lineWidth > maxWidth) tooWide = true;
            }
            lines.add(stripTrailing(line.toString()));
            widest = Math.max(widest, lineWidth);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty() && lines.size() > 1) lines.remove(lines.size() - 1);
        return new TextBlock(lines, lineHeight(font), ascent(font), widest, tooWide);
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') end--;
        return s.substring(0, end);
    }
}

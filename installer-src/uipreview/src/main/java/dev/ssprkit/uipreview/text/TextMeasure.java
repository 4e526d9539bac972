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
 * controls use: lines break at spaces and, in text without spaces between words (Japanese, Chinese), before any
 * ideograph, kana or full-width character (a double-byte character is a word of its own there); explicit line
 * breaks start a new line, and a word longer than a line is not split (it is clipped, so it counts as not fitting).
 */
public final class TextMeasure {
    /** Antialiased like ClearType-era Windows; integer advances like GDI. */
    public static final FontRenderContext FRC = new FontRenderContext(null, true, false);

    private TextMeasure() {}

    /** The width of {@code s}, in the face that shows it ({@link FontLinks}: linked faces for missing glyphs). */
    public static int width(Font font, String s) {
        if (s.isEmpty()) return 0;
        return (int) Math.ceil(FontLinks.forText(font, s).getStringBounds(s, FRC).getWidth());
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
            boolean firstWord = true;
            for (String word : paragraph.split(" ", -1)) {
                List<String> pieces = pieces(word);
                for (int i = 0; i < pieces.size(); i++) {
                    String piece = pieces.get(i);
                    String glue = i == 0 && !firstWord ? " " : "";
                    String candidate = line.length() == 0 ? piece : line + glue + piece;
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
                    line.append(piece);
                    lineWidth = width(font, piece);
                    if (lineWidth > maxWidth) tooWide = true;
                }
                firstWord = false;
            }
            lines.add(stripTrailing(line.toString()));
            widest = Math.max(widest, lineWidth);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty() && lines.size() > 1) lines.remove(lines.size() - 1);
        return new TextBlock(lines, lineHeight(font), ascent(font), widest, tooWide);
    }

    /**
     * A space-separated word cut where DrawText may also break it: before and after each double-byte character
     * (CJK ideographs, kana, full-width forms and CJK punctuation); other runs stay whole.
     */
    static List<String> pieces(String word) {
        List<String> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            if (doubleByte(cp)) {
                if (run.length() > 0) out.add(run.toString());
                run.setLength(0);
                out.add(new String(Character.toChars(cp)));
            } else {
                run.appendCodePoint(cp);
            }
        }
        if (run.length() > 0 || out.isEmpty()) out.add(run.toString());
        return out;
    }

    private static boolean doubleByte(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL) return true;
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.KATAKANA_PHONETIC_EXTENSIONS;
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') end--;
        return s.substring(0, end);
    }
}

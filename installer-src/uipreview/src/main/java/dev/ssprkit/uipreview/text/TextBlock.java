package dev.ssprkit.uipreview.text;

import java.util.List;

/**
 * Text broken into lines as a Windows static control breaks it (at spaces, never inside a word).
 *
 * @param lines      the lines, in order
 * @param lineHeight pixels from one baseline to the next (the font's ascent + descent, as GDI's tmHeight)
 * @param ascent     pixels from a line's top to its baseline
 * @param width      pixels of the widest line
 * @param tooWide    true when a word (or, without wrapping, the line) is wider than the space it was given
 */
public record TextBlock(List<String> lines, int lineHeight, int ascent, int width, boolean tooWide) {
    public TextBlock {
        lines = List.copyOf(lines);
    }

    /** Pixels the block needs to be readable: every line, the last one down to its baseline. */
    public int readableHeight() {
        return lines.isEmpty() ? 0 : (lines.size() - 1) * lineHeight + ascent;
    }

    /** Pixels of every line in full. */
    public int height() {
        return lines.size() * lineHeight;
    }
}

package dev.ssprkit.uipreview.model;

/**
 * Bounds for previewing an untrusted package: anything larger is left out (with a note), never allocated.
 *
 * @param maxDialogs        dialogs rendered
 * @param maxControls       controls per dialog
 * @param maxDialogPixels   width or height of a dialog in pixels
 * @param maxStreamBytes    bytes of one Binary stream read for an image or a text
 * @param maxImagePixels    pixels of one decoded image
 * @param maxTextChars      characters of one control's text after properties are filled in
 * @param maxRtfChars       characters of one ScrollableText's RTF
 * @param maxConditionChars characters of one condition
 */
public record UiLimits(int maxDialogs, int maxControls, int maxDialogPixels, long maxStreamBytes, long maxImagePixels,
                       int maxTextChars, int maxRtfChars, int maxConditionChars) {
    public static UiLimits defaults() {
        return new UiLimits(2_000, 1_000, 4_096, 16L << 20, 16L << 20, 65_536, 2 << 20, 4_096);
    }
}

package dev.ssprkit.uipreview.layout;

/**
 * A control's text split into its style prefix and what is shown. The SDK's Text control: "prefix the string of
 * displayed characters with {\style} or {&style}, where style is an identifier listed in the TextStyle table"; a
 * brace group that holds a backslash or another brace is RTF or literal text, not a style.
 *
 * @param style the style name, or null when the text has no prefix
 * @param text  what follows the prefix (never null)
 */
public record StyledText(String style, String text) {
    public static StyledText parse(String s) {
        if (s == null) return new StyledText(null, "");
        if (s.length() < 3 || s.charAt(0) != '{') return new StyledText(null, s);
        int close = s.indexOf('}');
        if (close < 0) return new StyledText(null, s);
        int start = s.charAt(1) == '\\' || s.charAt(1) == '&' ? 2 : 1;
        String name = s.substring(start, close);
        if (!FormattedText.isIdentifier(name)) return new StyledText(null, s); // RTF ({\rtf1 ...}) or literal braces
        return new StyledText(name, s.substring(close + 1));
    }
}

package dev.ssprkit.uipreview.layout;

import java.util.function.Function;

/**
 * The part of the SDK's Formatted type a preview can fill in: {@code [Property]} becomes the property's value when
 * the package (or the caller) gives one, and {@code [\x]} becomes the character x. Everything else — unknown
 * properties, {@code [#file]}, {@code [$component]}, {@code [%ENV]}, {@code [~]}, nested brackets — stays as written,
 * so the reader sees what was not resolved. One pass: values are not formatted again.
 */
public final class FormattedText {
    private FormattedText() {}

    /** The text with what can be resolved filled in, cut to {@code maxChars} (ending with an ellipsis when cut). */
    public static String format(String text, Function<String, String> property, int maxChars) {
        if (text == null) return null;
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 16);
        int i = 0;
        while (i < text.length() && out.length() <= maxChars) {
            char c = text.charAt(i);
            if (c == '[' && i + 3 < text.length() && text.charAt(i + 1) == '\\' && text.charAt(i + 3) == ']') {
                out.append(text.charAt(i + 2)); // [\x] is x, even when x is a bracket
                i += 4;
                continue;
            }
            int close = c == '[' ? text.indexOf(']', i + 1) : -1;
            int nested = c == '[' ? text.indexOf('[', i + 1) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            if (nested >= 0 && nested < close) { // [[Name]] and other nesting: as written, up to the bracket that closes it
                int end = closing(text, i);
                out.append(text, i, end);
                i = end;
                continue;
            }
            String inside = text.substring(i + 1, close);
            String value = null;
            if (inside.length() == 2 && inside.charAt(0) == '\\') {
                value = inside.substring(1);
            } else if (isIdentifier(inside)) {
                value = property.apply(inside);
            }
            if (value != null) out.append(value);
            else out.append(text, i, close + 1);
            i = close + 1;
        }
        if (out.length() > maxChars) {
            out.setLength(Math.max(0, maxChars - 1));
            out.append('\u2026');
        }
        return out.toString();
    }

    /** The index after the bracket that closes the one at {@code open}, or the text's end when none does. */
    private static int closing(String text, int open) {
        int depth = 0;
        for (int j = open; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '[') depth++;
            else if (c == ']' && --depth == 0) return j + 1;
        }
        return text.length();
    }

    /** A property name: a letter or underscore, then letters, digits, underscores or dots. */
    public static boolean isIdentifier(String s) {
        if (s.isEmpty()) return false;
        char first = s.charAt(0);
        if (!(Character.isLetter(first) && first < 128 || first == '_')) return false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.'))) return false;
        }
        return true;
    }
}

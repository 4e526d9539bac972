package dev.ssprkit.uipreview.layout;

/**
 * A label's access key: {@code &x} shows x underlined, {@code &&} shows one ampersand (the Windows convention the
 * installer's controls follow; a Text control with the NoPrefix attribute shows ampersands as written).
 *
 * @param text      what is drawn
 * @param underline index in {@code text} of the underlined character, or -1
 */
public record Mnemonic(String text, int underline) {
    public static Mnemonic parse(String s, boolean prefix) {
        if (s == null) return new Mnemonic("", -1);
        if (!prefix || s.indexOf('&') < 0) return new Mnemonic(s, -1);
        StringBuilder out = new StringBuilder(s.length());
        int underline = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '&' && i + 1 < s.length()) {
                char next = s.charAt(i + 1);
                if (next == '&') {
                    out.append('&');
                    i++;
                    continue;
                }
                if (underline < 0) underline = out.length();
                continue;
            }
            if (c == '&') continue; // a trailing ampersand shows nothing
            out.append(c);
        }
        return new Mnemonic(out.toString(), underline);
    }
}

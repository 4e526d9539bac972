package dev.ssprkit.msi.schema;

/**
 * The text of a GUID as Windows Installer columns of the GUID category hold it ({@code {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}},
 * the SDK's "GUID" data type), checked by hand: the compiler and the validator check every component's GUID, and a
 * regular expression's matcher per check was a large allocation.
 */
public final class GuidText {
    private GuidText() {
    }

    /**
     * True when the 36 characters of {@code s} from {@code from} are hex digits in the 8-4-4-4-12 pattern (upper-case
     * only when {@code upperOnly}).
     */
    public static boolean hasShape(String s, int from, boolean upperOnly) {
        if (from < 0 || s.length() < from + 36) return false;
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(from + i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') return false;
            } else if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || !upperOnly && c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code s} is 38 characters, braced, with a GUID between the braces (upper-case only when asked). */
    public static boolean isBraced(String s, boolean upperOnly) {
        return s.length() == 38 && s.charAt(0) == '{' && s.charAt(37) == '}' && hasShape(s, 1, upperOnly);
    }
}

package dev.ssprkit.builder;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@code short|long} names for the Filename and DefaultDir columns. Windows Installer wants a short (8.3) name for
 * targets that need one (SHORTFILENAMES, volumes without long names); a long name that is already a legal 8.3 name
 * is written alone. Generated short names are deterministic: a hash of the long name, unique per directory.
 */
public final class ShortNames {
    /** Characters a short (8.3) name part cannot hold. */
    private static final String NOT_IN_SHORT = "\\?|><:/*\"+,;=[] .";
    private final Set<String> used = new HashSet<>();

    /** An 8.3 name: 1 to 8 characters, optionally a dot and 1 to 3 more, none of {@link #NOT_IN_SHORT} (checked by hand: it runs per file). */
    public static boolean isShort(String name) {
        int dot = name.indexOf('.');
        int base = dot < 0 ? name.length() : dot;
        int ext = dot < 0 ? 0 : name.length() - dot - 1;
        if (base < 1 || base > 8 || dot >= 0 && (ext < 1 || ext > 3)) return false;
        for (int i = 0; i < name.length(); i++) {
            if (i != dot && NOT_IN_SHORT.indexOf(name.charAt(i)) >= 0) return false;
        }
        return true;
    }

    /** The Filename/DefaultDir value for a long name in one directory. */
    public String column(String longName) {
        if (isShort(longName) && used.add(longName.toUpperCase(Locale.ROOT))) return longName;
        String ext = "";
        int dot = longName.lastIndexOf('.');
        if (dot > 0) {
            ext = longName.substring(dot + 1).replaceAll("[^A-Za-z0-9_]", "");
            ext = ext.substring(0, Math.min(3, ext.length()));
        }
        for (int salt = 0; ; salt++) {
            String base = hash(longName + (salt == 0 ? "" : "#" + salt));
            String shortName = base + (ext.isEmpty() ? "" : "." + ext);
            if (used.add(shortName.toUpperCase(Locale.ROOT))) return shortName.toLowerCase(Locale.ROOT) + "|" + longName;
        }
    }

    private static String hash(String s) {
        long h = 1125899906842597L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) h = 31 * h + b;
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        long v = h & Long.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            sb.append(alphabet.charAt((int) (v % alphabet.length())));
            v /= alphabet.length();
        }
        return sb.toString();
    }
}

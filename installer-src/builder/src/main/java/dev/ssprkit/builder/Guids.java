package dev.ssprkit.builder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/** GUIDs in Windows Installer's form ({@code {UPPER-CASE}}), and deterministic name-based ones. */
public final class Guids {
    private Guids() {}

    /**
     * {@code XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX} in hex digits of either case, braced or not; checked by hand (it
     * runs for every component of a package, and a regular expression's matcher per call was a large allocation).
     */
    public static boolean isGuid(String s) {
        if (s == null) return false;
        boolean braced = s.length() == 38 && s.charAt(0) == '{' && s.charAt(37) == '}';
        if (!braced && s.length() != 36) return false;
        return hasGuidShape(s, braced ? 1 : 0, false);
    }

    /**
     * True when the 36 characters of {@code s} from {@code from} are hex digits in the 8-4-4-4-12 pattern
     * (upper-case only when {@code upperOnly}).
     */
    public static boolean hasGuidShape(String s, int from, boolean upperOnly) {
        if (s.length() < from + 36) return false;
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

    /** Braced, upper-case; throws on anything that is not a GUID. */
    public static String normalize(String s) {
        if (!isGuid(s)) throw new IllegalArgumentException("'" + s + "' is not a GUID (expected XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX)");
        String g = s.toUpperCase(Locale.ROOT);
        return g.startsWith("{") ? g : "{" + g + "}";
    }

    /**
     * A stable GUID derived from a namespace GUID and names (SHA-1, version 5 layout), so that the same identity gives
     * the same GUID on every build and machine.
     */
    public static String nameBased(String namespace, String... names) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            md.update(normalize(namespace).getBytes(StandardCharsets.US_ASCII));
            for (String n : names) {
                md.update((byte) 0);
                md.update(n.getBytes(StandardCharsets.UTF_8));
            }
            return dev.ssprkit.msi.MsiWriter.guid(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

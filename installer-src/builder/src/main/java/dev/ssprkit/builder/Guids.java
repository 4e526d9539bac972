package dev.ssprkit.builder;

import dev.ssprkit.msi.schema.GuidText;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/** GUIDs in Windows Installer's form ({@code {UPPER-CASE}}), and deterministic name-based ones. */
public final class Guids {
    private Guids() {}

    /** {@code XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX} in hex digits of either case, braced or not. */
    public static boolean isGuid(String s) {
        if (s == null) return false;
        return s.length() == 36 ? GuidText.hasShape(s, 0, false) : GuidText.isBraced(s, false);
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

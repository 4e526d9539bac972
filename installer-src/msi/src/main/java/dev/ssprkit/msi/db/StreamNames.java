package dev.ssprkit.msi.db;

import dev.ssprkit.msi.MsiException;

/**
 * Stream-name compression of Windows Installer: pairs of characters from a 64-character alphabet are packed into one
 * UTF-16 code unit, single ones into another range, and table streams are prefixed with U+4840. Compound-file names
 * hold at most 31 code units, and POI would silently truncate longer ones, so {@link #encode} checks the length.
 */
public final class StreamNames {
    /** Longest compound-file entry name, in UTF-16 code units (32 including the terminator). */
    public static final int MAX_LENGTH = 31;
    static final char TABLE_PREFIX = 0x4840;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz._";

    private StreamNames() {}

    private static int index(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
        if (c >= 'a' && c <= 'z') return c - 'a' + 36;
        if (c == '.') return 62;
        if (c == '_') return 63;
        return -1;
    }

    /** The compressed form; throws if it would not fit a compound-file name. */
    public static String encode(String name, boolean table) throws MsiException {
        String encoded = encodeUnchecked(name, table);
        if (encoded.length() > MAX_LENGTH) {
            throw new MsiException(table ? "table " + name : "stream " + name,
                    "the name is too long: it encodes to " + encoded.length() + " UTF-16 units and a compound-file name holds at most "
                            + MAX_LENGTH + "; use a shorter " + (table ? "table name" : "key"));
        }
        return encoded;
    }

    static String encodeUnchecked(String name, boolean table) {
        StringBuilder out = new StringBuilder(name.length() + 1);
        if (table) out.append(TABLE_PREFIX);
        for (int i = 0; i < name.length(); i++) {
            char c1 = name.charAt(i);
            int i1 = index(c1);
            if (i1 < 0) {
                out.append(c1);
                continue;
            }
            int i2 = i + 1 < name.length() ? index(name.charAt(i + 1)) : -1;
            if (i2 >= 0) {
                out.append((char) (0x3800 + i1 + (i2 << 6)));
                i++;
            } else {
                out.append((char) (0x4800 + i1));
            }
        }
        return out.toString();
    }

    /** True when the stored name is a table stream (U+4840 prefix). */
    public static boolean isTable(String stored) {
        return !stored.isEmpty() && stored.charAt(0) == TABLE_PREFIX;
    }

    /** The plain name of a stored (compressed) name, without the table prefix. */
    public static String decode(String stored) {
        StringBuilder out = new StringBuilder(stored.length() * 2);
        int start = isTable(stored) ? 1 : 0;
        for (int i = start; i < stored.length(); i++) {
            char c = stored.charAt(i);
            if (c >= 0x3800 && c < 0x4800) {
                int v = c - 0x3800;
                out.append(ALPHABET.charAt(v & 0x3F)).append(ALPHABET.charAt((v >> 6) & 0x3F));
            } else if (c >= 0x4800 && c < 0x4840) {
                out.append(ALPHABET.charAt(c - 0x4800));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

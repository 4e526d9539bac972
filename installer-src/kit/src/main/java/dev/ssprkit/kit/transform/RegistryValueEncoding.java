package dev.ssprkit.kit.transform;

import dev.ssprkit.registry.RegistryValue;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A literal registry value (as a .reg file holds it) in the encoding of the {@code Registry} table's {@code Value}
 * column (https://learn.microsoft.com/windows/win32/msi/registry-table): {@code #n} REG_DWORD, {@code #%s}
 * REG_EXPAND_SZ, {@code #xHEX} REG_BINARY, {@code a[~]b} REG_MULTI_SZ, a plain REG_SZ (a leading {@code #} doubled).
 *
 * <p>{@code Key}, {@code Name} and {@code Value} are Formatted text, where {@code [...]} is a property reference; a
 * literal bracket is written {@code [\[]} / {@code [\]]} (the "Formatted" data type's escape), so nothing in a .reg
 * file is ever expanded at install time. The Registry table has no encoding for REG_QWORD or for an empty REG_SZ
 * under a name (a Null Value with a Name means "create the key"), so those are refused with the reason.
 */
public final class RegistryValueEncoding {
    private RegistryValueEncoding() {}

    /** Thrown for a value the Registry table cannot express; the message says why. */
    public static final class Unsupported extends Exception {
        public Unsupported(String message) {
            super(message);
        }
    }

    /** Escapes the two characters Formatted text treats specially, so the text is installed as written. */
    public static String literal(String text) {
        if (text.indexOf('[') < 0 && text.indexOf(']') < 0) return text;
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[' || c == ']') sb.append("[\\").append(c).append(']');
            else sb.append(c);
        }
        return sb.toString();
    }

    /** The {@code Value} cell for a value; never null. */
    public static String encode(RegistryValue v) throws Unsupported {
        return switch (v.type()) {
            case REG_SZ -> {
                String s = v.asString();
                if (s.isEmpty()) {
                    throw new Unsupported("an empty REG_SZ cannot be written by the Registry table (an empty Value means 'create the key only')");
                }
                checkNul(s);
                String lit = literal(s);
                yield lit.startsWith("#") ? "#" + lit : lit;
            }
            case REG_EXPAND_SZ -> {
                checkNul(v.asString());
                yield "#%" + literal(v.asString());
            }
            case REG_MULTI_SZ -> {
                List<String> parts = v.asList();
                if (parts.isEmpty()) throw new Unsupported("an empty REG_MULTI_SZ cannot be written by the Registry table");
                StringBuilder sb = new StringBuilder("[~]");
                for (String p : parts) sb.append(literal(p)).append("[~]");
                yield sb.toString(); // [~] at both ends: replace whatever list is there
            }
            case REG_DWORD -> "#" + v.asInt(); // the signed pattern: msiexec reads "#-1" as 0xFFFFFFFF
            case REG_BINARY -> "#x" + HexFormat.of().formatHex(v.asBytes()).toUpperCase(Locale.ROOT);
            case REG_QWORD -> throw new Unsupported("REG_QWORD has no encoding in the Registry table (only REG_SZ, REG_EXPAND_SZ, "
                    + "REG_MULTI_SZ, REG_DWORD and REG_BINARY); set it with a .reg import or a custom action instead");
        };
    }

    private static void checkNul(String s) throws Unsupported {
        if (s.indexOf('\0') >= 0) throw new Unsupported("the string contains NUL, which the Registry table cannot hold");
    }
}

package dev.ssprkit.builder;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A registry value in the {@code Registry.Value} column's encoding
 * (https://learn.microsoft.com/windows/win32/msi/registry-table): {@code #n} DWORD, {@code #%s} expandable string,
 * {@code #xHEX} binary, {@code [~]a[~]b[~]} multi-string, and a plain string whose leading {@code #} is doubled.
 * Values are Formatted: {@code [PROPERTY]} is replaced at install time.
 */
public record RegistryData(Type type, String encoded) {
    public enum Type { STRING, INTEGER, EXPANDABLE, MULTI_STRING, BINARY, KEY_ONLY }

    public static RegistryData string(String value) {
        return new RegistryData(Type.STRING, value.startsWith("#") ? "#" + value : value);
    }

    public static RegistryData integer(int value) {
        return new RegistryData(Type.INTEGER, "#" + value);
    }

    /** A DWORD whose value comes from a formatted expression, e.g. {@code [ENABLELOGGING]}. */
    public static RegistryData integerFormatted(String formatted) {
        return new RegistryData(Type.INTEGER, "#" + formatted);
    }

    public static RegistryData expandable(String value) {
        return new RegistryData(Type.EXPANDABLE, "#%" + value);
    }

    public static RegistryData multiString(List<String> values) {
        return new RegistryData(Type.MULTI_STRING, "[~]" + String.join("[~]", values) + "[~]");
    }

    public static RegistryData binary(byte[] bytes) {
        return new RegistryData(Type.BINARY, "#x" + HexFormat.of().formatHex(bytes).toUpperCase(Locale.ROOT));
    }

    /** Creates the key only (no value), e.g. to hold a key path. */
    public static RegistryData keyOnly() {
        return new RegistryData(Type.KEY_ONLY, null);
    }
}

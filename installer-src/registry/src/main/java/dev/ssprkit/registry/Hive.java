package dev.ssprkit.registry;

import java.util.Locale;

/** The root keys, with the long names .reg files use and the short names reg.exe accepts. */
public enum Hive {
    HKLM("HKEY_LOCAL_MACHINE"),
    HKCU("HKEY_CURRENT_USER"),
    HKCR("HKEY_CLASSES_ROOT"),
    HKU("HKEY_USERS"),
    HKCC("HKEY_CURRENT_CONFIG");

    public final String longName;

    Hive(String longName) {
        this.longName = longName;
    }

    /** A hive by its short or long name, case-insensitively; null if none. */
    public static Hive parse(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        for (Hive h : values()) if (h.name().equals(n) || h.longName.equals(n)) return h;
        return null;
    }
}

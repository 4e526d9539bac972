package dev.ssprkit.registry;

import java.util.Locale;
import java.util.Objects;

/**
 * A key: a hive and a path below it ({@code SOFTWARE\Policies\Microsoft}); the path may be empty (the hive itself).
 * Equality ignores case, as Windows does.
 */
public final class RegistryKey {
    private final Hive hive;
    private final String path;

    public RegistryKey(Hive hive, String path) {
        this.hive = Objects.requireNonNull(hive);
        String p = path == null ? "" : path.replace('/', '\\');
        while (p.startsWith("\\")) p = p.substring(1);
        while (p.endsWith("\\")) p = p.substring(0, p.length() - 1);
        if (p.contains("\\\\")) throw new IllegalArgumentException("empty key name in " + path);
        this.path = p;
    }

    /** Parses {@code HKLM\SOFTWARE\X} or {@code HKEY_LOCAL_MACHINE\SOFTWARE\X}. */
    public static RegistryKey parse(String key) {
        String k = key.replace('/', '\\');
        int slash = k.indexOf('\\');
        String root = slash < 0 ? k : k.substring(0, slash);
        Hive hive = Hive.parse(root);
        if (hive == null) throw new IllegalArgumentException("unknown registry hive '" + root + "' in " + key);
        return new RegistryKey(hive, slash < 0 ? "" : k.substring(slash + 1));
    }

    public static RegistryKey hklm(String path) {
        return new RegistryKey(Hive.HKLM, path);
    }

    public Hive hive() {
        return hive;
    }

    public String path() {
        return path;
    }

    public RegistryKey child(String name) {
        return new RegistryKey(hive, path.isEmpty() ? name : path + "\\" + name);
    }

    /** The parent key, or null for a hive. */
    public RegistryKey parent() {
        if (path.isEmpty()) return null;
        int slash = path.lastIndexOf('\\');
        return new RegistryKey(hive, slash < 0 ? "" : path.substring(0, slash));
    }

    /** True when this key is {@code other} or below it. */
    public boolean isUnder(RegistryKey other) {
        if (hive != other.hive) return false;
        String a = path.toUpperCase(Locale.ROOT), b = other.path.toUpperCase(Locale.ROOT);
        return b.isEmpty() || a.equals(b) || a.startsWith(b + "\\");
    }

    /** {@code HKEY_LOCAL_MACHINE\SOFTWARE\X}, as .reg files write it. */
    public String longName() {
        return path.isEmpty() ? hive.longName : hive.longName + "\\" + path;
    }

    /** {@code HKLM\SOFTWARE\X}, as reg.exe and messages write it. */
    @Override
    public String toString() {
        return path.isEmpty() ? hive.name() : hive.name() + "\\" + path;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegistryKey k && hive == k.hive && path.equalsIgnoreCase(k.path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hive, path.toUpperCase(Locale.ROOT));
    }
}

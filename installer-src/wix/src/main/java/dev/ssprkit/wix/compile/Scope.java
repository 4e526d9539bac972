package dev.ssprkit.wix.compile;

import java.util.Objects;

/**
 * What an element inherits from the elements around it: the directory, component, file, feature, group, property,
 * registry key... it is nested in. Immutable; {@link #with} gives a child scope. Keys are element kinds
 * ({@link #DIRECTORY}, {@link #COMPONENT}...), and extensions may use their own.
 */
public final class Scope {
    public static final String DIRECTORY = "Directory";
    public static final String COMPONENT = "Component";
    public static final String FILE = "File";
    public static final String FEATURE = "Feature";
    public static final String COMPONENT_GROUP = "ComponentGroup";
    public static final String FEATURE_GROUP = "FeatureGroup";
    public static final String PROPERTY = "Property";
    /** The signature a nested search refines (DirectorySearch inside DirectorySearch, FileSearch inside it). */
    public static final String SEARCH = "Search";
    public static final String REGISTRY_ROOT = "RegistryRoot";
    public static final String REGISTRY_KEY = "RegistryKey";
    public static final String SERVICE = "ServiceInstall";
    public static final String UI = "UI";
    public static final String DIALOG = "Dialog";
    public static final String CONTROL = "Control";
    /** The table a Permission/PermissionEx locks (File, Registry, CreateFolder, ServiceInstall). */
    public static final String LOCK_TABLE = "LockTable";
    public static final String LOCK_OBJECT = "LockObject";
    /** Component bitness as written: "always64", "always32" or absent (the package's). */
    public static final String BITNESS = "Bitness";
    /** The folder (relative to the bind paths) that files without a Source are looked up in, WiX's FileSource. */
    public static final String FILE_SOURCE = "FileSource";
    /** The Media a Directory, Component or File places its files on. */
    public static final String DISK_ID = "DiskId";
    /** The parent element's local name. */
    public static final String PARENT = "Parent";

    public static final Scope ROOT = new Scope(null, null, null);

    private final String key;
    private final String value;
    private final Scope outer;

    private Scope(String key, String value, Scope outer) {
        this.key = key;
        this.value = value;
        this.outer = outer;
    }

    /** A scope where {@code key} is {@code value} (null removes what an outer scope said). */
    public Scope with(String key, String value) {
        return new Scope(Objects.requireNonNull(key), value, this);
    }

    /** The innermost value for {@code key}, or null. */
    public String get(String key) {
        for (Scope s = this; s != null; s = s.outer) {
            if (key.equals(s.key)) return s.value;
        }
        return null;
    }

    public boolean has(String key) {
        return get(key) != null;
    }
}

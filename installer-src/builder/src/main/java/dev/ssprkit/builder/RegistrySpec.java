package dev.ssprkit.builder;

/** A Registry row of a component. {@code name} null is the key's default value. */
public final class RegistrySpec {
    final String id;
    final ComponentSpec component;
    final RegistryRoot root;
    final String key;
    final String name;
    final RegistryData data;
    boolean createKeyOnInstall;
    boolean deleteKeyOnUninstall;

    RegistrySpec(String id, ComponentSpec component, RegistryRoot root, String key, String name, RegistryData data) {
        this.id = id;
        this.component = component;
        this.root = root;
        this.key = key;
        this.name = name;
        this.data = data;
    }

    public String id() {
        return id;
    }

    /** Name column value for this row: {@code +} creates the key on install, {@code -} deletes it on uninstall, {@code *} both. */
    String nameColumn() {
        if (data.type() == RegistryData.Type.KEY_ONLY) {
            if (createKeyOnInstall && deleteKeyOnUninstall) return "*";
            if (createKeyOnInstall) return "+";
            if (deleteKeyOnUninstall) return "-";
            return "+";
        }
        return name;
    }

    String origin;

    /** Where this came from ({@code file:line:col}), carried by its rows. */
    public RegistrySpec origin(String origin) {
        this.origin = origin;
        return this;
    }

    /** For a key-only row: create the key on install ({@code +} in the Name column). */
    public RegistrySpec createKeyOnInstall(boolean create) {
        this.createKeyOnInstall = create;
        return this;
    }

    /** For a key-only row: delete the key with all its values on uninstall ({@code -}; both give {@code *}). */
    public RegistrySpec deleteKeyOnUninstall(boolean delete) {
        this.deleteKeyOnUninstall = delete;
        return this;
    }
}

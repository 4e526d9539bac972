package dev.ssprkit.builder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A component: the unit Windows Installer installs and removes together. Its key path is the first file, else the
 * first registry value, else its directory. Without an explicit GUID, one is derived from the upgrade code and the
 * component id, so it is stable across builds.
 */
public final class ComponentSpec {
    private final PackageBuilder pkg;
    final String id;
    final DirectorySpec directory;
    String guid;
    Boolean win64;
    String condition;
    boolean permanent;
    boolean neverOverwrite;
    boolean sharedDllRefCount;
    boolean createFolder;
    String explicitKeyPath;
    boolean directoryKeyPath;
    boolean unmanaged;
    String origin;
    final List<FileSpec> files = new ArrayList<>();
    final List<RegistrySpec> registry = new ArrayList<>();

    ComponentSpec(PackageBuilder pkg, String id, DirectorySpec directory) {
        this.pkg = pkg;
        this.id = id;
        this.directory = directory;
    }

    public String id() {
        return id;
    }

    public DirectorySpec directory() {
        return directory;
    }

    public ComponentSpec guid(String guid) {
        this.guid = guid == null ? null : Guids.normalize(guid);
        return this;
    }

    /** Overrides the package platform's bitness for this component. */
    public ComponentSpec win64(boolean win64) {
        this.win64 = win64;
        return this;
    }

    public ComponentSpec condition(String condition) {
        this.condition = condition;
        return this;
    }

    public ComponentSpec permanent(boolean permanent) {
        this.permanent = permanent;
        return this;
    }

    public ComponentSpec neverOverwrite(boolean neverOverwrite) {
        this.neverOverwrite = neverOverwrite;
        return this;
    }

    public ComponentSpec sharedDllRefCount(boolean shared) {
        this.sharedDllRefCount = shared;
        return this;
    }

    /** Creates (and on uninstall removes, if empty) the component's directory even without files. */
    public ComponentSpec createFolder() {
        this.createFolder = true;
        return this;
    }

    /** Makes a file or registry row of this component its key path. */
    public ComponentSpec keyPath(String fileOrRegistryId) {
        this.explicitKeyPath = fileOrRegistryId;
        return this;
    }

    /** Makes the component's directory its key path (no file or registry key path). */
    public ComponentSpec directoryKeyPath() {
        this.directoryKeyPath = true;
        return this;
    }

    /** Leaves ComponentId empty: Windows Installer then does not track the component (no reference counting). */
    public ComponentSpec unmanaged() {
        this.unmanaged = true;
        return this;
    }

    /** Where this component came from ({@code file:line:col}), carried by its rows. */
    public ComponentSpec origin(String origin) {
        this.origin = origin;
        return this;
    }

    /** Adds a file installed under its source's file name. */
    public FileSpec file(Path source) {
        return file(source, source.getFileName().toString());
    }

    /** Adds a file installed as {@code name}; its File id is derived from the name. */
    public FileSpec file(Path source, String name) {
        return file(pkg.uniqueFileId(name), source, name);
    }

    public FileSpec file(String id, Path source, String name) {
        FileSpec f = new FileSpec(Identifiers.check("File", id, 72), this, source, name);
        files.add(f);
        pkg.registerFile(f);
        return f;
    }

    public RegistrySpec registry(RegistryRoot root, String key, String name, RegistryData data) {
        return registry(pkg.registryId(root, key, name, id), root, key, name, data);
    }

    public RegistrySpec registry(String regId, RegistryRoot root, String key, String name, RegistryData data) {
        RegistrySpec r = new RegistrySpec(Identifiers.check("Registry", regId, 72), this, root, key, name, data);
        registry.add(r);
        return r;
    }

    boolean isWin64(Platform platform) {
        return win64 != null ? win64 : platform == Platform.X64;
    }

    /** Component.Attributes: 64-bit 0x100, RegistryKeyPath 0x4, SharedDllRefCount 0x8, Permanent 0x10, NeverOverwrite 0x80. */
    int attributes(Platform platform, boolean registryKeyPath) {
        return (isWin64(platform) ? 0x100 : 0) | (registryKeyPath ? 0x4 : 0) | (sharedDllRefCount ? 0x8 : 0)
                | (permanent ? 0x10 : 0) | (neverOverwrite ? 0x80 : 0);
    }
}

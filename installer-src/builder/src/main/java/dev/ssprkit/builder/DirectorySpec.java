package dev.ssprkit.builder;

/**
 * A Directory row: an id, its parent (null only for TARGETDIR) and its name under the parent ({@code "."} for a
 * directory that only names a standard folder or a property, like ProgramFilesFolder).
 */
public final class DirectorySpec {
    private final PackageBuilder pkg;
    final String id;
    final DirectorySpec parent;
    final String name;

    DirectorySpec(PackageBuilder pkg, String id, DirectorySpec parent, String name) {
        this.pkg = pkg;
        this.id = id;
        this.parent = parent;
        this.name = name;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public DirectorySpec parent() {
        return parent;
    }

    /** A subdirectory with an explicit id. */
    public DirectorySpec subdirectory(String id, String name) {
        return pkg.directory(id, this, name);
    }

    /** A subdirectory whose id is derived from this one's and the name. */
    public DirectorySpec subdirectory(String name) {
        return pkg.directory(Identifiers.from(id + "_" + name), this, name);
    }

    /** The path as Windows Installer would resolve it, for messages: {@code ProgramFiles64Folder\Vendor\App}. */
    public String path() {
        if (parent == null || ".".equals(name)) return id;
        return parent.path() + "\\" + name;
    }

    String origin;

    /** Where this came from ({@code file:line:col}), carried by its rows. */
    public DirectorySpec origin(String origin) {
        this.origin = origin;
        return this;
    }
}

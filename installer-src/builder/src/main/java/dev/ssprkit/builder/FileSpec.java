package dev.ssprkit.builder;

import java.nio.file.Path;

/** A file of a component: where its bytes come from and how it is installed. */
public final class FileSpec {
    final String id;
    final ComponentSpec component;
    final Path source;
    final String name;
    String version;
    String language;
    boolean vital = true;
    boolean readOnly;
    boolean hidden;
    boolean system;

    FileSpec(String id, ComponentSpec component, Path source, String name) {
        this.id = id;
        this.component = component;
        this.source = source;
        this.name = name;
    }

    public String id() {
        return id;
    }

    public Path source() {
        return source;
    }

    public String name() {
        return name;
    }

    /** The file version (from the PE version resource) for versioned files; unversioned files get an MsiFileHash row. */
    public FileSpec version(String version, String language) {
        this.version = version;
        this.language = language;
        return this;
    }

    public FileSpec vital(boolean vital) {
        this.vital = vital;
        return this;
    }

    public FileSpec readOnly(boolean readOnly) {
        this.readOnly = readOnly;
        return this;
    }

    public FileSpec hidden(boolean hidden) {
        this.hidden = hidden;
        return this;
    }

    public FileSpec system(boolean system) {
        this.system = system;
        return this;
    }

    /** File.Attributes: ReadOnly 0x1, Hidden 0x2, System 0x4, Vital 0x200 (compression follows the package). */
    int attributes() {
        return (readOnly ? 0x1 : 0) | (hidden ? 0x2 : 0) | (system ? 0x4 : 0) | (vital ? 0x200 : 0);
    }

    String origin;

    /** Where this came from ({@code file:line:col}), carried by its rows. */
    public FileSpec origin(String origin) {
        this.origin = origin;
        return this;
    }
}

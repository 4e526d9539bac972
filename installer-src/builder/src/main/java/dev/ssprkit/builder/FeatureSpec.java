package dev.ssprkit.builder;

import java.util.ArrayList;
import java.util.List;

/** A feature: what the user (or ADDLOCAL) selects; it installs its components. */
public final class FeatureSpec {
    private final PackageBuilder pkg;
    final String id;
    final FeatureSpec parent;
    String title;
    String description;
    int level = 1;
    Integer display;
    String configurableDirectory;
    boolean allowAbsent = true;
    boolean disallowAdvertise;
    final List<ComponentSpec> components = new ArrayList<>();

    FeatureSpec(PackageBuilder pkg, String id, FeatureSpec parent, String title) {
        this.pkg = pkg;
        this.id = id;
        this.parent = parent;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public FeatureSpec add(ComponentSpec... cs) {
        for (ComponentSpec c : cs) if (!components.contains(c)) components.add(c);
        return this;
    }

    public FeatureSpec feature(String id, String title) {
        return pkg.feature(id, this, title);
    }

    public FeatureSpec description(String description) {
        this.description = description;
        return this;
    }

    /** Install level; 0 disables the feature, 1 installs it by default. */
    public FeatureSpec level(int level) {
        this.level = level;
        return this;
    }

    public FeatureSpec display(Integer display) {
        this.display = display;
        return this;
    }

    public FeatureSpec configurableDirectory(String directoryId) {
        this.configurableDirectory = directoryId;
        return this;
    }

    public FeatureSpec allowAbsent(boolean allow) {
        this.allowAbsent = allow;
        return this;
    }

    public FeatureSpec disallowAdvertise(boolean disallow) {
        this.disallowAdvertise = disallow;
        return this;
    }

    /** Feature.Attributes: UIDisallowAbsent 0x10, DisallowAdvertise 0x8. */
    int attributes() {
        return (allowAbsent ? 0 : 0x10) | (disallowAdvertise ? 0x8 : 0);
    }

    String origin;

    /** Where this came from ({@code file:line:col}), carried by its rows. */
    public FeatureSpec origin(String origin) {
        this.origin = origin;
        return this;
    }
}

package dev.ssprkit.wix.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of preprocessing one source file. When the run reported errors the tree may be partial or missing;
 * check the {@link dev.ssprkit.wix.diag.Diagnostics} before using it.
 */
public final class SourceDocument {

    private final Path path;
    private final SourceElement root;
    private final WixNamespace namespace;
    private final List<Path> includedFiles;

    SourceDocument(Path path, SourceElement root, WixNamespace namespace, List<Path> includedFiles) {
        this.path = Objects.requireNonNull(path, "path");
        this.root = root;
        this.namespace = namespace;
        this.includedFiles = List.copyOf(includedFiles);
    }

    public Path path() {
        return path;
    }

    /** The {@code <Wix>} element. */
    public SourceElement root() {
        if (root == null) {
            throw new IllegalStateException("no root element for " + path + "; see the diagnostics");
        }
        return root;
    }

    public boolean hasRoot() {
        return root != null;
    }

    /** The WiX schema the root declares, when it is one of the known ones. */
    public Optional<WixNamespace> namespace() {
        return Optional.ofNullable(namespace);
    }

    /** Every file brought in by {@code <?include?>}, once each, in first-inclusion order. */
    public List<Path> includedFiles() {
        return includedFiles;
    }
}

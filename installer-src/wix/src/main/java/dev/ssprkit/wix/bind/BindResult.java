package dev.ssprkit.wix.bind;

import dev.ssprkit.msi.model.Database;

import java.nio.file.Path;
import java.util.List;

/**
 * The bound package: its database, and the files that go beside it (external cabinets, uncompressed payload laid
 * out as the Directory table says), each written to a temporary path until the caller moves them into place.
 */
public record BindResult(Database database, List<SideFile> sideFiles) {
    /** A file the package needs next to it: {@code relative} to the package's folder, content now at {@code temporary}. */
    public record SideFile(String relative, Path temporary) {}
}

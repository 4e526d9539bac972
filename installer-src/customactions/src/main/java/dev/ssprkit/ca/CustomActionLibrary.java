package dev.ssprkit.ca;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ssprkit's custom-action library: our own DLLs with the entry points of WiX's util and firewall extensions, and
 * what each element family compiles to. The compiler's single entry point into this module:
 *
 * <pre>{@code
 * ElementSupport xml = CustomActionLibrary.support(ElementFamily.XML_FILE, SchemaGeneration.V4, Architecture.X64);
 * db.createTable(xml.tables().get(0));              // Wix4XmlFile, then the element's rows
 * db.table("Binary").add(xml.binary().binaryRow()); // Wix4UtilCA_X64 (once per package)
 * xml.customActions().forEach(a -> db.table("CustomAction").add(a.cells()));
 * // schedule xml.sequence() (before/after anchors), adding xml.standardActions() the package lacks
 *
 * CustomActionLibrary.binaryById("WixCA")            // an author's BinaryKey / BinaryRef
 *         .filter(b -> !b.exports("WixQuietExec"))    // DllEntry unknown? -> a located build error
 * }</pre>
 */
public final class CustomActionLibrary {
    private CustomActionLibrary() {}

    /** What {@code family} compiles to. */
    public static ElementSupport support(ElementFamily family, SchemaGeneration generation, Architecture architecture) {
        return ElementCatalog.support(family, generation, architecture);
    }

    /** The Binary row WiX uses for a library in a generation and architecture (what the scheduled actions run). */
    public static CustomActionBinary binary(LibraryKind kind, SchemaGeneration generation, Architecture architecture) {
        String id = ActionNames.binary(generation, kind, architecture);
        return new CustomActionBinary(id, kind, architecture, generation);
    }

    /**
     * The library binary a source names in {@code BinaryKey} (v3) or {@code BinaryRef} (v4), whatever the package's
     * own architecture ({@code WixCA} is the 32-bit DLL even in an x64 package, as in WiX), or empty when the id is
     * not one of the library's (the source then brings its own Binary). Ids are matched case-sensitively, as MSI keys
     * are.
     */
    public static Optional<CustomActionBinary> binaryById(String binaryId) {
        for (SchemaGeneration g : SchemaGeneration.values()) {
            for (LibraryKind k : LibraryKind.values()) {
                for (Architecture a : Architecture.values()) {
                    if (ActionNames.binary(g, k, a).equals(binaryId)) {
                        return Optional.of(new CustomActionBinary(binaryId, k, a, g));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The build error for a custom action that calls {@code dllEntry} in one of the library's binaries, or empty when
     * the DLL has that entry point (or the binary is not ours). The text names the entry point and what to do; the
     * compiler adds the source location.
     */
    public static Optional<String> entryPointProblem(String binaryId, String dllEntry) {
        Optional<CustomActionBinary> b = binaryById(binaryId);
        if (b.isEmpty() || b.get().exports(dllEntry)) return Optional.empty();
        List<String> known = b.get().entryPoints().stream().sorted().toList();
        String near = known.stream().filter(n -> n.toLowerCase(Locale.ROOT).equals(dllEntry.toLowerCase(Locale.ROOT))).findFirst()
                .map(n -> " (entry points are case-sensitive: did you mean " + n + "?)").orElse("");
        return Optional.of("DllEntry '" + dllEntry + "' is not an entry point of " + binaryId + ", ssprkit's own build of the WiX "
                + b.get().kind().extension() + " extension library" + near + "; it has: " + String.join(", ", known)
                + ". Use one of these, or ship your own DLL in a Binary element of your own.");
    }
}

package dev.ssprkit.wix.compile;

import java.util.List;
import java.util.Set;

/**
 * A WiX extension as sources know it: its XML namespaces (WiX v3 and v4+ spell them differently), the names
 * command lines load it by ({@code -ext WixUtilExtension}, {@code -ext WixToolset.Util.wixext}...), and the element
 * families that compile its elements. An extension with no families is known by name only: its elements get a
 * located "not supported yet" error instead of "unknown namespace".
 *
 * <p>{@code libraries} are WiX sources on the class path (resource names) that define what sources reference from
 * the extension (WixUI's dialog sets, for instance), as WiX's {@code .wixlib} files do: they are compiled and linked
 * only when a build references something nothing else defines.
 */
public record WixExtension(String id, String title, Set<String> namespaces, Set<String> commandLineNames,
                           List<ElementFamily> families, List<String> libraries) {

    /** An extension whose elements compile through {@code families} and that brings no library sources. */
    public WixExtension(String id, String title, Set<String> namespaces, Set<String> commandLineNames, List<ElementFamily> families) {
        this(id, title, namespaces, commandLineNames, families, List.of());
    }

    /** Whether {@code name} (as given to {@code -ext}, with or without a path or {@code .dll}) names this extension. */
    public boolean answersTo(String name) {
        String n = name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        if (n.toLowerCase(java.util.Locale.ROOT).endsWith(".dll")) n = n.substring(0, n.length() - 4);
        for (String known : commandLineNames) if (known.equalsIgnoreCase(n)) return true;
        return false;
    }
}

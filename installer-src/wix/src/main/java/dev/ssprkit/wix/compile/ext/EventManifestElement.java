package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.ca.ElementFamily;
import dev.ssprkit.ca.ElementSupport;
import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.source.SourceElement;

/**
 * {@code util:EventManifest} inside a {@code File}: the file is an event manifest that Windows' wevtutil.exe registers
 * while the file's component is installed (our DLL's ConfigureEventManifestRegister / ...Unregister schedule it).
 * What WiX's compiler emits for it (WiX v3 and v4 UtilCompiler, ParseEventManifestElement; util.xsd for the
 * attributes), which we emit too:
 * <ul>
 *   <li>a row (Component_, {@code [#FileId]}) in {@code Wix4EventManifest} (v4) / {@code EventManifest} (v3);</li>
 *   <li>for each of MessageFile, ParameterFile, ResourceFile given, an XmlFile row {@code Config_<FileId><Attribute>}
 *       that rewrites that attribute ({@code messageFileName}, {@code parameterFileName}, {@code resourceFileName}) in
 *       every provider of the installed manifest that has it to the value (typically {@code [#App.exe]}, the installed path), with
 *       ElementPath {@code /*}{@code /*}{@code /*}{@code /*[\[]@<name>[\]]} (XSLPattern) and flags 4 (bulk: every match)
 *       | 0x1000 (keep the file's modified time), so that wevtutil reads the real paths;</li>
 *   <li>a reference to the two scheduling actions (their family pulls in the XmlFile family too, as WiX's placement
 *       "after SchedXmlFile" does).</li>
 * </ul>
 */
final class EventManifestElement {
    private EventManifestElement() {}

    /** The element's attributes and the manifest attribute each one rewrites, in WiX's order. */
    private static final String[][] REWRITES = {
            {"MessageFile", "messageFileName"},
            {"ParameterFile", "parameterFileName"},
            {"ResourceFile", "resourceFileName"},
    };

    static void compile(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "MessageFile", "ParameterFile", "ResourceFile");
        boolean valid = true;
        for (String[] r : REWRITES) {
            if (a.has(r[0]) && a.str(r[0]).isEmpty()) {
                ctx.report(CompilerMessage.BAD_VALUE, a.at(r[0]), r[0], "", "it is the path written into the manifest's "
                        + r[1] + " attributes; give the file, e.g. [#App.exe], or leave the attribute out");
                valid = false;
            }
        }
        ctx.children(e, scope).run();
        String file = scope.get(Scope.FILE);
        String component = scope.get(Scope.COMPONENT);
        if (!valid || file == null || component == null) return;
        ElementSupport manifests = LibraryElements.use(ctx, e, "util:EventManifest", ElementFamily.EVENT_MANIFEST);
        if (manifests == null) return;
        String manifest = "[#" + file + "]";
        LibraryElements.row(ctx, manifests, e, component, manifest);
        ElementSupport xml = null;
        for (String[] r : REWRITES) {
            if (!a.has(r[0])) continue;
            if (xml == null) xml = LibraryElements.use(ctx, e, "util:EventManifest", ElementFamily.XML_FILE);
            if (xml == null) return;
            // XmlFile, File, ElementPath, Name, Value, Flags, Component_, Sequence
            LibraryElements.row(ctx, xml, e, "Config_" + file + r[0], manifest, "/*/*/*/*[\\[]@" + r[1] + "[\\]]", r[1], a.str(r[0]),
                    0x4 | 0x1000, component, null);
        }
    }
}

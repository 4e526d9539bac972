package dev.ssprkit.wix.bind;

import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.Row;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Completes the MsiAssembly rows of {@code File/@Assembly} and writes their MsiAssemblyName rows, as the SDK's
 * "MsiAssemblyName Table" page lists a strong name's parts and as WiX fills them:
 * <ul>
 * <li>a .NET assembly ({@code Assembly=".net"}): name, version, culture, publicKeyToken and processorArchitecture
 * from its CLI metadata ({@link ClrAssemblyReader}; no architecture for .NET 1.x), and fileVersion from its version
 * resource;</li>
 * <li>a Win32 assembly ({@code Assembly="win32"}): every attribute of the {@code <assemblyIdentity>} of its manifest
 * file ({@code AssemblyManifest}).</li>
 * </ul>
 * Feature_ is the component's feature (the null GUID in a merge module, as the SDK's merge-module pages ask).
 */
final class AssemblyStep {
    private static final String NULL_GUID = "{00000000-0000-0000-0000-000000000000}";
    private final BindContext ctx;

    AssemblyStep(BindContext ctx) {
        this.ctx = ctx;
    }

    void run() {
        for (Row assembly : ctx.rows("MsiAssembly")) {
            String component = assembly.str("Component_");
            if (assembly.str("Feature_") == null) {
                String feature = ctx.isModule() ? NULL_GUID : FeatureStep.primaryFeature(ctx, component);
                if (feature == null) {
                    ctx.report(CompilerMessage.COMPONENT_WITHOUT_FEATURE, assembly.location(), component);
                    continue;
                }
                assembly.set("Feature_", feature);
            }
            String kind = (String) assembly.extra("Assembly");
            String fileId = (String) assembly.extra("AssemblyFile");
            if (kind == null || fileId == null) continue; // a row written as a table row, not from File/@Assembly
            BindContext.FileFacts file = ctx.files.get(fileId);
            if (file == null || file.source() == null) continue; // reported by the file step
            Map<String, String> parts = kind.equals(".net") ? dotNet(file, assembly) : win32(assembly);
            if (parts == null) continue;
            parts.forEach((name, value) -> ctx.linked.add(new Row(StandardSchema.require("MsiAssemblyName"), assembly.location())
                    .set("Component_", component).set("Name", name).set("Value", value)));
        }
    }

    private Map<String, String> dotNet(BindContext.FileFacts file, Row assembly) {
        var identity = ClrAssemblyReader.read(file.source());
        if (identity.isEmpty()) {
            ctx.report(CompilerMessage.ASSEMBLY_UNREADABLE, assembly.location(), file.sourceName(), ".net",
                    "it has no readable CLI metadata with an assembly manifest");
            return null;
        }
        ClrAssemblyReader a = identity.get();
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("name", a.name());
        parts.put("version", a.version());
        parts.put("culture", a.culture());
        if (a.publicKeyToken() != null) parts.put("publicKeyToken", a.publicKeyToken());
        if (a.architecture() != null) parts.put("processorArchitecture", a.architecture());
        PeVersionReader.read(file.source()).ifPresent(v -> parts.put("fileVersion", v.version()));
        return parts;
    }

    private Map<String, String> win32(Row assembly) {
        String manifestId = assembly.str("File_Manifest");
        BindContext.FileFacts manifest = manifestId == null ? null : ctx.files.get(manifestId);
        if (manifest == null || manifest.source() == null) return null; // the compiler asked for AssemblyManifest
        Map<String, String> parts = identity(manifest.source());
        if (parts == null || parts.isEmpty()) {
            ctx.report(CompilerMessage.ASSEMBLY_UNREADABLE, assembly.location(), manifest.sourceName(), "win32",
                    "its manifest has no readable <assemblyIdentity>");
            return null;
        }
        return parts;
    }

    /** The attributes of a manifest's first assemblyIdentity, in document order; null when it cannot be read. */
    private static Map<String, String> identity(Path manifest) {
        XMLInputFactory f = dev.ssprkit.wix.source.LocatedXml.hardenedFactory();
        try (InputStream in = Files.newInputStream(manifest)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("assemblyIdentity")) {
                        Map<String, String> parts = new LinkedHashMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) parts.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        return parts;
                    }
                }
                return Map.of();
            } finally {
                r.close();
            }
        } catch (Exception e) {
            return null;
        }
    }
}

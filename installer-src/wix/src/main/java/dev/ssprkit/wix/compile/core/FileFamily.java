package dev.ssprkit.wix.compile.core;

import dev.ssprkit.builder.Identifiers;
import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.Membership;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.source.SourceElement;

import java.nio.file.Path;

/**
 * File (in a Component), the naked File of WiX v4 (a component of its own), and the File-owned rows: Font, SelfReg,
 * BindImage. Size, version, language, hash and sequence are the binder's; the compiler records the payload path and
 * what the source says as extras.
 *
 * <p>File.Attributes bits (SDK): ReadOnly 0x1, Hidden 0x2, System 0x4, Vital 0x200, Checksum 0x400,
 * Noncompressed 0x2000, Compressed 0x4000.
 */
public final class FileFamily implements ElementFamily {
    /** Where WiX v4+ takes a File outside any Component; a Module's naked files go to INSTALLFOLDER like a Package's. */
    static final String[] NAKED_PARENTS = {"Directory", "DirectoryRef", "StandardDirectory", "ComponentGroup",
            "Feature", "FeatureRef", "FeatureGroup", "Package", "Fragment", "Module"};

    @Override
    public void register(Grammar g) {
        g.on("File", (ctx, e, s) -> file(ctx, e, s, false), "Component");
        g.on("File", this::nakedFile, NAKED_PARENTS);
    }

    /** The File id as written, or (v3) the name made an identifier, or (v4) one derived from directory and name. */
    static String fileId(CompileContext ctx, SourceElement f, String directory) {
        String id = f.attr("Id");
        if (id != null) return id;
        String name = name(f);
        if (name == null) return null;
        return ctx.v4() ? CompileContext.generatedId("fil", directory, name) : Identifiers.from(name);
    }

    /** The install name: Name, else (v3) LongName, else the Source's last segment, else ShortName. */
    private static String name(SourceElement f) {
        String name = f.attr("Name");
        if (name == null) name = f.attr("LongName");
        String source = f.attr("Source") != null ? f.attr("Source") : f.attr("src");
        if (name == null && source != null && !source.endsWith("\\") && !source.endsWith("/")) name = baseName(source);
        if (name == null) name = f.attr("ShortName");
        return name == null || name.isEmpty() ? null : name;
    }

    /** The last segment of a written path (either separator), without asking the file system. */
    static String baseName(String written) {
        String s = written.replace('\\', '/');
        return s.substring(s.lastIndexOf('/') + 1);
    }

    private void nakedFile(CompileContext ctx, SourceElement e, Scope scope) {
        if (!ctx.v4()) {
            ctx.report(CompilerMessage.UNKNOWN_ELEMENT, e.location(), "File", scope.get(Scope.PARENT), "in WiX v3 a File belongs in a <Component>");
            return;
        }
        String directory = scope.get(Scope.DIRECTORY);
        String dirAttr = e.attr("Directory");
        if (dirAttr != null) directory = StandardDirectories.resolve(dirAttr, ctx.platform());
        if (directory == null) directory = "INSTALLFOLDER";
        ctx.reference("Directory", directory, e.location());
        String sub = e.attr("Subdirectory");
        if (sub != null) {
            var at = e.attribute("Subdirectory").get().location();
            directory = Subdirectories.create(ctx, "Subdirectory", sub, at, directory);
        }
        String id = e.attr("Id");
        if (id == null) {
            String name = name(e);
            id = CompileContext.generatedId("nkf", directory, name, e.attr("Condition"), e.attr("Bitness"));
        }
        Scope inner = scope.with(Scope.COMPONENT, id).with(Scope.DIRECTORY, directory);
        Boolean win64 = "always64".equals(e.attr("Bitness")) ? Boolean.TRUE : "always32".equals(e.attr("Bitness")) ? Boolean.FALSE : null;
        inner = inner.with(Scope.BITNESS, e.attr("Bitness"));
        Row file = file(ctx, e, inner, true);
        if (file == null) return;
        Row component = ctx.row("Component", e.location()).set("Component", id).set("ComponentId", "*").set("Directory_", directory)
                .set("Condition", e.attr("Condition"));
        component.extra("BaseAttributes", 0).extra("Win64", win64);
        file.extra("KeyPath", "yes");
        ComponentFamily.placeIn(ctx, scope, "Component", id, e);
    }

    /** Compiles a File; returns its row (null when it could not be made). */
    Row file(CompileContext ctx, SourceElement e, Scope scope, boolean naked) {
        Attrs a = naked
                ? ctx.attrs(e, "Id", "Name", "ShortName", "Source", "KeyPath", "Vital", "ReadOnly", "Hidden", "System",
                "Checksum", "Compressed", "DiskId", "DefaultLanguage", "DefaultSize", "DefaultVersion", "CompanionFile",
                "FontTitle", "TrueType", "SelfRegCost", "Bitness", "Condition", "Directory", "Subdirectory",
                "Assembly", "AssemblyManifest", "AssemblyApplication", "ProcessorArchitecture", "PatchGroup",
                "PatchIgnore", "PatchAllowIgnoreOnError", "PatchWholeFile", "BindPath")
                : ctx.attrs(e, "Id", "Name", "ShortName", "LongName", "Source", "src", "KeyPath", "Vital", "ReadOnly",
                "Hidden", "System", "Checksum", "Compressed", "DiskId", "DefaultLanguage", "DefaultSize",
                "DefaultVersion", "CompanionFile", "FontTitle", "TrueType", "SelfRegCost", "Assembly",
                "AssemblyManifest", "AssemblyApplication", "ProcessorArchitecture", "PatchGroup", "PatchIgnore",
                "PatchAllowIgnoreOnError", "PatchWholeFile", "BindPath", "Bitness");
        String component = scope.get(Scope.COMPONENT);
        String directory = scope.get(Scope.DIRECTORY);
        String name = name(e);
        if (name == null && a.has("Name")) ctx.installName(a, "Name", a.str("Name"), false); // an empty Name
        else if (name == null) a.required("Name");
        String id = naked ? component : fileId(ctx, e, directory);
        if (a.has("Id")) id = a.id("Id", true);
        String written = a.has("Source") ? a.str("Source") : a.str("src");
        String source;
        if (written == null) {
            String base = scope.get(Scope.FILE_SOURCE);
            source = (base == null ? "" : base) + name;
        } else if (written.endsWith("\\") || written.endsWith("/")) {
            source = written + name;
        } else {
            source = written;
        }
        if (name != null && !ctx.installName(a, a.has("Name") ? "Name" : a.has("LongName") ? "LongName" : "Source", name, false)) name = null;
        int bits = 0;
        if (a.yesNo("ReadOnly", false)) bits |= 0x1;
        if (a.yesNo("Hidden", false)) bits |= 0x2;
        if (a.yesNo("System", false)) bits |= 0x4;
        if (a.yesNo("Vital", true)) bits |= 0x200;
        if (a.yesNo("Checksum", false)) bits |= 0x400;
        String compressed = a.oneOf("Compressed", "default", "yes", "no", "default");
        Integer disk = a.integer("DiskId", null, 1, 32767);
        if (disk == null && scope.has(Scope.DISK_ID)) disk = Integer.valueOf(scope.get(Scope.DISK_ID));
        String keyPath = a.has("KeyPath") ? (a.yesNo("KeyPath", false) ? "yes" : "no") : null;
        String companion = a.id("CompanionFile", false);
        if (companion != null) ctx.reference("File", companion, a.at("CompanionFile"));
        Integer selfRegCost = a.integer("SelfRegCost", null, 0, 32767);
        String fontTitle = a.str("FontTitle");
        boolean trueType = a.yesNo("TrueType", false);
        String assembly = a.oneOf("Assembly", "no", ".net", "win32", "no");
        for (String patch : new String[] {"PatchGroup", "PatchIgnore", "PatchAllowIgnoreOnError", "PatchWholeFile", "ProcessorArchitecture", "BindPath"}) {
            a.str(patch);
        }
        String manifest = a.id("AssemblyManifest", false);
        String application = a.id("AssemblyApplication", false);
        if (manifest != null) ctx.reference("File", manifest, a.at("AssemblyManifest"));
        if (application != null) ctx.reference("File", application, a.at("AssemblyApplication"));
        if ("win32".equals(assembly) && manifest == null) {
            ctx.report(CompilerMessage.MISSING_ATTRIBUTE, e.location(), "File Assembly=\"win32\"", "AssemblyManifest");
        }
        // a WixVariable in the path (!(wix.DocumentationFolder)\x.conf) is known once linked: the binder finds the file
        boolean deferredSource = source != null && source.contains("!(wix.");
        Path payload = source == null || deferredSource ? null : ctx.payload(a, written != null ? (a.has("Source") ? "Source" : "src") : "Name", source);
        Scope inner = scope.with(Scope.FILE, id).with(Scope.LOCK_TABLE, "File").with(Scope.LOCK_OBJECT, id);
        ctx.children(e, inner).run();
        if (id == null || (payload == null && !deferredSource) || name == null || component == null) return null;
        Row row = ctx.row("File", e.location()).set("File", id).set("Component_", component).set("Attributes", bits);
        if (deferredSource) row.extra("DeferredSource", source).extra("SourceFolder", ctx.sourceDirectory());
        row.extra("Name", name).extra("ShortName", a.str("ShortName")).extra("Source", payload).extra("KeyPath", keyPath)
                .extra("DiskId", disk).extra("Compressed", compressed.equals("default") ? null : compressed.equals("yes"))
                .extra("DefaultVersion", a.str("DefaultVersion")).extra("DefaultLanguage", a.str("DefaultLanguage"))
                .extra("DefaultSize", a.integer("DefaultSize", null, 0, Integer.MAX_VALUE)).extra("CompanionFile", companion);
        if (!"no".equals(assembly)) {
            // the SDK's MsiAssembly table; the binder fills Feature_ and reads the MsiAssemblyName rows from the payload
            ctx.row("MsiAssembly", e.location()).set("Component_", component).set("File_Manifest", manifest)
                    .set("File_Application", application).set("Attributes", "win32".equals(assembly) ? 1 : null)
                    .extra("Assembly", assembly).extra("AssemblyFile", id);
        }
        if (fontTitle != null || trueType) ctx.row("Font", e.location()).set("File_", id).set("FontTitle", fontTitle);
        if (selfRegCost != null) ctx.row("SelfReg", e.location()).set("File_", id).set("Cost", selfRegCost);
        return row;
    }

    /** Marks the component's membership for a File written directly under a feature (v4 naked files). */
    static void member(CompileContext ctx, Scope scope, String component, SourceElement e) {
        ctx.add(new Membership("Feature", scope.get(Scope.FEATURE), "Component", component, true, e.location()));
    }
}

package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.ca.ElementFamily;
import dev.ssprkit.ca.ElementSupport;
import dev.ssprkit.ca.SchemaGeneration;
import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.source.SourceElement;

/**
 * The NetFx extension's {@code NativeImage} (inside a {@code File}): NGen makes native images of the file's assembly
 * while its component is installed (our DLL's SchedNetFx / ExecNetFx). As WiX documents it (netfx.xsd of v3 and v4,
 * NetFxCompiler's ParseNativeImageElement, the NetFxNativeImage / Wix4NetFxNativeImage table definitions):
 * <ul>
 *   <li>Id is required in v3; in v4 a missing Id is generated from the file's;</li>
 *   <li>Priority 0..3, 3 when absent (0 is synchronous, 1-3 queued);</li>
 *   <li>Attributes: Debug="yes" 0x1, Dependencies="no" 0x2, Profile="yes" 0x4; Platform 32bit (the default) 0x8,
 *       64bit 0x10, all 0x18;</li>
 *   <li>AssemblyApplication (File_Application) and AppBaseDirectory (Directory_ApplicationBase) are kept as written;
 *       without a {@code [} they are a File / Directory id, referenced so that a missing one is a build error.</li>
 * </ul>
 * The row references the library's scheduling action, which brings in WiX's five actions, their placements and the
 * NetFx binary (NetFxCA / NetFxCA_x64 in v3, Wix4NetFxCA_X86/_X64/_A64 in v4, our util DLL).
 */
public final class NetFxFamily implements dev.ssprkit.wix.compile.ElementFamily {
    @Override
    public void register(Grammar g) {
        g.on("NativeImage", NetFxFamily::nativeImage, "File");
    }

    private static void nativeImage(CompileContext ctx, SourceElement e, Scope scope) {
        boolean v4 = LibraryElements.generation(e) == SchemaGeneration.V4;
        Attrs a = ctx.attrs(e, "Id", "AppBaseDirectory", "AssemblyApplication", "Debug", "Dependencies", "Platform", "Priority", "Profile");
        String file = scope.get(Scope.FILE);
        String id = v4 && !a.has("Id") ? CompileContext.generatedId("nni", file) : a.id("Id", true);
        int attributes = switch (a.oneOf("Platform", "32bit", "32bit", "64bit", "all")) {
            case "64bit" -> 0x10;
            case "all" -> 0x18;
            default -> 0x8;
        };
        if (a.yesNo("Debug", false)) attributes |= 0x1;
        if (!a.yesNo("Dependencies", true)) attributes |= 0x2;
        if (a.yesNo("Profile", false)) attributes |= 0x4;
        Integer priority = a.integer("Priority", 3, 0, 3);
        String application = nonEmpty(ctx, a, "AssemblyApplication", "the application that loads this assembly: a File id or a formatted path");
        String appBase = nonEmpty(ctx, a, "AppBaseDirectory", "the directory of the application that loads this assembly: a Directory id or a formatted path");
        if (application != null && !application.contains("[")) ctx.reference("File", application, a.at("AssemblyApplication"));
        if (appBase != null && !appBase.contains("[")) ctx.reference("Directory", appBase, a.at("AppBaseDirectory"));
        ctx.children(e, scope).run();
        if (id == null || file == null || priority == null) return;
        ElementSupport s = LibraryElements.use(ctx, e, "netfx:NativeImage", ElementFamily.NATIVE_IMAGE);
        // NetFxNativeImage, File_, Priority, Attributes, File_Application, Directory_ApplicationBase
        LibraryElements.row(ctx, s, e, id, file, priority, attributes, application, appBase);
    }

    /** The attribute's value; an empty one is a located error (WiX's schema requires a value), null. */
    private static String nonEmpty(CompileContext ctx, Attrs a, String name, String what) {
        String v = a.str(name);
        if (v != null && v.isEmpty()) {
            ctx.report(CompilerMessage.BAD_VALUE, a.at(name), name, "", "it names " + what + "; give one or leave the attribute out");
            return null;
        }
        return v;
    }
}

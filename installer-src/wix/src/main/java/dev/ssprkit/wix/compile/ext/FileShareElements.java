package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.ca.ElementFamily;
import dev.ssprkit.ca.ElementSupport;
import dev.ssprkit.ca.SchemaGeneration;
import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.compile.core.AccessMask;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.source.SourceAttribute;
import dev.ssprkit.wix.source.SourceElement;

/**
 * util:FileShare (in a Component: the component's directory is shared under Name while the component is installed)
 * and its util:FileSharePermission children (a util:User reference and yes/no rights), as WiX v3 and v4 document them:
 * tables FileShare / FileSharePermissions (v3), Wix4FileShare / Wix4FileSharePermissions (v4+); a share needs at least
 * one permission; the rights form an access mask laid out as WinNT.h does (folder-specific rights from bit 0, standard
 * rights from bit 16, generic rights from bit 28: {@link AccessMask}); GenericRead alone is the MSI null integer and is
 * refused, as WiX refuses it. The library's ConfigureSmbInstall / ConfigureSmbUninstall schedule the shares.
 */
final class FileShareElements {
    private static final String SHARE = "util.FileShare";

    private FileShareElements() {}

    static void register(Grammar g) {
        g.on("FileShare", FileShareElements::fileShare, "Component");
        g.on("FileSharePermission", FileShareElements::permission, "FileShare");
    }

    private static void fileShare(CompileContext ctx, SourceElement e, Scope scope) {
        boolean v4 = LibraryElements.generation(e) == SchemaGeneration.V4;
        Attrs a = ctx.attrs(e, "Id", "Name", "Description");
        String component = scope.get(Scope.COMPONENT);
        String directory = scope.get(Scope.DIRECTORY);
        String name = a.required("Name");
        String id = v4 && !a.has("Id") ? CompileContext.generatedId("ufs", component, name) : a.id("Id", true);
        ctx.children(e, scope.with(SHARE, id)).run();
        if (e.children().stream().noneMatch(c -> "FileSharePermission".equals(c.localName()) && c.namespaceUri().equals(e.namespaceUri()))) {
            ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "util:FileShare", "a util:FileSharePermission child",
                    "a share without permissions gives nobody access; WiX reports this too");
        }
        if (id == null || name == null || component == null) return;
        if (directory == null) {
            ctx.report(CompilerMessage.MISSING_ATTRIBUTE, e.location(), "Component (of util:FileShare)", "Directory");
            return;
        }
        ElementSupport s = LibraryElements.use(ctx, e, "util:FileShare", ElementFamily.FILE_SHARE);
        if (s == null) return;
        Row r = ctx.row(s.tables().get(0).name(), e.location());
        r.set(0, id).set(1, name).set(2, component).set(3, a.str("Description")).set(4, directory);
    }

    private static void permission(CompileContext ctx, SourceElement e, Scope scope) {
        AccessMask mask = AccessMask.forTable("CreateFolder", false);
        String user = null;
        SourceAttribute userAttr = null;
        for (SourceAttribute attr : e.attributes()) {
            if (!attr.namespaceUri().isEmpty() && !attr.namespaceUri().equals(e.namespaceUri())) continue;
            if (attr.localName().equals("User")) {
                userAttr = attr;
                user = attr.value();
            } else if (!mask.accept(ctx, attr)) {
                ctx.report(CompilerMessage.UNKNOWN_ATTRIBUTE, attr.location(), "util:FileSharePermission", attr.localName(), "User, " + mask.names());
            }
        }
        ctx.children(e, scope).run();
        if (user == null) {
            ctx.report(CompilerMessage.MISSING_ATTRIBUTE, e.location(), "util:FileSharePermission", "User");
            return;
        }
        if (mask.isMsiNull()) {
            ctx.report(CompilerMessage.BAD_VALUE, e.location(), "util:FileSharePermission", "GenericRead alone",
                    "GenericRead alone is the MSI null integer; add another right (e.g. Read or ReadPermission), as WiX asks too");
            return;
        }
        String share = scope.get(SHARE);
        if (share == null) return;
        ElementSupport s = LibraryElements.use(ctx, e, "util:FileSharePermission", ElementFamily.FILE_SHARE);
        if (s == null) return;
        ctx.reference(s.tables().get(2).name(), user, userAttr.location());
        ctx.row(s.tables().get(1).name(), e.location()).set(0, share).set(1, user).set(2, mask.value());
    }
}

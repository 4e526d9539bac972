package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.ca.ElementFamily;
import dev.ssprkit.ca.ElementSupport;
import dev.ssprkit.ca.SchemaGeneration;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.compile.core.AccessMask;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.source.SourceAttribute;
import dev.ssprkit.wix.source.SourceElement;

/**
 * util:PermissionEx under CreateFolder, File, RegistryKey (with ForceCreateOnInstall) / RegistryValue and
 * ServiceInstall, as WiX v3 and v4+ compile it: one SecureObjects (v3) / Wix4SecureObject (v4+) row per element
 * (object, table, Domain, User, v4's Attributes with 0x1 = inheritable unless {@code Inheritable="no"}, the access
 * mask, the component), applied at install time by the library's SchedSecureObjects / ExecSecureObjects, which
 * resolve the account on the target machine and add its entry to the object's existing DACL.
 *
 * <p>Every account goes this way, well-known ones included, because WiX does so in every version and because the
 * result differs from an MsiLockPermissionsEx descriptor: WiX's action sets the account's entry in the DACL the object
 * already has (a service keeps its default entries; an MsiLockPermissionsEx descriptor replaces them), adds the
 * query rights WiX always grants on services, and v3 makes only folder entries inheritable. Authors who want a whole
 * descriptor write the core PermissionEx with Sddl.
 *
 * <p>Rights: the element's yes/no attributes laid out as WinNT.h does ({@link AccessMask}); GenericRead alone is the
 * MSI null integer and refused, as WiX refuses it. WiX v3's schema has no Inheritable.
 */
final class PermissionExElement {
    private PermissionExElement() {}

    static void register(Grammar g) {
        g.on("PermissionEx", PermissionExElement::compile, "CreateFolder", "File", "RegistryKey", "RegistryValue", "ServiceInstall");
    }

    private static void compile(CompileContext ctx, SourceElement e, Scope scope) {
        boolean v4 = LibraryElements.generation(e) == SchemaGeneration.V4;
        String table = scope.get(Scope.LOCK_TABLE);
        String object = scope.get(Scope.LOCK_OBJECT);
        AccessMask mask = AccessMask.forTable(table, true);
        if (mask == null || object == null) {
            ctx.report(CompilerMessage.UNKNOWN_ELEMENT, e.location(), "util:PermissionEx", scope.get(Scope.PARENT),
                    "a RegistryKey needs ForceCreateOnInstall=\"yes\" to carry permissions (WiX reports this too)");
            return;
        }
        String user = null, domain = null;
        boolean inheritable = true;
        for (SourceAttribute attr : e.attributes()) {
            if (!attr.namespaceUri().isEmpty() && !attr.namespaceUri().equals(e.namespaceUri())) continue;
            switch (attr.localName()) {
                case "User" -> user = attr.value();
                case "Domain" -> domain = attr.value();
                case "Inheritable" -> {
                    if (v4) inheritable = !yesNo(ctx, attr).equals("no");
                    else ctx.report(CompilerMessage.UNKNOWN_ATTRIBUTE, attr.location(), "util:PermissionEx", "Inheritable",
                            "User, Domain, " + mask.names() + " (Inheritable is WiX v4's; WiX v3 makes folder entries inheritable and others not)");
                }
                default -> {
                    if (!mask.accept(ctx, attr)) ctx.report(CompilerMessage.UNKNOWN_ATTRIBUTE, attr.location(), "util:PermissionEx", attr.localName(),
                            "User, Domain, " + (v4 ? "Inheritable, " : "") + mask.names());
                }
            }
        }
        ctx.children(e, scope).run();
        if (user == null || user.isEmpty()) {
            ctx.report(CompilerMessage.MISSING_ATTRIBUTE, e.location(), "util:PermissionEx", "User");
            return;
        }
        if (mask.isMsiNull()) {
            ctx.report(CompilerMessage.BAD_VALUE, e.location(), "util:PermissionEx", "GenericRead alone",
                    "GenericRead alone is the MSI null integer; add another right (e.g. Read or ReadPermission), as WiX asks too");
            return;
        }
        String component = scope.get(Scope.COMPONENT);
        if (component == null) return;
        ElementSupport s = LibraryElements.use(ctx, e, "util:PermissionEx", ElementFamily.SECURE_OBJECTS);
        if (s == null) return;
        String d = domain == null || domain.isEmpty() ? null : domain;
        if (v4) LibraryElements.row(ctx, s, e, object, table, d, user, inheritable ? 1 : 0, mask.value(), component);
        else LibraryElements.row(ctx, s, e, object, table, d, user, mask.value(), component);
    }

    private static String yesNo(CompileContext ctx, SourceAttribute a) {
        return switch (a.value()) {
            case "yes", "true" -> "yes";
            case "no", "false" -> "no";
            default -> {
                ctx.report(CompilerMessage.BAD_ENUM, a.location(), a.localName(), a.value(), "yes, no");
                yield "yes";
            }
        };
    }
}

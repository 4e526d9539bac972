package dev.ssprkit.wix.compile.core;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.source.SourceAttribute;
import dev.ssprkit.wix.source.SourceElement;

import java.util.List;

/**
 * Permission (LockPermissions: a user's access mask on a file, folder or registry key) and PermissionEx
 * (MsiLockPermissionsEx: an SDDL security descriptor, also for services). The access mask is built from the
 * attributes as WinNT.h lays it out: object-specific rights in bits 0-15, standard rights (Delete, ReadPermission,
 * ChangePermission, TakeOwnership, Synchronize) from bit 16, generic rights (GenericAll, GenericExecute,
 * GenericWrite, GenericRead) from bit 28.
 */
public final class PermissionFamily implements ElementFamily {
    private static final List<String> STANDARD = List.of("Delete", "ReadPermission", "ChangePermission", "TakeOwnership", "Synchronize");
    private static final List<String> GENERIC = List.of("GenericAll", "GenericExecute", "GenericWrite", "GenericRead");
    private static final List<String> FOLDER = List.of("Read", "CreateFile", "CreateChild", "ReadExtendedAttributes", "WriteExtendedAttributes", "Traverse", "DeleteChild", "ReadAttributes", "WriteAttributes");
    private static final List<String> FILE = List.of("Read", "Write", "Append", "ReadExtendedAttributes", "WriteExtendedAttributes", "Execute", "FileAllRights", "ReadAttributes", "WriteAttributes");
    private static final List<String> REGISTRY = List.of("Read", "Write", "CreateSubkeys", "EnumerateSubkeys", "Notify", "CreateLink");

    @Override
    public void register(Grammar g) {
        g.on("Permission", this::permission, "CreateFolder", "File", "RegistryKey", "RegistryValue");
        g.on("PermissionEx", this::permissionEx, "CreateFolder", "File", "RegistryKey", "RegistryValue", "ServiceInstall");
    }

    private void permission(CompileContext ctx, SourceElement e, Scope scope) {
        String table = scope.get(Scope.LOCK_TABLE);
        String object = scope.get(Scope.LOCK_OBJECT);
        List<String> special = switch (table == null ? "" : table) {
            case "CreateFolder" -> FOLDER;
            case "File" -> FILE;
            case "Registry" -> REGISTRY;
            default -> null;
        };
        if (special == null || object == null) {
            ctx.report(CompilerMessage.UNKNOWN_ELEMENT, e.location(), "Permission", scope.get(Scope.PARENT), "a RegistryKey needs ForceCreateOnInstall=\"yes\" to carry permissions");
            return;
        }
        long bits = 0;
        String user = null, domain = null;
        for (SourceAttribute attr : e.attributes()) {
            String n = attr.localName();
            if (!attr.namespaceUri().isEmpty()) continue;
            switch (n) {
                case "User" -> user = attr.value();
                case "Domain" -> domain = attr.value();
                case "Extended" -> { }
                case "FileAllRights" -> bits |= yes(ctx, attr) ? 0x001F01FFL : 0;
                case "SpecificRightsAll" -> bits |= yes(ctx, attr) ? 0x0000FFFFL : 0;
                default -> {
                    int i;
                    if ((i = STANDARD.indexOf(n)) >= 0) bits |= yes(ctx, attr) ? 1L << (16 + i) : 0;
                    else if ((i = GENERIC.indexOf(n)) >= 0) bits |= yes(ctx, attr) ? 1L << (28 + i) : 0;
                    else if ((i = special.indexOf(n)) >= 0) bits |= yes(ctx, attr) ? 1L << i : 0;
                    else ctx.report(CompilerMessage.UNKNOWN_ATTRIBUTE, attr.location(), "Permission", n,
                                "User, Domain, " + String.join(", ", STANDARD) + ", " + String.join(", ", GENERIC) + ", " + String.join(", ", special));
                }
            }
        }
        if (user == null) ctx.report(CompilerMessage.MISSING_ATTRIBUTE, e.location(), "Permission", "User");
        int permission = (int) bits;
        if (permission == Integer.MIN_VALUE) {
            ctx.report(CompilerMessage.BAD_VALUE, e.location(), "Permission", "GenericRead alone", "its mask is the MSI null integer; add another right (e.g. Read or ReadPermission)");
            return;
        }
        ctx.children(e, scope).run();
        if (user == null) return;
        ctx.row("LockPermissions", e.location()).set("LockObject", object).set("Table", table).set("Domain", domain)
                .set("User", user).set("Permission", permission);
    }

    private static boolean yes(CompileContext ctx, SourceAttribute a) {
        return switch (a.value()) {
            case "yes", "true" -> true;
            case "no", "false" -> false;
            default -> {
                ctx.report(CompilerMessage.BAD_ENUM, a.location(), a.localName(), a.value(), "yes, no");
                yield false;
            }
        };
    }

    private void permissionEx(CompileContext ctx, SourceElement e, Scope scope) {
        String table = scope.get(Scope.LOCK_TABLE);
        String object = scope.get(Scope.LOCK_OBJECT);
        Attrs a = ctx.attrs(e, "Id", "Sddl", "Condition");
        String sddl = a.required("Sddl");
        if (table == null || object == null) {
            ctx.report(CompilerMessage.UNKNOWN_ELEMENT, e.location(), "PermissionEx", scope.get(Scope.PARENT), "a RegistryKey needs ForceCreateOnInstall=\"yes\" to carry permissions");
            return;
        }
        String id = a.id("Id", false);
        if (id == null && !a.has("Id")) id = CompileContext.generatedId("pme", object, table, sddl);
        ctx.children(e, scope).run();
        if (id == null || sddl == null) return;
        ctx.row("MsiLockPermissionsEx", e.location()).set("MsiLockPermissionsEx", id).set("LockObject", object)
                .set("Table", table).set("SDDLText", sddl).set("Condition", a.str("Condition"));
    }
}

package dev.ssprkit.wix.compile.core;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.source.SourceAttribute;
import dev.ssprkit.wix.source.SourceElement;


/**
 * Permission (LockPermissions: a user's access mask on a file, folder or registry key) and PermissionEx
 * (MsiLockPermissionsEx: an SDDL security descriptor, also for services). The access mask is built from the
 * attributes ({@link AccessMask}).
 */
public final class PermissionFamily implements ElementFamily {
    @Override
    public void register(Grammar g) {
        g.on("Permission", this::permission, "CreateFolder", "File", "RegistryKey", "RegistryValue");
        g.on("PermissionEx", this::permissionEx, "CreateFolder", "File", "RegistryKey", "RegistryValue", "ServiceInstall");
    }

    private void permission(CompileContext ctx, SourceElement e, Scope scope) {
        String table = scope.get(Scope.LOCK_TABLE);
        String object = scope.get(Scope.LOCK_OBJECT);
        AccessMask mask = AccessMask.forTable(table, false);
        if (mask == null || object == null) {
            ctx.report(CompilerMessage.UNKNOWN_ELEMENT, e.location(), "Permission", scope.get(Scope.PARENT), "a RegistryKey needs ForceCreateOnInstall=\"yes\" to carry permissions");
            return;
        }
        String user = null, domain = null;
        for (SourceAttribute attr : e.attributes()) {
            String n = attr.localName();
            if (!attr.namespaceUri().isEmpty()) continue;
            switch (n) {
                case "User" -> user = attr.value();
                case "Domain" -> domain = attr.value();
                case "Extended" -> { }
                default -> {
                    if (!mask.accept(ctx, attr)) ctx.report(CompilerMessage.UNKNOWN_ATTRIBUTE, attr.location(), "Permission", n, "User, Domain, " + mask.names());
                }
            }
        }
        if (user == null) ctx.report(CompilerMessage.MISSING_ATTRIBUTE, e.location(), "Permission", "User");
        int permission = mask.value();
        if (mask.isMsiNull()) {
            ctx.report(CompilerMessage.BAD_VALUE, e.location(), "Permission", "GenericRead alone", "its mask is the MSI null integer; add another right (e.g. Read or ReadPermission)");
            return;
        }
        ctx.children(e, scope).run();
        if (user == null) return;
        ctx.row("LockPermissions", e.location()).set("LockObject", object).set("Table", table).set("Domain", domain)
                .set("User", user).set("Permission", permission);
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

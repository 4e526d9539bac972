package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.compile.core.AccessMask;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.source.SourceAttribute;
import dev.ssprkit.wix.source.SourceElement;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The util extension's elements that Windows Installer's own tables can carry, so no custom action is needed:
 * <ul>
 * <li>{@code EventSource}: the event log source's registry values under
 *     {@code HKLM\SYSTEM\CurrentControlSet\Services\EventLog\LOG\SOURCE} (message files as REG_EXPAND_SZ, counts and
 *     the supported event types as REG_DWORD), as the WiX documentation lists them;</li>
 * <li>{@code PermissionEx}: an access-allowed entry for a well-known or service account in the object's
 *     MsiLockPermissionsEx security descriptor (Windows Installer 5.0, Windows 7 and later). Entries for one object
 *     are gathered into one descriptor; folder and registry entries are inherited by what is below them unless
 *     {@code Inheritable="no"}. Entries inherited from the parent folder stay. Accounts only the target machine can
 *     resolve are reported as not supported yet;</li>
 * </ul>
 */
public final class UtilFamily implements ElementFamily {
    private static final String EVENT_LOG = "SYSTEM\\CurrentControlSet\\Services\\EventLog\\";

    @Override
    public void register(Grammar g) {
        g.on("EventSource", this::eventSource, "Component");
        g.on("PermissionEx", this::permissionEx, "CreateFolder", "File", "RegistryKey", "RegistryValue", "ServiceInstall");
    }

    private void eventSource(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Name", "Log", "EventMessageFile", "CategoryMessageFile", "CategoryCount", "ParameterMessageFile",
                "KeyPath", "SupportsErrors", "SupportsWarnings", "SupportsInformationals", "SupportsSuccessAudits", "SupportsFailureAudits");
        String name = a.required("Name");
        String log = a.required("Log");
        String messages = a.required("EventMessageFile");
        if ("Security".equalsIgnoreCase(log)) {
            ctx.report(CompilerMessage.BAD_ENUM, a.at("Log"), "Log", log, "Application, System or a custom event log (Windows keeps the Security log's sources itself)");
            log = null;
        }
        Integer categoryCount = a.integer("CategoryCount", null, 0, Integer.MAX_VALUE);
        if (a.has("CategoryMessageFile") != (categoryCount != null)) {
            ctx.report(CompilerMessage.MISSING_ATTRIBUTE, e.location(), "EventSource", a.has("CategoryMessageFile") ? "CategoryCount" : "CategoryMessageFile");
        }
        int types = (a.yesNo("SupportsErrors", false) ? 0x01 : 0) | (a.yesNo("SupportsWarnings", false) ? 0x02 : 0)
                | (a.yesNo("SupportsInformationals", false) ? 0x04 : 0) | (a.yesNo("SupportsSuccessAudits", false) ? 0x08 : 0)
                | (a.yesNo("SupportsFailureAudits", false) ? 0x10 : 0);
        boolean keyPath = a.yesNo("KeyPath", false);
        ctx.children(e, scope).run();
        String component = scope.get(Scope.COMPONENT);
        if (component == null || name == null || log == null || messages == null) return;
        String key = EVENT_LOG + log + "\\" + name;
        Row main = registryValue(ctx, e, component, key, "EventMessageFile", "#%" + messages);
        if (keyPath) main.extra("KeyPath", "yes").extra("PossibleKeyPath", true);
        if (a.has("CategoryMessageFile")) registryValue(ctx, e, component, key, "CategoryMessageFile", "#%" + a.str("CategoryMessageFile"));
        if (categoryCount != null) registryValue(ctx, e, component, key, "CategoryCount", "#" + categoryCount);
        if (a.has("ParameterMessageFile")) registryValue(ctx, e, component, key, "ParameterMessageFile", "#%" + a.str("ParameterMessageFile"));
        if (types != 0) registryValue(ctx, e, component, key, "TypesSupported", "#" + types);
    }

    private static Row registryValue(CompileContext ctx, SourceElement e, String component, String key, String name, String value) {
        String id = CompileContext.generatedId("reg", component, "2", key.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
        return ctx.row("Registry", e.location()).set("Registry", id).set("Root", 2).set("Key", key).set("Name", name)
                .set("Value", value).set("Component_", component);
    }

    private void permissionEx(CompileContext ctx, SourceElement e, Scope scope) {
        String table = scope.get(Scope.LOCK_TABLE);
        String object = scope.get(Scope.LOCK_OBJECT);
        AccessMask mask = AccessMask.forTable(table, true);
        if (mask == null || object == null) {
            ctx.report(CompilerMessage.UNKNOWN_ELEMENT, e.location(), "util:PermissionEx", scope.get(Scope.PARENT),
                    "a RegistryKey needs ForceCreateOnInstall=\"yes\" to carry permissions");
            return;
        }
        String user = null, domain = null;
        boolean inheritable = true;
        for (SourceAttribute attr : e.attributes()) {
            if (!attr.namespaceUri().isEmpty()) continue;
            switch (attr.localName()) {
                case "User" -> user = attr.value();
                case "Domain" -> domain = attr.value();
                case "Inheritable" -> inheritable = !attr.value().equals("no");
                default -> {
                    if (!mask.accept(ctx, attr)) ctx.report(CompilerMessage.UNKNOWN_ATTRIBUTE, attr.location(), "util:PermissionEx", attr.localName(),
                            "User, Domain, Inheritable, " + mask.names());
                }
            }
        }
        ctx.children(e, scope).run();
        if (user == null) {
            ctx.report(CompilerMessage.MISSING_ATTRIBUTE, e.location(), "util:PermissionEx", "User");
            return;
        }
        if (mask.isMsiNull() || mask.value() == 0) {
            ctx.report(CompilerMessage.BAD_VALUE, e.location(), "util:PermissionEx", mask.value() == 0 ? "no rights" : "GenericRead alone",
                    "grant at least one right; GenericRead alone is the MSI null integer, so add another (e.g. Read or ReadPermission)");
            return;
        }
        String trustee = WellKnownAccounts.trustee(domain, user);
        if (trustee == null) {
            ctx.report(CompilerMessage.NOT_SUPPORTED_YET, e.location(), "util:PermissionEx for the account '" + (domain == null ? "" : domain + "\\") + user + "'",
                    "only well-known accounts (Everyone, Users, Administrators, SYSTEM, LocalService, NetworkService, Authenticated Users, "
                            + "[WIX_ACCOUNT_*]), NT SERVICE\\name and SIDs are resolved without a custom action; write a core PermissionEx with an Sddl for other accounts");
            return;
        }
        String flags = !inheritable ? "" : switch (table) {
            case "CreateFolder" -> "OICI";
            case "Registry" -> "CI";
            default -> "";
        };
        String ace = "(A;" + flags + ";0x" + Integer.toHexString(mask.value()) + ";;;" + trustee + ")";
        Map<String, Row> descriptors = ctx.state("util.PermissionEx", HashMap::new);
        String objectKey = table + "/" + object;
        Row existing = descriptors.get(objectKey);
        if (existing != null) {
            existing.set("SDDLText", existing.get("SDDLText") + ace);
            return;
        }
        String id = CompileContext.generatedId("ple", object, table);
        descriptors.put(objectKey, ctx.row("MsiLockPermissionsEx", e.location()).set("MsiLockPermissionsEx", id).set("LockObject", object)
                .set("Table", table).set("SDDLText", "D:" + ace));
    }
}

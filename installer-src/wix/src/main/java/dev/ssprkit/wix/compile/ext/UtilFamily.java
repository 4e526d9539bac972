package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.source.SourceElement;

import java.util.Locale;

/**
 * The util extension's elements that Windows Installer's own tables can carry, so no custom action is needed:
 * <ul>
 * <li>{@code EventSource}: the event log source's registry values under
 *     {@code HKLM\SYSTEM\CurrentControlSet\Services\EventLog\LOG\SOURCE} (message files as REG_EXPAND_SZ, counts and
 *     the supported event types as REG_DWORD), as the WiX documentation lists them.</li>
 * </ul>
 * (util:PermissionEx needs the library's SecureObjects actions: {@link PermissionExElement}.)
 */
public final class UtilFamily implements ElementFamily {
    private static final String EVENT_LOG = "SYSTEM\\CurrentControlSet\\Services\\EventLog\\";

    @Override
    public void register(Grammar g) {
        g.on("EventSource", this::eventSource, "Component");
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
}

package dev.ssprkit.wix.compile.core;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.source.SourceElement;

import java.util.ArrayList;
import java.util.List;

/**
 * ServiceInstall (with ServiceDependency, ServiceConfig, ServiceConfigFailureActions), ServiceControl (with
 * ServiceArgument). ServiceInstall.ServiceType: own process 0x10, shared 0x20, interactive 0x100; StartType: auto 2,
 * demand 3, disabled 4, boot 0, system 1; ErrorControl: ignore 0, normal 1, critical 3, plus Vital 0x8000.
 * ServiceControl.Event: install start 0x1, stop 0x2, delete 0x8; uninstall start 0x10, stop 0x20, delete 0x80.
 */
public final class ServiceFamily implements ElementFamily {
    @Override
    public void register(Grammar g) {
        g.on("ServiceInstall", this::install, "Component");
        g.on("ServiceControl", this::control, "Component");
        g.on("ServiceConfig", this::config, "Component", "ServiceInstall");
        g.on("ServiceConfigFailureActions", this::failureActions, "Component", "ServiceInstall");
    }

    private void install(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Name", "DisplayName", "Description", "Type", "Start", "ErrorControl", "Vital",
                "Interactive", "LoadOrderGroup", "Account", "Password", "Arguments", "EraseDescription");
        String name = a.required("Name");
        String component = scope.get(Scope.COMPONENT);
        String id = a.id("Id", false);
        if (id == null && !a.has("Id")) id = CompileContext.generatedId("svi", component, name);
        String type = (ctx.v4() ? a.str("Type") : a.required("Type")) == null ? "ownProcess" : a.oneOf("Type", "ownProcess", "ownProcess", "shareProcess", "kernelDriver", "systemDriver");
        int serviceType = switch (type) {
            case "shareProcess" -> 0x20;
            case "kernelDriver" -> 0x1;
            case "systemDriver" -> 0x2;
            default -> 0x10;
        };
        if (a.yesNo("Interactive", false)) serviceType |= 0x100;
        String start = (ctx.v4() ? a.str("Start") : a.required("Start")) == null ? "demand" : a.oneOf("Start", "demand", "auto", "demand", "disabled", "boot", "system");
        int startType = switch (start) {
            case "auto" -> 2;
            case "disabled" -> 4;
            case "boot" -> 0;
            case "system" -> 1;
            default -> 3;
        };
        String errorControlName = (ctx.v4() ? a.str("ErrorControl") : a.required("ErrorControl")) == null ? "normal" : a.oneOf("ErrorControl", "normal", "ignore", "normal", "critical");
        int errorControl = switch (errorControlName) {
            case "ignore" -> 0;
            case "critical" -> 3;
            default -> 1;
        };
        if (a.yesNo("Vital", false)) errorControl |= 0x8000;
        String description = a.str("Description");
        if (a.yesNo("EraseDescription", false)) description = "[~]";
        List<String> deps = new ArrayList<>();
        Scope inner = scope.with(Scope.SERVICE, id).with(Scope.LOCK_TABLE, "ServiceInstall").with(Scope.LOCK_OBJECT, id)
                .with("ServiceName", name);
        ctx.children(e, inner).on("ServiceDependency", (c, x, s) -> {
            Attrs d = c.attrs(x, "Id", "Group");
            String dep = d.required("Id");
            if (dep != null) deps.add(d.yesNo("Group", false) ? "+" + dep : dep);
            c.children(x, s).run();
        }).run();
        if (id == null || name == null || component == null) return;
        String dependencies = deps.isEmpty() ? null : String.join("[~]", deps) + "[~][~]";
        ctx.row("ServiceInstall", e.location()).set("ServiceInstall", id).set("Name", name).set("DisplayName", a.str("DisplayName"))
                .set("ServiceType", serviceType).set("StartType", startType).set("ErrorControl", errorControl)
                .set("LoadOrderGroup", a.str("LoadOrderGroup")).set("Dependencies", dependencies)
                .set("StartName", a.str("Account")).set("Password", a.str("Password")).set("Arguments", a.str("Arguments"))
                .set("Component_", component).set("Description", description);
    }

    private void control(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Name", "Start", "Stop", "Remove", "Wait");
        String name = a.required("Name");
        String component = scope.get(Scope.COMPONENT);
        String id = a.id("Id", false);
        if (id == null && !a.has("Id")) id = CompileContext.generatedId("svc", component, name);
        int events = 0;
        events |= bits(a, "Start", 0x1, 0x10);
        events |= bits(a, "Stop", 0x2, 0x20);
        events |= bits(a, "Remove", 0x8, 0x80);
        Integer wait = a.has("Wait") ? (a.yesNo("Wait", true) ? 1 : 0) : null;
        List<String> args = new ArrayList<>();
        ctx.children(e, scope).on("ServiceArgument", (c, x, s) -> {
            Attrs sa = ctx.v4() ? c.attrs(x, "Value") : c.attrsWithText(x);
            args.add(ctx.v4() ? sa.required("Value") : x.text());
        }).run();
        if (id == null || name == null || component == null) return;
        ctx.row("ServiceControl", e.location()).set("ServiceControl", id).set("Name", name).set("Event", events)
                .set("Arguments", args.isEmpty() ? null : String.join("[~]", args)).set("Wait", wait).set("Component_", component);
    }

    private static int bits(Attrs a, String attribute, int install, int uninstall) {
        String v = a.oneOf(attribute, null, "install", "uninstall", "both");
        if (v == null) return 0;
        return switch (v) {
            case "install" -> install;
            case "uninstall" -> uninstall;
            default -> install | uninstall;
        };
    }

    /**
     * ServiceConfig (core, MsiServiceConfig): delayed auto-start, failure-actions-on-non-crash, service SID type,
     * required privileges, pre-shutdown delay. Event: install 0x1, uninstall 0x2, reinstall 0x4.
     */
    private void config(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "ServiceName", "DelayedAutoStart", "FailureActionsWhen", "PreShutdownDelay",
                "ServiceSid", "OnInstall", "OnReinstall", "OnUninstall");
        String component = scope.get(Scope.COMPONENT);
        String name = a.has("ServiceName") ? a.str("ServiceName") : scope.get("ServiceName");
        if (name == null) a.required("ServiceName");
        int event = (a.yesNo("OnInstall", false) ? 1 : 0) | (a.yesNo("OnUninstall", false) ? 2 : 0) | (a.yesNo("OnReinstall", false) ? 4 : 0);
        if (event == 0) {
            ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "ServiceConfig", "OnInstall, OnReinstall or OnUninstall", "say when the configuration applies");
        }
        List<String[]> settings = new ArrayList<>();
        if (a.has("DelayedAutoStart")) settings.add(new String[] {"3", a.yesNo("DelayedAutoStart", false) ? "1" : "0"});
        if (a.has("FailureActionsWhen")) settings.add(new String[] {"4", "failedToStopOrReturnedError".equals(a.oneOf("FailureActionsWhen", "failedToStop", "failedToStop", "failedToStopOrReturnedError")) ? "1" : "0"});
        if (a.has("ServiceSid")) {
            String sid = a.oneOf("ServiceSid", "none", "none", "restricted", "unrestricted");
            settings.add(new String[] {"5", switch (sid) {
                case "unrestricted" -> "1";
                case "restricted" -> "3";
                default -> "0";
            }});
        }
        if (a.has("PreShutdownDelay")) settings.add(new String[] {"7", String.valueOf(a.integer("PreShutdownDelay", 0, 0, Integer.MAX_VALUE))});
        List<String> privileges = new ArrayList<>();
        ctx.children(e, scope).on("RequiredPrivilege", (c, x, s) -> {
            Attrs p = ctx.v4() ? c.attrs(x, "Name") : c.attrsWithText(x);
            privileges.add(ctx.v4() ? p.required("Name") : x.text().strip());
        }).run();
        if (!privileges.isEmpty()) settings.add(new String[] {"6", String.join("[~]", privileges) + "[~][~]"});
        if (component == null || name == null || event == 0) return;
        int n = 0;
        for (String[] s : settings) {
            String id = a.has("Id") && settings.size() == 1 ? a.str("Id") : CompileContext.generatedId("msc", component, name, s[0]);
            ctx.row("MsiServiceConfig", e.location()).set("MsiServiceConfig", id).set("Name", name).set("Event", event)
                    .set("ConfigType", Integer.valueOf(s[0])).set("Argument", s[1]).set("Component_", component);
            n++;
        }
        if (n == 0) ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "ServiceConfig", "a setting (DelayedAutoStart, FailureActionsWhen, ServiceSid, PreShutdownDelay, RequiredPrivilege)", "");
    }

    /** ServiceConfigFailureActions (MsiServiceConfigFailureActions): reset period, reboot message, command, actions. */
    private void failureActions(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "ServiceName", "OnInstall", "OnReinstall", "OnUninstall", "ResetPeriod", "RebootMessage", "Command");
        String component = scope.get(Scope.COMPONENT);
        String name = a.has("ServiceName") ? a.str("ServiceName") : scope.get("ServiceName");
        if (name == null) a.required("ServiceName");
        int event = (a.yesNo("OnInstall", false) ? 1 : 0) | (a.yesNo("OnUninstall", false) ? 2 : 0) | (a.yesNo("OnReinstall", false) ? 4 : 0);
        List<String> actions = new ArrayList<>(), delays = new ArrayList<>();
        ctx.children(e, scope).on("Failure", (c, x, s) -> {
            Attrs f = c.attrs(x, "Action", "Delay");
            String act = f.oneOf("Action", "none", "none", "restartComputer", "restartService", "runCommand");
            actions.add(switch (act) {
                case "restartService" -> "1";
                case "restartComputer" -> "2";
                case "runCommand" -> "3";
                default -> "0";
            });
            delays.add(String.valueOf(f.integer("Delay", 0, 0, Integer.MAX_VALUE)));
        }).run();
        if (component == null || name == null) return;
        String id = a.has("Id") ? a.str("Id") : CompileContext.generatedId("mfa", component, name);
        ctx.row("MsiServiceConfigFailureActions", e.location()).set("MsiServiceConfigFailureActions", id).set("Name", name)
                .set("Event", event).set("ResetPeriod", a.integer("ResetPeriod", null, 0, Integer.MAX_VALUE))
                .set("RebootMessage", a.str("RebootMessage")).set("Command", a.str("Command"))
                .set("Actions", actions.isEmpty() ? null : String.join("[~]", actions))
                .set("DelayActions", delays.isEmpty() ? null : String.join("[~]", delays)).set("Component_", component);
    }
}

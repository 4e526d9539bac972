package dev.ssprkit.wix.compile.services;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.model.Symbols;
import dev.ssprkit.wix.source.SourceElement;

import java.util.ArrayList;
import java.util.List;

/** ServiceInstall, ServiceControl and Environment: system settings a component owns. */
public final class ServiceHandler {
    private final CompileContext ctx;

    public ServiceHandler(CompileContext ctx) {
        this.ctx = ctx;
    }

    public void install(SourceElement e, String component) {
        Attrs a = ctx.attrs(e, "Id", "Name", "DisplayName", "Description", "Type", "Start", "ErrorControl", "Vital",
                "Account", "Password", "Arguments", "LoadOrderGroup", "Interactive");
        String id = a.id("Id", true);
        String name = a.required("Name");
        String type = a.oneOf("Type", "ownProcess", "ownProcess", "shareProcess");
        if (!a.has("Type")) a.required("Type");
        String start = a.oneOf("Start", "demand", "auto", "demand", "disabled", "boot", "system");
        if (!a.has("Start")) a.required("Start");
        String error = a.oneOf("ErrorControl", "normal", "ignore", "normal", "critical");
        if (!a.has("ErrorControl")) a.required("ErrorControl");
        int serviceType = (type.equals("ownProcess") ? 0x10 : 0x20) | (a.yesNo("Interactive", false) ? 0x100 : 0);
        int startType = switch (start) {
            case "boot" -> 0;
            case "system" -> 1;
            case "auto" -> 2;
            case "disabled" -> 4;
            default -> 3;
        };
        int errorControl = (switch (error) {
            case "ignore" -> 0;
            case "critical" -> 3;
            default -> 1;
        }) | (a.yesNo("Vital", false) ? 0x8000 : 0);
        List<String> deps = new ArrayList<>();
        ctx.children(e).on("ServiceDependency", c -> {
            Attrs d = ctx.attrs(c, "Id", "Group");
            String dep = d.required("Id");
            if (dep != null) deps.add(d.yesNo("Group", false) ? "+" + dep : dep);
        }).run();
        String dependencies = deps.isEmpty() ? null : String.join("[~]", deps) + "[~][~]";
        if (id == null || name == null || component == null) return;
        ctx.section().add(new Symbols.ServiceInstall(id, component, name, a.str("DisplayName"), serviceType, startType,
                errorControl, a.str("LoadOrderGroup"), dependencies, a.str("Account"), a.str("Password"),
                a.str("Arguments"), a.str("Description"), e.location()));
    }

    public void control(SourceElement e, String component) {
        Attrs a = ctx.attrs(e, "Id", "Name", "Start", "Stop", "Remove", "Wait");
        String id = a.id("Id", true);
        String name = a.required("Name");
        int event = bits(a.oneOf("Start", null, "install", "uninstall", "both"), 0x1, 0x10)
                | bits(a.oneOf("Stop", null, "install", "uninstall", "both"), 0x2, 0x20)
                | bits(a.oneOf("Remove", null, "install", "uninstall", "both"), 0x8, 0x80);
        Integer wait = a.has("Wait") ? (a.yesNo("Wait", true) ? 1 : 0) : null;
        List<String> args = new ArrayList<>();
        ctx.children(e).on("ServiceArgument", c -> {
            ctx.attrsWithText(c);
            args.add(c.text());
        }).run();
        if (id == null || name == null || component == null) return;
        ctx.section().add(new Symbols.ServiceControl(id, component, name, event, args.isEmpty() ? null : String.join("[~]", args), wait, e.location()));
    }

    private static int bits(String when, int install, int uninstall) {
        if (when == null) return 0;
        return switch (when) {
            case "install" -> install;
            case "uninstall" -> uninstall;
            default -> install | uninstall;
        };
    }

    /** Environment: the Name column's prefix says create (+), set (=) or remove (!), remove on uninstall (-), system (*). */
    public void environment(SourceElement e, String component) {
        Attrs a = ctx.attrs(e, "Id", "Name", "Value", "Action", "Part", "Permanent", "System", "Separator");
        String id = a.id("Id", true);
        String name = a.required("Name");
        String action = a.oneOf("Action", "set", "create", "set", "remove");
        String part = a.oneOf("Part", "all", "all", "first", "last");
        String separator = a.str("Separator", ";");
        String value = a.str("Value");
        if (value != null) {
            if (part.equals("first")) value = value + separator + "[~]";
            else if (part.equals("last")) value = "[~]" + separator + value;
        }
        StringBuilder column = new StringBuilder();
        column.append(switch (action) {
            case "create" -> "+";
            case "remove" -> "!";
            default -> "=";
        });
        if (!a.yesNo("Permanent", false)) column.append('-');
        if (a.yesNo("System", false)) column.append('*');
        ctx.children(e).run();
        if (id == null || name == null || component == null) return;
        column.append(name);
        ctx.section().add(new Symbols.Environment(id, component, column.toString(), value, e.location()));
    }
}

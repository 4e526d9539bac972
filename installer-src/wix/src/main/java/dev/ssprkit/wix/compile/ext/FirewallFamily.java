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

import java.util.ArrayList;
import java.util.List;

/**
 * The firewall extension's {@code FirewallException} (under a Component or a File), compiled onto ssprkit's firewall
 * custom-action library. Values as WiX documents them (firewall.xsd of v3 and v4, FirewallTableDefinitions): Scope
 * any = "*", localSubnet = "LocalSubnet", or RemoteAddress children joined by commas (v3: the address as element
 * text; v4: its Value); Protocol tcp 6 / udp 17 (tcp when only Port is given); Profile domain 1, private 2, public 4,
 * all 2147483647 (the default); IgnoreFailure 0x1; a File (attribute or parent) becomes Program {@code [#file]};
 * v4 only: Outbound yes = Direction 2, otherwise 1.
 */
public final class FirewallFamily implements dev.ssprkit.wix.compile.ElementFamily {
    @Override
    public void register(Grammar g) {
        g.on("FirewallException", this::firewallException, "Component", "File");
        g.on("RemoteAddress", (ctx, e, s) -> { }, "FirewallException"); // read by the parent
    }

    private void firewallException(CompileContext ctx, SourceElement e, Scope scope) {
        boolean v4 = LibraryElements.generation(e) == SchemaGeneration.V4;
        List<String> allowed = new ArrayList<>(List.of("Id", "Name", "Scope", "Port", "Protocol", "File", "Program", "IgnoreFailure",
                "Profile", "Description"));
        if (v4) allowed.add("Outbound");
        Attrs a = ctx.attrs(e, allowed.toArray(String[]::new));
        String name = a.required("Name");
        String parentFile = "File".equals(scope.get(Scope.PARENT)) ? scope.get(Scope.FILE) : null;
        if (parentFile != null) {
            for (String nestedOnly : new String[] {"File", "Program"}) {
                if (a.has(nestedOnly)) ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, a.at(nestedOnly), "fire:FirewallException",
                        nestedOnly + " and a parent <File>", "inside a <File> the exception is for that file; leave " + nestedOnly + " out");
            }
        } else {
            a.exclusive("File", "Program");
        }
        String remote = switch (a.oneOf("Scope", "", "any", "localSubnet")) {
            case "any" -> "*";
            case "localSubnet" -> "LocalSubnet";
            default -> null;
        };
        List<String> addresses = new ArrayList<>();
        for (SourceElement child : e.children()) {
            if (!child.localName().equals("RemoteAddress") || !child.namespaceUri().equals(e.namespaceUri())) continue;
            String address = v4 ? ctx.attrs(child, "Value").required("Value") : CompileContext.text(child);
            if (!v4) ctx.attrsWithText(child);
            if (address == null && !v4) ctx.report(CompilerMessage.MISSING_ONE_OF, child.location(), "fire:RemoteAddress", "the address as its text", "e.g. <fire:RemoteAddress>10.0.0.0/8</fire:RemoteAddress>");
            if (address != null) addresses.add(address);
            if (remote != null) ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, child.location(), "fire:FirewallException", "Scope and RemoteAddress",
                    "give either Scope or RemoteAddress children");
        }
        if (remote == null && !addresses.isEmpty()) remote = String.join(",", addresses);
        if (remote == null && !a.has("Scope")) {
            ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "fire:FirewallException", "Scope or a RemoteAddress child", "Scope=\"any\" accepts every remote address");
        }
        String port = a.str("Port");
        Integer protocol = switch (a.oneOf("Protocol", "", "tcp", "udp")) {
            case "tcp" -> 6;
            case "udp" -> 17;
            default -> port != null ? 6 : null;
        };
        int profile = switch (a.oneOf("Profile", "all", "domain", "private", "public", "all")) {
            case "domain" -> 1;
            case "private" -> 2;
            case "public" -> 4;
            default -> Integer.MAX_VALUE;
        };
        int attributes = a.yesNo("IgnoreFailure", false) ? 0x1 : 0;
        Integer direction = v4 ? (a.yesNo("Outbound", false) ? 2 : 1) : null;
        String file = parentFile != null ? parentFile : a.id("File", false);
        String program = file != null ? "[#" + file + "]" : a.str("Program");
        if (program == null && port == null) {
            ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "fire:FirewallException", "Port, Program, File or a parent <File>",
                    "say what the exception opens: a port, or a program");
        }
        ctx.children(e, scope).run();
        String component = scope.get(Scope.COMPONENT);
        if (component == null || name == null || remote == null || (program == null && port == null)) return;
        if (file != null && parentFile == null) ctx.reference("File", file, a.at("File"));
        String id = a.has("Id") ? a.id("Id", true) : CompileContext.generatedId("fex", name, remote, component);
        ElementSupport s = LibraryElements.use(ctx, e, "fire:FirewallException", ElementFamily.FIREWALL_EXCEPTION);
        if (s == null || id == null) return;
        if (v4) LibraryElements.row(ctx, s, e, id, name, remote, port, protocol, program, attributes, profile, component, a.str("Description"), direction);
        else LibraryElements.row(ctx, s, e, id, name, remote, port, protocol, program, attributes, profile, component, a.str("Description"));
    }
}

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
 * The firewall extension's {@code FirewallException}, compiled onto ssprkit's firewall custom-action library. A v4
 * namespace element (under a Component, a File or a ServiceInstall) compiles as WiX v5 and v6 compile it, to
 * {@code Wix5FirewallException} ({@link FirewallExceptionV5}): those WiX versions share v4's namespace and write no
 * other table for it, whichever attributes a source uses. A v3 element (under a Component or a File) compiles to
 * {@code WixFirewallException}, as WiX v3 documents it (firewall.xsd, tables.xml): Scope any = "*", localSubnet =
 * "LocalSubnet", or RemoteAddress children (the address as element text) joined by commas; Protocol tcp 6 / udp 17
 * (tcp when only Port is given); Profile domain 1, private 2, public 4, all 2147483647 (the default); IgnoreFailure
 * 0x1; a File (attribute or parent) becomes Program {@code [#file]}.
 */
public final class FirewallFamily implements dev.ssprkit.wix.compile.ElementFamily {
    @Override
    public void register(Grammar g) {
        g.on("FirewallException", this::firewallException, "Component", "File", "ServiceInstall");
        for (String child : new String[] {"RemoteAddress", "Interface", "InterfaceType", "LocalAddress"}) {
            g.on(child, (ctx, e, s) -> { }, "FirewallException"); // read by the parent
        }
    }

    private void firewallException(CompileContext ctx, SourceElement e, Scope scope) {
        String parent = scope.get(Scope.PARENT);
        String parentFile = "File".equals(parent) ? scope.get(Scope.FILE) : null;
        if (LibraryElements.generation(e) == SchemaGeneration.V4) {
            FirewallExceptionV5.compile(ctx, e, scope, parent, parentFile, "ServiceInstall".equals(parent) ? scope.get("ServiceName") : null);
            return;
        }
        if ("ServiceInstall".equals(parent)) {
            ctx.report(CompilerMessage.UNKNOWN_ELEMENT, e.location(), "fire:FirewallException", "ServiceInstall", "Component, File (WiX v3; WiX v5+ allows a ServiceInstall parent)");
            return;
        }
        Attrs a = ctx.attrs(e, "Id", "Name", "Scope", "Port", "Protocol", "File", "Program", "IgnoreFailure", "Profile", "Description");
        String name = a.required("Name");
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
            if (!child.namespaceUri().equals(e.namespaceUri())) continue;
            if (!child.localName().equals("RemoteAddress")) {
                ctx.report(CompilerMessage.UNKNOWN_ELEMENT, child.location(), "fire:" + child.localName(), "fire:FirewallException", "RemoteAddress (WiX v3)");
                continue;
            }
            String address = CompileContext.text(child);
            ctx.attrsWithText(child);
            if (address == null) ctx.report(CompilerMessage.MISSING_ONE_OF, child.location(), "fire:RemoteAddress", "the address as its text", "e.g. <fire:RemoteAddress>10.0.0.0/8</fire:RemoteAddress>");
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
        LibraryElements.row(ctx, s, e, id, name, remote, port, protocol, program, attributes, profile, component, a.str("Description"));
    }
}

package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.ca.ElementFamily;
import dev.ssprkit.ca.ElementSupport;
import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.source.SourceElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code fire:FirewallException} of the v4 namespace, compiled as WiX v5 and v6 compile it (FirewallCompiler.cs,
 * FirewallTableDefinitions.cs of v5.0-v6.0): one {@code Wix5FirewallException} row of 27 columns. Numbers a source
 * leaves out are written as "-2147483648" (not set); most attributes may be a property reference ("[PROP]"), kept
 * as written for the custom action to format. Values:
 * <ul>
 *   <li>Scope / LocalScope: any "*", localSubnet "LocalSubnet", dns "dns", dhcp "dhcp", wins "wins" (each also in
 *       upper case), defaultGateway "DefaultGateway"; RemoteAddress / LocalAddress children joined by ",";</li>
 *   <li>Protocol: tcp 6, udp 17, or 0..255 (6 when Port or RemotePort is given without it); Profile: domain 1,
 *       private 2, public 4, all 2147483647; Outbound yes: Direction 2, otherwise 1;</li>
 *   <li>Action: block 0, allow 1; EdgeTraversal: deny 0, allow 1, deferToApp 2, deferToUser 3 (the last two need
 *       INetFwRule2: Attributes 8); Enabled: yes 1, no 0;</li>
 *   <li>Interface children joined by "|"; InterfaceType remoteAccess/wireless/lan/all (children written RemoteAccess,
 *       Wireless, Lan, All, joined by ",");</li>
 *   <li>Attributes: IgnoreFailure 1, OnUpdate doNothing 2 / enableOnly 4, INetFwRule3 attributes (LocalAppPackageId,
 *       LocalUserAuthorizedList, LocalUserOwner, RemoteMachineAuthorizedList, RemoteUserAuthorizedList,
 *       IPSecSecureFlags none 0 / noEncapsulation 1 / withIntegrity 2 / negotiateEncryption 3 / encrypt 4) 16;</li>
 *   <li>inside a ServiceInstall the service is that service; inside a File the program is that file.</li>
 * </ul>
 * Ids a source leaves out are generated from the name and the component (ours, not WiX's hash).
 */
final class FirewallExceptionV5 {
    static final String NOT_SET = "-2147483648";
    /** WiX's test for "this value holds a property reference", which makes any value acceptable. */
    private static final Pattern PROPERTY = Pattern.compile("\\[[#$!]?[A-Za-z_][A-Za-z0-9_.]*]");
    private static final Map<String, String> SCOPES = Map.of("any", "*", "localSubnet", "LocalSubnet", "dns", "dns", "DNS", "dns",
            "dhcp", "dhcp", "DHCP", "dhcp", "wins", "wins", "WINS", "wins", "defaultGateway", "DefaultGateway");
    private static final String SCOPE_NAMES = "any, localSubnet, dns, dhcp, wins, defaultGateway";
    private static final Map<String, String> INTERFACE_TYPES = Map.of("remoteAccess", "RemoteAccess", "wireless", "Wireless", "lan", "Lan", "all", "All");
    private static final List<String> RULE3 = List.of("LocalAppPackageId", "LocalUserAuthorizedList", "LocalUserOwner",
            "RemoteMachineAuthorizedList", "RemoteUserAuthorizedList", "IPSecSecureFlags");
    static final String[] ATTRIBUTES = {"Id", "Name", "File", "Program", "IgnoreFailure", "OnUpdate", "Port", "Protocol", "Scope", "Profile",
            "Description", "Outbound", "Action", "EdgeTraversal", "Enabled", "Grouping", "IcmpTypesAndCodes", "Interface", "InterfaceType",
            "LocalScope", "RemotePort", "Service", "LocalAppPackageId", "LocalUserAuthorizedList", "LocalUserOwner",
            "RemoteMachineAuthorizedList", "RemoteUserAuthorizedList", "IPSecSecureFlags"};

    private final CompileContext ctx;
    private final SourceElement e;
    private final Attrs a;

    private FirewallExceptionV5(CompileContext ctx, SourceElement e) {
        this.ctx = ctx;
        this.e = e;
        this.a = ctx.attrs(e, ATTRIBUTES);
    }

    static boolean hasProperty(String value) {
        return value != null && PROPERTY.matcher(value).find();
    }

    /**
     * @param parent the parent element's name ({@code Component}, {@code File}, {@code ServiceInstall})
     * @param parentFile the parent File's id, or null
     * @param parentService the parent ServiceInstall's service name, or null
     */
    static void compile(CompileContext ctx, SourceElement e, Scope scope, String parent, String parentFile, String parentService) {
        new FirewallExceptionV5(ctx, e).compile(scope, parent, parentFile, parentService);
    }

    private void compile(Scope scope, String parent, String parentFile, String parentService) {
        String name = a.required("Name");
        for (String nestedOnly : new String[] {"File", "Program"}) {
            if (parentFile != null && a.has(nestedOnly)) {
                ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, a.at(nestedOnly), "fire:FirewallException", nestedOnly + " and a parent <File>",
                        "inside a <File> the exception is for that file; leave " + nestedOnly + " out");
            }
        }
        if (parentFile == null) a.exclusive("File", "Program");
        if (parentService != null && a.has("Service")) {
            ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, a.at("Service"), "fire:FirewallException", "Service and a parent <" + parent + ">",
                    "inside a <ServiceInstall> the exception is for that service (" + parentService + "); leave Service out");
        }
        int attributes = a.yesNo("IgnoreFailure", false) ? 0x1 : 0;
        String onUpdate = a.oneOf("OnUpdate", null, "doNothing", "enableOnly");
        if ("doNothing".equals(onUpdate)) attributes |= 0x2;
        if ("enableOnly".equals(onUpdate)) attributes |= 0x4;
        String port = a.str("Port");
        String remotePort = a.str("RemotePort");
        String protocol = protocol();
        if (protocol == null && (nonEmpty(port) || nonEmpty(remotePort))) protocol = "6";
        String remote = mapped("Scope", SCOPES, SCOPE_NAMES);
        String local = mapped("LocalScope", SCOPES, SCOPE_NAMES);
        String profile = mapped("Profile", Map.of("domain", "1", "private", "2", "public", "4", "all", "2147483647"), "domain, private, public, all");
        String action = mapped("Action", Map.of("block", "0", "allow", "1"), "allow, block");
        String edge = mapped("EdgeTraversal", Map.of("deny", "0", "allow", "1", "deferToApp", "2", "deferToUser", "3"), "allow, deferToApp, deferToUser, deny");
        if ("2".equals(edge) || "3".equals(edge)) attributes |= 0x8;
        String enabled = a.has("Enabled") && hasProperty(a.str("Enabled")) ? a.str("Enabled") : a.has("Enabled") ? (a.yesNo("Enabled", true) ? "1" : "0") : null;
        String interfaces = a.str("Interface");
        String interfaceTypes = a.has("InterfaceType") && !hasProperty(a.str("InterfaceType"))
                ? a.oneOf("InterfaceType", null, "remoteAccess", "wireless", "lan", "all") : a.str("InterfaceType");
        String secure = mapped("IPSecSecureFlags", Map.of("none", "0", "noEncapsulation", "1", "withIntegrity", "2", "negotiateEncryption", "3", "encrypt", "4"),
                "none, noEncapsulation, withIntegrity, negotiateEncryption, encrypt");
        for (String r3 : RULE3) if (a.has(r3)) attributes |= 0x10;

        Children c = children();
        remote = c.joined("RemoteAddress", remote, ",");
        interfaces = c.joined("Interface", interfaces, "|");
        interfaceTypes = c.joined("InterfaceType", interfaceTypes, ",");
        local = c.joined("LocalAddress", local, ",");

        String service = parentService != null ? parentService : a.str("Service");
        String file = parentFile != null ? parentFile : a.id("File", false);
        String program = file != null ? "[#" + file + "]" : a.str("Program");
        if ("3".equals(edge)) deferToUserRules(protocol, program, port, remotePort, parentService, parent);
        ctx.children(e, scope).run();

        String component = scope.get(Scope.COMPONENT);
        if (component == null || name == null) return;
        if (file != null && parentFile == null) ctx.reference("File", file, a.at("File"));
        String id = a.has("Id") ? a.id("Id", true) : CompileContext.generatedId("fex", name, component);
        ElementSupport s = LibraryElements.use(ctx, e, "fire:FirewallException", ElementFamily.FIREWALL_EXCEPTION);
        if (s == null || id == null) return;
        LibraryElements.row(ctx, s, e, id, name, remote, port, or(protocol), program, attributes, or(profile), component, a.str("Description"),
                a.yesNo("Outbound", false) ? 2 : 1, or(action), or(edge), or(enabled), a.str("Grouping"), a.str("IcmpTypesAndCodes"), interfaces,
                interfaceTypes, local, remotePort, service, a.str("LocalAppPackageId"), a.str("LocalUserAuthorizedList"), a.str("LocalUserOwner"),
                a.str("RemoteMachineAuthorizedList"), a.str("RemoteUserAuthorizedList"), or(secure));
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    private static String or(String number) {
        return number == null ? NOT_SET : number;
    }

    private String protocol() {
        String v = a.str("Protocol");
        if (v == null || v.equals(NOT_SET)) return null;
        if (v.equals("tcp")) return "6";
        if (v.equals("udp")) return "17";
        if (hasProperty(v)) return v;
        try {
            int n = Integer.parseInt(v);
            if (n >= 0 && n <= 255) return v;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        ctx.report(CompilerMessage.BAD_ENUM, a.at("Protocol"), "Protocol", v, "tcp, udp, a protocol number 0-255, or a property reference such as [PROTOCOL]");
        return null;
    }

    /** A value from {@code map}, a property reference kept as written, or null (reported when bad). */
    private String mapped(String attribute, Map<String, String> map, String names) {
        String v = a.str(attribute);
        if (v == null) return null;
        if (map.containsKey(v)) return map.get(v);
        if (hasProperty(v)) return v;
        ctx.report(CompilerMessage.BAD_ENUM, a.at(attribute), attribute, v, names + ", or a property reference such as [" + attribute.toUpperCase(java.util.Locale.ROOT) + "]");
        return null;
    }

    /** WiX: deferring edge traversal to the user needs a program and TCP or UDP, and no other condition. */
    private void deferToUserRules(String protocol, String program, String port, String remotePort, String parentService, String parent) {
        String why = "EdgeTraversal=\"deferToUser\" applies to a program's TCP or UDP traffic with no other condition";
        if (protocol != null && !protocol.equals("6") && !protocol.equals("17")) {
            ctx.report(CompilerMessage.BAD_VALUE, a.at("Protocol"), "Protocol", a.str("Protocol"), why + ": use tcp or udp");
        }
        if (program == null) ctx.report(CompilerMessage.MISSING_ONE_OF, a.at("EdgeTraversal"), "fire:FirewallException", "Program, File or a parent <File>", why);
        for (String other : new String[] {"Port", "RemotePort", "LocalScope", "Scope", "Profile", "Service"}) {
            if (a.has(other)) ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, a.at(other), "fire:FirewallException", other + " and EdgeTraversal=\"deferToUser\"", why);
        }
        if (parentService != null) {
            ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, a.at("EdgeTraversal"), "fire:FirewallException", "EdgeTraversal=\"deferToUser\" and a parent <" + parent + ">", why);
        }
    }

    /** The address, interface and interface-type children, each list's values in document order. */
    private record Children(Map<String, List<String>> values) {
        String joined(String child, String fromAttribute, String separator) {
            List<String> v = values.get(child);
            return v.isEmpty() ? fromAttribute : String.join(separator, v);
        }
    }

    private Children children() {
        Map<String, List<String>> values = Map.of("RemoteAddress", new ArrayList<>(), "Interface", new ArrayList<>(),
                "InterfaceType", new ArrayList<>(), "LocalAddress", new ArrayList<>());
        Map<String, String> blockingAttribute = Map.of("RemoteAddress", "Scope", "Interface", "Interface", "InterfaceType", "InterfaceType", "LocalAddress", "LocalScope");
        for (SourceElement child : e.children()) {
            if (!child.namespaceUri().equals(e.namespaceUri()) || !values.containsKey(child.localName())) continue;
            String kind = child.localName();
            String valueAttribute = kind.equals("Interface") ? "Name" : "Value";
            String value = ctx.attrs(child, valueAttribute).required(valueAttribute);
            String blocker = blockingAttribute.get(kind);
            if (a.has(blocker)) {
                ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, child.location(), "fire:FirewallException", blocker + " and " + kind + " children",
                        "give either the " + blocker + " attribute or " + kind + " children");
                continue;
            }
            if (value == null) continue;
            if (kind.equals("InterfaceType")) {
                if (INTERFACE_TYPES.containsKey(value)) {
                    value = INTERFACE_TYPES.get(value);
                } else if (!hasProperty(value)) {
                    ctx.report(CompilerMessage.BAD_ENUM, child.location(), "Value", value, "remoteAccess, wireless, lan, all, or a property reference");
                    continue;
                }
                List<String> types = values.get(kind);
                if (types.contains("All")) {
                    // WiX: nothing may follow All but All again (which adds nothing)
                    if (!value.equals("All")) {
                        ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, child.location(), "fire:FirewallException", "InterfaceType All and other interface types",
                                "All already covers every interface type");
                    }
                    continue;
                }
            }
            values.get(kind).add(value);
        }
        return new Children(values);
    }
}

package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.ca.ElementFamily;
import dev.ssprkit.ca.ElementSupport;
import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.source.SourceElement;

/**
 * The HTTP extension's URL reservations, compiled onto ssprkit's HTTP custom-action library as WiX v3 and v6 compile
 * them (HttpCompiler.cs; the two agree): {@code http:UrlReservation} in a Component or a ServiceInstall, with
 * {@code http:UrlAce} children, becomes a row of {@code Wix4HttpUrlReservation} (v3: {@code WixHttpUrlReservation}):
 * id (given, or "url" and a hash of component, service account and URL), HandleExisting replace 0 / ignore 1 / fail 2
 * (replace by default), Sddl, Url, component; each UrlAce a row of {@code Wix4HttpUrlAce} ({@code WixHttpUrlAce}): id
 * ("ace" and a hash when not given), reservation, SecurityPrincipal, Rights all GENERIC_ALL 0x10000000 (the default),
 * register GENERIC_EXECUTE 0x20000000, delegate GENERIC_WRITE 0x40000000. Under a ServiceInstall an UrlAce without
 * SecurityPrincipal is for the service's own account, {@code NT SERVICE\<name>}. A reservation needs Url, and either
 * Sddl or UrlAce children, not both. (The v4+ namespace's SslCertificate and SniSslCertificate are not compiled.)
 */
public final class HttpFamily implements dev.ssprkit.wix.compile.ElementFamily {
    private static final String RESERVATION = "http.UrlReservation";
    private static final String DEFAULT_PRINCIPAL = "http.ServiceAccount";
    private static final String HAS_SDDL = "http.Sddl";

    static final int GENERIC_ALL = 0x10000000;
    static final int GENERIC_EXECUTE = 0x20000000;
    static final int GENERIC_WRITE = 0x40000000;

    @Override
    public void register(Grammar g) {
        g.on("UrlReservation", this::urlReservation, "Component", "ServiceInstall");
        g.on("UrlAce", this::urlAce, "UrlReservation");
    }

    private void urlReservation(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "HandleExisting", "Sddl", "Url");
        String component = scope.get(Scope.COMPONENT);
        String serviceName = "ServiceInstall".equals(scope.get(Scope.PARENT)) ? scope.get("ServiceName") : null;
        String serviceAccount = serviceName == null || serviceName.isEmpty() ? null : "NT SERVICE\\" + serviceName;
        int handleExisting = switch (a.oneOf("HandleExisting", "replace", "replace", "ignore", "fail")) {
            case "ignore" -> 1;
            case "fail" -> 2;
            default -> 0;
        };
        String sddl = a.str("Sddl");
        String url = a.required("Url");
        String id = a.has("Id") ? a.id("Id", true) : CompileContext.generatedId("url", component, serviceAccount, url);
        Scope inner = scope.with(RESERVATION, id).with(HAS_SDDL, sddl != null ? "yes" : null).with(DEFAULT_PRINCIPAL, serviceAccount);
        ctx.children(e, inner).run();
        boolean hasAce = e.children().stream().anyMatch(c -> "UrlAce".equals(c.localName()) && c.namespaceUri().equals(e.namespaceUri()));
        if (sddl == null && !hasAce) {
            ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "http:UrlReservation", "Sddl or an http:UrlAce child",
                    "say who may use the URL: an SDDL such as D:(A;;GX;;;NS), or UrlAce children (WiX reports this as HTTP6701)");
        }
        if (component == null || url == null || id == null) return;
        ElementSupport s = LibraryElements.use(ctx, e, "http:UrlReservation", ElementFamily.HTTP_URL_RESERVATION);
        LibraryElements.row(ctx, s, e, id, handleExisting, sddl, url, component);
    }

    private void urlAce(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "SecurityPrincipal", "Rights");
        String reservation = scope.get(RESERVATION);
        String principal = a.has("SecurityPrincipal") ? a.str("SecurityPrincipal") : scope.get(DEFAULT_PRINCIPAL);
        String rightsValue = a.str("Rights");
        int rights = switch (a.oneOf("Rights", "all", "all", "delegate", "register")) {
            case "delegate" -> GENERIC_WRITE;
            case "register" -> GENERIC_EXECUTE;
            default -> GENERIC_ALL;
        };
        ctx.children(e, scope).run();
        if (scope.get(HAS_SDDL) != null) {
            ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, e.location(), "http:UrlReservation", "Sddl and http:UrlAce children",
                    "give the reservation's security either as Sddl or as UrlAce children");
            return;
        }
        if (principal == null) {
            ctx.report(CompilerMessage.MISSING_ATTRIBUTE, e.location(), "http:UrlAce", "SecurityPrincipal");
            return;
        }
        String id = a.has("Id") ? a.id("Id", true) : CompileContext.generatedId("ace", reservation, principal, rightsValue);
        if (reservation == null || id == null) return;
        ElementSupport s = LibraryElements.use(ctx, e, "http:UrlAce", ElementFamily.HTTP_URL_RESERVATION);
        Row r = ctx.row(s.tables().get(1).name(), e.location());
        r.set(0, id).set(1, reservation).set(2, principal).set(3, rights);
    }
}

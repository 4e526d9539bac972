package dev.ssprkit.wix.compile.core;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.NameGuid;
import dev.ssprkit.wix.model.DefaultMajorUpgradeSymbol;
import dev.ssprkit.wix.model.PackageSymbol;
import dev.ssprkit.wix.model.PackageSymbol.InstallScope;
import dev.ssprkit.wix.model.Section;
import dev.ssprkit.wix.model.WixVariableSymbol;
import dev.ssprkit.wix.source.SourceElement;

import java.util.UUID;

/**
 * The entry sections and what identifies them: v3 {@code <Product>} with its {@code <Package>}, v4+ {@code <Package>}
 * with {@code <SummaryInformation>}, {@code <Fragment>}; and the section-level elements that describe the whole
 * package: Property, PropertyRef, WixVariable, launch conditions (v3 Condition, v4 Launch).
 */
public final class PackageFamily implements ElementFamily {
    /** WiX's namespace for the UpgradeCode implied by Package/@Id (UpgradeCodeGuidNamespace in WiX's Compiler.cs). */
    static final UUID PACKAGE_UPGRADE_CODE_NAMESPACE = UUID.fromString("D9C5E8D9-0F97-4D24-A235-91BD2FA169A6");

    @Override
    public void register(Grammar g) {
        g.on("Product", this::v3Product, "Wix");
        g.on("Package", this::v4Package, "Wix");
        g.on("Fragment", this::fragment, "Wix");
        g.on("Property", this::property, Grammar.SECTIONS);
        g.on("PropertyRef", (ctx, e, s) -> ref(ctx, e, "Property"), Grammar.SECTIONS);
        g.on("WixVariable", this::wixVariable, Grammar.SECTIONS);
        g.on("Condition", this::v3LaunchCondition, "Product", "Fragment");
        g.on("Launch", this::v4Launch, "Package", "Fragment");
    }

    /** {@code <XxxRef Id="..."/>}: a reference that pulls in the fragment defining it. */
    static void ref(CompileContext ctx, SourceElement e, String kind) {
        Attrs a = ctx.attrs(e, "Id");
        String id = a.id("Id", true);
        ctx.children(e, Scope.ROOT).run();
        ctx.reference(kind, id, a.at("Id"));
    }

    private void fragment(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id");
        String id = a.id("Id", false);
        ctx.beginSection(Section.Type.FRAGMENT, id, e.location());
        ctx.children(e, Scope.ROOT).run();
    }

    private void v3Product(CompileContext ctx, SourceElement product, Scope scope) {
        if (ctx.v4()) {
            ctx.report(CompilerMessage.DEPRECATED, product.location(), "<Product> in the v4 namespace is the WiX 4 preview dialect",
                    "WiX 4.0 replaced <Product> + <Package> by one <Package> element; this compiler still accepts the preview form");
        }
        Attrs a = ctx.attrs(product, "Id", "Name", "Language", "Version", "Manufacturer", "UpgradeCode", "Codepage");
        SourceElement pkg = product.firstChild("Package").orElse(null);
        Attrs p = pkg == null ? null : ctx.attrs(pkg, "Id", "Description", "Comments", "Manufacturer", "InstallerVersion",
                "Compressed", "InstallScope", "InstallPrivileges", "Languages", "Platform", "Platforms", "SummaryCodepage",
                "Keywords", "ReadOnly", "ShortNames", "AdminImage");
        if (pkg == null) {
            ctx.report(CompilerMessage.MISSING_ONE_OF, product.location(), "Product", "a <Package> child", "add <Package InstallerVersion=\"200\" Compressed=\"yes\"/>");
        }
        String description = null, comments = null, keywords = null, platform = null, summaryManufacturer = null;
        int installerVersion = 200;
        boolean compressed = false, shortNames = false, adminImage = false;
        Integer summaryCodepage = null, security = null;
        InstallScope installScope = null;
        if (p != null) {
            p.guid("Id", false, true, false);
            description = p.str("Description");
            comments = p.str("Comments");
            keywords = p.str("Keywords");
            summaryManufacturer = p.str("Manufacturer");
            installerVersion = p.integer("InstallerVersion", 200, 0, Integer.MAX_VALUE);
            String s = p.oneOf("InstallScope", "perMachine", "perMachine", "perUser");
            installScope = s.equals("perUser") ? InstallScope.PER_USER : null;
            if ("limited".equals(p.oneOf("InstallPrivileges", "elevated", "elevated", "limited")) && installScope == null) {
                installScope = InstallScope.PER_USER;
            }
            compressed = p.yesNo("Compressed", false);
            shortNames = p.yesNo("ShortNames", false);
            adminImage = p.yesNo("AdminImage", false);
            platform = p.oneOf("Platform", null, "x86", "x64", "ia64", "intel", "intel64", "arm", "arm64");
            if (platform == null && p.has("Platforms")) platform = p.str("Platforms");
            if ("ia64".equals(platform) || "intel64".equals(platform) || "arm".equals(platform)) {
                ctx.report(CompilerMessage.UNSUPPORTED, p.at("Platform"), "Platform=\"" + platform + "\"", "build for x86, x64 or arm64");
                platform = null;
            }
            summaryCodepage = Attrs.deferred(p.str("SummaryCodepage")) ? null : p.integer("SummaryCodepage", null, 0, 65535);
            security = readOnly(p);
        }
        String version = a.version("Version", true);
        String productCode = a.guid("Id", true, true, false);
        ctx.beginSection(Section.Type.PRODUCT, null, product.location());
        ctx.add(new PackageSymbol(Section.Type.PRODUCT, null, a.required("Name"), a.required("Manufacturer"), version,
                a.guid("UpgradeCode", false, false, false), "*".equals(productCode) ? null : productCode,
                language(ctx, a), codepage(ctx, a), summaryCodepage, installerVersion, installScope, platform, compressed,
                shortNames, adminImage, security, description, comments, keywords, summaryManufacturer, false,
                new PackageSymbol.Deferred(deferred(a, "Language"), deferred(a, "Codepage"), p == null ? null : deferred(p, "SummaryCodepage")),
                product.location()));
        ctx.children(product, Scope.ROOT).skip("Package").run();
    }

    private void v4Package(CompileContext ctx, SourceElement pkg, Scope scope) {
        if (!ctx.v4()) {
            ctx.report(CompilerMessage.UNKNOWN_ELEMENT, pkg.location(), "Package", "Wix", "in the WiX v3 namespace a package is <Product> with a <Package> child");
            return;
        }
        Attrs a = ctx.attrs(pkg, "Id", "Name", "Manufacturer", "Version", "UpgradeCode", "Language", "ProductCode", "Scope",
                "InstallerVersion", "Compressed", "Codepage", "ShortNames", "UpgradeStrategy");
        String s = a.oneOf("Scope", "perMachine", "perMachine", "perUser", "perUserOrMachine", "perMachineOrUser");
        InstallScope installScope = switch (s) {
            case "perUser" -> InstallScope.PER_USER;
            case "perUserOrMachine", "perMachineOrUser" -> InstallScope.PER_USER_OR_MACHINE;
            default -> InstallScope.PER_MACHINE;
        };
        if (s.equals("perMachineOrUser")) {
            ctx.report(CompilerMessage.NOT_SUPPORTED_YET, a.at("Scope"), "Scope=\"perMachineOrUser\"", "use perUserOrMachine (MSIINSTALLPERUSER=1 by default) and pass ALLUSERS/MSIINSTALLPERUSER at install time");
        }
        boolean majorUpgrade = a.oneOf("UpgradeStrategy", "majorUpgrade", "majorUpgrade", "none").equals("majorUpgrade");
        a.id("Id", false);
        String description = null, keywords = null, comments = null, summaryManufacturer = null;
        Integer summaryCodepage = null;
        String summaryCodepageText = null;
        SourceElement summary = pkg.firstChild("SummaryInformation").orElse(null);
        if (summary != null) {
            Attrs si = ctx.attrs(summary, "Description", "Manufacturer", "Keywords", "Comments", "Codepage");
            description = si.str("Description");
            keywords = si.str("Keywords");
            comments = si.str("Comments");
            summaryManufacturer = si.str("Manufacturer");
            summaryCodepage = codepage(ctx, si);
            summaryCodepageText = deferred(si, "Codepage");
        }
        String productCode = a.guid("ProductCode", false, true, false);
        String packageId = a.str("Id");
        String upgradeCode = a.guid("UpgradeCode", false, false, false);
        if (upgradeCode == null && packageId != null && !a.has("UpgradeCode")) {
            // WiX v6+ (Compiler_Package.cs): a Package with an Id and no UpgradeCode gets the name GUID of the Id
            upgradeCode = NameGuid.of(PACKAGE_UPGRADE_CODE_NAMESPACE, packageId);
        }
        ctx.beginSection(Section.Type.PRODUCT, null, pkg.location());
        ctx.add(new PackageSymbol(Section.Type.PRODUCT, packageId, a.required("Name"), a.required("Manufacturer"),
                a.packageVersion("Version"), upgradeCode,
                "*".equals(productCode) ? null : productCode, language(ctx, a), codepage(ctx, a), summaryCodepage,
                a.integer("InstallerVersion", 500, 0, Integer.MAX_VALUE), installScope, null, a.yesNo("Compressed", true),
                a.yesNo("ShortNames", false), false, null, description, comments, keywords, summaryManufacturer, true,
                new PackageSymbol.Deferred(deferred(a, "Language"), deferred(a, "Codepage"), summaryCodepageText),
                pkg.location()));
        // WiX v6+ (Package/@UpgradeStrategy, default majorUpgrade): a package that authors no upgrade gets a default one
        if (majorUpgrade) ctx.add(new DefaultMajorUpgradeSymbol(pkg.location()));
        ctx.children(pkg, Scope.ROOT).skip("SummaryInformation").run();
    }

    /** Package/@ReadOnly (v3): the summary's Security value: 0 no, 2 yes (recommended), 4 enforced. */
    private static Integer readOnly(Attrs p) {
        String v = p.oneOf("ReadOnly", null, "no", "yes", "enforced");
        if (v == null) return null;
        return switch (v) {
            case "no" -> 0;
            case "yes" -> 2;
            default -> 4;
        };
    }

    /** The value when it is a bind-time variable (resolved by the binder), else null. */
    private static String deferred(Attrs a, String name) {
        String v = a.str(name);
        return Attrs.deferred(v) ? v : null;
    }

    /**
     * Language: a number, or a {@code !(loc.X)} resolved later (-1 until then). A v4 Package without one takes the
     * language of the build's culture at bind time (-1 here; 0 without a culture), as WiX v4's binder does; WiX v3's
     * Product requires it (0 when missing).
     */
    static int language(CompileContext ctx, Attrs a) {
        String v = a.str("Language");
        if (v == null) return ctx.v4() ? -1 : 0;
        if (Attrs.deferred(v)) return -1;
        return a.integer("Language", 0, 0, 65535);
    }

    /** Codepage: a number, a {@code !(loc.X)} resolved later, or a name such as windows-1252. */
    static Integer codepage(CompileContext ctx, Attrs a) {
        String v = a.str("Codepage");
        if (v == null || Attrs.deferred(v)) return null;
        Integer named = Codepages.parse(v);
        if (named == null) ctx.report(CompilerMessage.BAD_VALUE, a.at("Codepage"), "Codepage", v, "use a Windows code page number such as 1252, or 65001 for UTF-8");
        return named;
    }

    private void property(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.v4() ? ctx.attrs(e, "Id", "Value", "Secure", "Hidden", "Admin", "ComplianceCheck", "SuppressModularization")
                : ctx.attrsWithText(e, "Id", "Value", "Secure", "Hidden", "Admin", "ComplianceCheck", "SuppressModularization");
        String id = a.id("Id", true);
        String value = a.str("Value");
        String text = ctx.v4() ? null : CompileContext.text(e);
        if (value != null && text != null) {
            ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, e.location(), "Property", "Value and text content", "give the value once");
        }
        if (value == null) value = text;
        a.yesNo("ComplianceCheck", false);
        boolean suppressModularization = a.yesNo("SuppressModularization", false);
        boolean secure = a.yesNo("Secure", false), hidden = a.yesNo("Hidden", false), admin = a.yesNo("Admin", false);
        if (secure && id != null && !id.equals(id.toUpperCase(java.util.Locale.ROOT))) {
            ctx.report(CompilerMessage.BAD_VALUE, a.at("Id"), "Id", id, "a Secure property must be public: upper-case letters only");
        }
        ctx.children(e, scope.with(Scope.PROPERTY, id)).run();
        if (id == null) return;
        if (value == null && !secure && !hidden && !admin && e.children().isEmpty()) {
            // an empty <Property Id="X"/> defines nothing and references nothing: WiX warns (PropertyUseless) and
            // ignores it (its Compiler.ParsePropertyElement), and real sources keep such elements as documentation of
            // properties given on the command line (cloudbase-init, an OpenTelemetry installer)
            ctx.report(CompilerMessage.PROPERTY_USELESS, e.location(), id);
            return;
        }
        // the ErrorDialog property names the dialog that shows errors: it pulls that dialog in, as WiX does
        if (id.equals("ErrorDialog") && value != null && !value.contains("[")) ctx.reference("Dialog", value, e.location());
        var row = ctx.row("Property", e.location()).set("Property", id).set("Value", value);
        row.extra("Secure", secure).extra("Hidden", hidden).extra("Admin", admin).extra("SuppressModularization", suppressModularization);
    }

    private void wixVariable(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Value", "Overridable");
        String id = a.id("Id", true);
        String value = a.str("Value", "");
        boolean overridable = a.yesNo("Overridable", false);
        ctx.children(e, scope).run();
        if (id != null) ctx.add(new WixVariableSymbol(id, value, overridable, e.location()));
    }

    private void v3LaunchCondition(CompileContext ctx, SourceElement e, Scope scope) {
        if (ctx.v4()) {
            ctx.report(CompilerMessage.UNKNOWN_ELEMENT, e.location(), "Condition", scope.get(Scope.PARENT), "WiX v4 writes launch conditions as <Launch Condition=\"...\" Message=\"...\"/>");
            return;
        }
        Attrs a = ctx.attrsWithText(e, "Message");
        String message = a.required("Message");
        String condition = CompileContext.text(e);
        if (condition == null) ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "Condition", "a condition as its text", "");
        ctx.children(e, scope).run();
        if (message != null && condition != null) ctx.row("LaunchCondition", e.location()).set("Condition", condition).set("Description", message);
    }

    private void v4Launch(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Condition", "Message");
        String condition = a.required("Condition");
        String message = a.required("Message");
        ctx.children(e, scope).run();
        if (message != null && condition != null) ctx.row("LaunchCondition", e.location()).set("Condition", condition).set("Description", message);
    }
}

package dev.ssprkit.wix.compile.product;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.model.Symbols;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.source.SourceElement;

/**
 * The product's identity and package-wide settings: v3 Product + Package, v4 Package + SummaryInformation, Media,
 * MediaTemplate, Property (including the ARP properties), launch conditions (v3 Condition, v4 Launch).
 */
public final class ProductHandler {
    private final CompileContext ctx;

    public ProductHandler(CompileContext ctx) {
        this.ctx = ctx;
    }

    /** Reads the identity of a v3 {@code <Product>} with its {@code <Package>} child. */
    public Symbols.Product v3Product(SourceElement product, SourceElement pkg) {
        Attrs a = ctx.attrs(product, "Id", "Name", "Language", "Version", "Manufacturer", "UpgradeCode", "Codepage");
        Attrs p = pkg == null ? null : ctx.attrs(pkg, "Id", "Description", "Comments", "Manufacturer", "InstallerVersion",
                "Compressed", "InstallScope", "InstallPrivileges", "Languages", "Platform", "SummaryCodepage", "Keywords");
        if (pkg == null) ctx.report(CompilerMessage.MISSING_ONE_OF, product.location(), "Product", "a <Package> child", "add <Package InstallerVersion=\"200\" Compressed=\"yes\"/>");
        String description = null, comments = null, keywords = null, platform = null;
        int installerVersion = 200;
        if (p != null) {
            p.guid("Id", false, true, false);
            description = p.str("Description");
            comments = p.str("Comments");
            keywords = p.str("Keywords");
            installerVersion = p.integer("InstallerVersion", 200, 100, 999);
            scope(p, "InstallScope");
            p.oneOf("InstallPrivileges", "elevated", "elevated");
            p.yesNo("Compressed", true);
            platform = p.oneOf("Platform", null, "x86", "x64", "intel");
            p.integer("SummaryCodepage", null, 0, 65535);
            ctx.children(pkg).run();
        }
        return new Symbols.Product(a.required("Name"), a.required("Manufacturer"), a.version("Version", true),
                a.guid("UpgradeCode", true, false, false), star(a.guid("Id", true, true, false)),
                a.integer("Language", 0, 0, 65535), a.integer("Codepage", null, 0, 65535), installerVersion,
                description, comments, keywords, platform, product.location());
    }

    /** Reads the identity of a v4 {@code <Package>} (with an optional {@code <SummaryInformation>} child). */
    public Symbols.Product v4Package(SourceElement pkg) {
        Attrs a = ctx.attrs(pkg, "Name", "Manufacturer", "Version", "UpgradeCode", "Language", "ProductCode", "Scope",
                "InstallerVersion", "Compressed", "Codepage");
        scope(a, "Scope");
        a.yesNo("Compressed", true);
        String description = null, keywords = null, comments = null;
        SourceElement summary = pkg.firstChild("SummaryInformation").orElse(null);
        if (summary != null) {
            Attrs s = ctx.attrs(summary, "Description", "Manufacturer", "Keywords", "Comments", "Codepage");
            description = s.str("Description");
            keywords = s.str("Keywords");
            comments = s.str("Comments");
            s.integer("Codepage", null, 0, 65535);
        }
        return new Symbols.Product(a.required("Name"), a.required("Manufacturer"), a.version("Version", true),
                a.guid("UpgradeCode", true, false, false), star(a.guid("ProductCode", false, true, false)),
                a.integer("Language", 0, 0, 65535), a.integer("Codepage", null, 0, 65535),
                a.integer("InstallerVersion", 500, 100, 999), description, comments, keywords, null, pkg.location());
    }

    private static String star(String guid) {
        return "*".equals(guid) ? null : guid;
    }

    private void scope(Attrs a, String name) {
        String scope = a.oneOf(name, "perMachine", "perMachine", "perUser");
        if (scope.equals("perUser")) {
            ctx.report(CompilerMessage.UNSUPPORTED, a.at(name), name + "=\"perUser\"", "this compiler builds per-machine packages only");
        }
    }

    public void media(SourceElement e) {
        Attrs a = ctx.attrs(e, "Id", "Cabinet", "EmbedCab", "CompressionLevel", "DiskPrompt", "VolumeLabel");
        a.integer("Id", 1, 1, 1);
        if (!a.has("Id")) a.required("Id");
        embed(a);
        compression(a);
        String cabinet = a.str("Cabinet");
        if (cabinet != null && !cabinet.matches("[A-Za-z_][A-Za-z0-9_.]{0,61}")) {
            ctx.report(CompilerMessage.BAD_VALUE, a.at("Cabinet"), "Cabinet", cabinet, "an embedded cabinet's name must be an identifier such as product.cab");
            cabinet = null;
        }
        ctx.children(e).run();
        ctx.section().add(new Symbols.Media(cabinet == null ? "cab1.cab" : cabinet, e.location()));
    }

    public void mediaTemplate(SourceElement e) {
        Attrs a = ctx.attrs(e, "CabinetTemplate", "EmbedCab", "CompressionLevel", "MaximumUncompressedMediaSize");
        embed(a);
        compression(a);
        a.integer("MaximumUncompressedMediaSize", null, 1, Integer.MAX_VALUE);
        String template = a.str("CabinetTemplate", "cab{0}.cab");
        if (!template.contains("{0}")) {
            ctx.report(CompilerMessage.BAD_VALUE, a.at("CabinetTemplate"), "CabinetTemplate", template, "the template must contain {0} for the cabinet number");
        }
        ctx.children(e).run();
        ctx.section().add(new Symbols.Media(template.replace("{0}", "1"), e.location()));
    }

    private void embed(Attrs a) {
        if (a.has("EmbedCab") && !a.yesNo("EmbedCab", true)) {
            ctx.report(CompilerMessage.UNSUPPORTED, a.at("EmbedCab"), "EmbedCab=\"no\"", "files are always packed into one embedded cabinet");
        }
    }

    private void compression(Attrs a) {
        a.oneOf("CompressionLevel", "mszip", "none", "low", "medium", "high", "mszip");
    }

    public void property(SourceElement e) {
        Attrs a = ctx.v4() ? ctx.attrs(e, "Id", "Value", "Secure", "Hidden", "Admin")
                : ctx.attrsWithText(e, "Id", "Value", "Secure", "Hidden", "Admin");
        String id = a.id("Id", true);
        String value = a.str("Value");
        String text = CompileContext.text(e);
        if (value != null && text != null) {
            ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, e.location(), "Property", "Value and text content", "give the value once");
        }
        if (value == null) value = text;
        ctx.children(e).on("RegistrySearch", child -> registrySearch(child, id)).run();
        if (id == null) return;
        ctx.section().add(new Symbols.Property(id, value, a.yesNo("Secure", false), a.yesNo("Hidden", false),
                a.yesNo("Admin", false), e.location()));
    }

    /**
     * {@code <RegistrySearch>} under a Property: the property gets the value found (raw values of DWORDs as
     * {@code #n}). Win64 defaults to the package platform, as in WiX.
     */
    private void registrySearch(SourceElement e, String property) {
        Attrs a = ctx.attrs(e, "Id", "Root", "Key", "Name", "Type", "Win64", "Bitness");
        String id = a.id("Id", true);
        if (!a.has("Root")) a.required("Root");
        String root = a.oneOf("Root", null, "HKCR", "HKCU", "HKLM", "HKU");
        String key = a.required("Key");
        String name = a.str("Name");
        String type = a.oneOf("Type", null, "directory", "file", "raw");
        if (type == null && !a.has("Type")) a.required("Type");
        a.exclusive("Win64", "Bitness");
        boolean win64 = a.has("Bitness") ? "always64".equals(a.oneOf("Bitness", "default", "default", "always32", "always64"))
                : a.yesNo("Win64", ctx.x64());
        ctx.children(e).run();
        if (id == null || root == null || key == null || type == null || property == null) return;
        int rootValue = switch (root) {
            case "HKCR" -> 0;
            case "HKCU" -> 1;
            case "HKLM" -> 2;
            default -> 3;
        };
        int typeValue = switch (type) {
            case "directory" -> 0;
            case "file" -> 1;
            default -> 2;
        };
        ctx.section().add(new Symbols.RegistrySearch(id, property, rootValue, key, name, typeValue | (win64 ? 16 : 0), e.location()));
    }

    /** v3 {@code <Condition Message="...">expr</Condition>} under Product. */
    public void v3LaunchCondition(SourceElement e) {
        Attrs a = ctx.attrsWithText(e, "Message");
        String message = a.required("Message");
        String condition = CompileContext.text(e);
        if (condition == null) ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "Condition", "a condition as its text", "");
        ctx.children(e).run();
        if (message != null && condition != null) ctx.section().add(new Symbols.LaunchCondition(condition, message, e.location()));
    }

    public void v4Launch(SourceElement e) {
        Attrs a = ctx.attrs(e, "Condition", "Message");
        String condition = a.required("Condition");
        String message = a.required("Message");
        ctx.children(e).run();
        if (message != null && condition != null) ctx.section().add(new Symbols.LaunchCondition(condition, message, e.location()));
    }
}

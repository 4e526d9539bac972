package dev.ssprkit.wix.model;

import dev.ssprkit.wix.diag.SourceLocation;

/**
 * The identity of the output an entry section describes (v3 Product + Package, v4 Package + SummaryInformation, or a
 * merge module's Module), with the summary-information fields the source sets.
 *
 * @param productCode     null: derived at bind time (a stable GUID for the same identity)
 * @param language        ProductLanguage / the module's language
 * @param codepage        the database codepage (null: 1252, or the culture's from localization)
 * @param summaryCodepage the summary information's codepage (null: the database's)
 * @param scope           install scope as written (null: per-machine)
 * @param platform        v3 Package/@Platform (null: from the build's -arch)
 * @param security        summary Security (0 none, 2 read-only recommended, 4 read-only enforced)
 */
public record PackageSymbol(Section.Type type, String id, String name, String manufacturer, String version,
                            String upgradeCode, String productCode, int language, Integer codepage,
                            Integer summaryCodepage, int installerVersion, InstallScope scope, String platform,
                            boolean compressed, boolean shortNames, boolean adminImage, Integer security,
                            String description, String comments, String keywords, String summaryManufacturer,
                            boolean v4, Deferred deferred, SourceLocation location) implements Symbol {

    /** The same identity with the version a file gave it at bind time. */
    public PackageSymbol withVersion(String resolved) {
        return new PackageSymbol(type, id, name, manufacturer, resolved, upgradeCode, productCode, language, codepage,
                summaryCodepage, installerVersion, scope, platform, compressed, shortNames, adminImage, security,
                description, comments, keywords, summaryManufacturer, v4, deferred, location);
    }

    /** Language and codepages written as bind-time variables ({@code !(loc.X)}), resolved by the binder; null fields when not. */
    public record Deferred(String language, String codepage, String summaryCodepage) {
        public static final Deferred NONE = new Deferred(null, null, null);
    }

    /** Per-machine, per-user, or dual-purpose (per-user or per-machine, chosen at install). */
    public enum InstallScope { PER_MACHINE, PER_USER, PER_USER_OR_MACHINE }

    @Override
    public SymbolKey key() {
        return new SymbolKey("Package", "*");
    }

    public InstallScope effectiveScope() {
        return scope == null ? InstallScope.PER_MACHINE : scope;
    }
}

package dev.ssprkit.ca;

/**
 * How WiX names the library's actions and binaries.
 * <ul>
 *   <li>WiX v4+ ({@code caDecor.wxi}): {@code Wix4} + name + {@code _X86}/{@code _X64}/{@code _A64}, for immediate
 *       and deferred actions alike; binaries {@code Wix4UtilCA_X64}. The firewall extension is named as WiX v5 and
 *       later name it ({@code $(var.Prefix5)}): {@code Wix5SchedFirewallExceptionsInstall_X64}, binary
 *       {@code Wix5FWCA_X64} (WiX v4.0's {@code Wix4FWCA_*} names are not made: v5 and v6 compile every
 *       FirewallException of the v4 namespace to the v5 table and actions). The HTTP extension is named as WiX v6
 *       names it: its URL reservation actions keep {@code Wix4} ({@code Wix4SchedHttpUrlReservationsInstall_X64}),
 *       its binary is {@code Wix6HttpCA_X64} (HttpExtension_Platform.wxi's {@code $(var.Prefix6)HttpCA}).</li>
 *   <li>WiX v3 ({@code caSuffix.wxi}): the name itself on x86; on x64 {@code _x64} for immediate actions and
 *       {@code _64} for deferred ones; binaries {@code WixCA}/{@code WixCA_x64}, {@code WixFirewallCA}/
 *       {@code WixFirewallCA_x64}, {@code WixHttpCA}/{@code WixHttpCA_x64}, {@code NetFxCA}/{@code NetFxCA_x64}. (WiX 3.x's util wixlib ships most actions only as 32-bit; for x64 packages we
 *       use our 64-bit DLL under this x64 naming, as v3 itself does for SecureObjects.)</li>
 * </ul>
 * Our DLLs schedule deferred actions by these names, so both sides must agree (the Wine tests prove they do).
 */
final class ActionNames {
    private ActionNames() {}

    /**
     * @param v3Name the action's WiX v3 name on x86 (e.g. {@code WixSchedInternetShortcuts}, {@code SchedXmlFile})
     * @param v4Stem the part after {@code Wix4} in WiX v4 (e.g. {@code SchedInternetShortcuts})
     */
    static String action(SchemaGeneration g, LibraryKind kind, Architecture a, String v3Name, String v4Stem, boolean deferred) {
        if (g == SchemaGeneration.V4) return (kind == LibraryKind.FIREWALL ? "Wix5" : "Wix4") + v4Stem + "_" + v4Suffix(a);
        return switch (a) {
            case X86 -> v3Name;
            case X64 -> v3Name + (deferred ? "_64" : "_x64");
            case ARM64 -> v3Name + "_A64";
        };
    }

    static String binary(SchemaGeneration g, LibraryKind kind, Architecture a) {
        if (g == SchemaGeneration.V4) {
            String stem = switch (kind) {
                case UTIL -> "Wix4UtilCA_";
                case FIREWALL -> "Wix5FWCA_"; // WiX v5+ (v4.0: Wix4FWCA_)
                case HTTP -> "Wix6HttpCA_"; // WiX v6+ (v4.0 and v5: Wix4HttpCA_); its URL reservation actions keep Wix4 names
                case UI -> "WixUiCa_";
                case NETFX -> "Wix4NetFxCA_";
            };
            return stem + v4Suffix(a);
        }
        String base = switch (kind) {
            case UTIL -> "WixCA";
            case FIREWALL -> "WixFirewallCA";
            case HTTP -> "WixHttpCA"; // v3's HttpExtension_Platform.wxi: WixHttpCA$(var.Suffix)
            case UI -> "WixUIWixca"; // WiX v3's UI extension shipped this one (x86) binary
            case NETFX -> "NetFxCA"; // v3's NetFxExtension_Platform.wxi: NetFxCA$(var.Suffix)
        };
        return switch (a) {
            case X86 -> base;
            case X64 -> base + "_x64";
            case ARM64 -> base + "_A64";
        };
    }

    private static String v4Suffix(Architecture a) {
        return switch (a) {
            case X86 -> "X86";
            case X64 -> "X64";
            case ARM64 -> "A64";
        };
    }
}

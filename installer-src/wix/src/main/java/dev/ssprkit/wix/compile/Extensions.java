package dev.ssprkit.wix.compile;

import java.util.List;
import java.util.Set;

/**
 * The WiX extensions this compiler knows: those it compiles (their element families) and those it only recognizes,
 * so that their elements get "not supported yet" rather than "unknown namespace". Namespaces are WiX v3's and v4+'s.
 */
public final class Extensions {
    private Extensions() {}

    private static WixExtension known(String id, String title, String v3, String v4, String... names) {
        // in the order written (Set.of iterates in an order that changes from run to run, and messages list these)
        return new WixExtension(id, title, ordered(v3, v4), ordered(names), List.of());
    }

    private static Set<String> ordered(String... values) {
        return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(List.of(values)));
    }

    private static WixExtension compiled(WixExtension known, ElementFamily... families) {
        return new WixExtension(known.id(), known.title(), known.namespaces(), known.commandLineNames(), List.of(families), known.libraries());
    }

    /** The built-in dialog sets (ssprkit's own dialogs under WiX's names): sources, texts and the payload they name. */
    private static final List<String> UI_LIBRARY = List.of("Common.wxs", "Dialogs_Common.wxs", "Dialogs_Wizard.wxs", "Sets.wxs", "Advanced.wxs",
            "InstallButtonEvents.wxi", "WixUI_en-us.wxl", "WixUI_de-de.wxl", "WixUI_fr-fr.wxl", "WixUI_es-es.wxl",
            "WixUI_ja-jp.wxl", "License.rtf", "bitmaps/banner.bmp", "bitmaps/dialog.bmp",
            "bitmaps/exclamation.ico", "bitmaps/info.ico", "bitmaps/new.ico", "bitmaps/up.ico").stream()
            .map(n -> "/dev/ssprkit/wix/ext/ui/" + n).toList();

    private static WixExtension withLibrary(WixExtension x, List<String> resources) {
        return new WixExtension(x.id(), x.title(), x.namespaces(), x.commandLineNames(), x.families(), resources);
    }

    public static List<WixExtension> builtIn() {
        return List.of(
                compiled(known("util", "util extension", "http://schemas.microsoft.com/wix/UtilExtension", "http://wixtoolset.org/schemas/v4/wxs/util",
                        "WixUtilExtension", "WixToolset.Util.wixext", "Util"), new dev.ssprkit.wix.compile.ext.UtilFamily(),
                        new dev.ssprkit.wix.compile.ext.UtilLibraryFamily()),
                compiled(known("fire", "firewall extension", "http://schemas.microsoft.com/wix/FirewallExtension", "http://wixtoolset.org/schemas/v4/wxs/firewall",
                        "WixFirewallExtension", "WixToolset.Firewall.wixext", "Firewall"), new dev.ssprkit.wix.compile.ext.FirewallFamily()),
                withLibrary(compiled(known("ui", "UI extension", "http://schemas.microsoft.com/wix/UIExtension", "http://wixtoolset.org/schemas/v4/wxs/ui",
                        "WixUIExtension", "WixToolset.UI.wixext", "UI"), new dev.ssprkit.wix.compile.ext.WixUiFamily()), UI_LIBRARY),
                withLibrary(compiled(known("netfx", ".NET extension", "http://schemas.microsoft.com/wix/NetFxExtension", "http://wixtoolset.org/schemas/v4/wxs/netfx",
                        "WixNetFxExtension", "WixToolset.Netfx.wixext", "NetFx"), new dev.ssprkit.wix.compile.ext.NetFxFamily()),
                        List.of("/dev/ssprkit/wix/ext/netfx/NetFx.wxs")),
                compiled(known("dep", "dependency extension", "http://schemas.microsoft.com/wix/DependencyExtension", "http://wixtoolset.org/schemas/v4/wxs/dependency",
                        "WixDependencyExtension", "WixToolset.Dependency.wixext", "Dependency"), new dev.ssprkit.wix.compile.ext.DependencyFamily(false)),
                known("iis", "IIS extension", "http://schemas.microsoft.com/wix/IIsExtension", "http://wixtoolset.org/schemas/v4/wxs/iis",
                        "WixIIsExtension", "WixToolset.Iis.wixext", "Iis"),
                known("sql", "SQL extension", "http://schemas.microsoft.com/wix/SqlExtension", "http://wixtoolset.org/schemas/v4/wxs/sql",
                        "WixSqlExtension", "WixToolset.Sql.wixext", "Sql"),
                compiled(known("http", "HTTP extension", "http://schemas.microsoft.com/wix/HttpExtension", "http://wixtoolset.org/schemas/v4/wxs/http",
                        "WixHttpExtension", "WixToolset.Http.wixext", "Http"), new dev.ssprkit.wix.compile.ext.HttpFamily()),
                known("complus", "COM+ extension", "http://schemas.microsoft.com/wix/ComPlusExtension", "http://wixtoolset.org/schemas/v4/wxs/complus",
                        "WixComPlusExtension", "WixToolset.ComPlus.wixext", "ComPlus"),
                known("msmq", "MSMQ extension", "http://schemas.microsoft.com/wix/MsmqExtension", "http://wixtoolset.org/schemas/v4/wxs/msmq",
                        "WixMsmqExtension", "WixToolset.Msmq.wixext", "Msmq"),
                known("difx", "DIFxApp extension", "http://schemas.microsoft.com/wix/DifxAppExtension", "http://wixtoolset.org/schemas/v4/wxs/difxapp",
                        "WixDifxAppExtension", "WixToolset.DifxApp.wixext", "DifxApp"),
                known("ps", "PowerShell extension", "http://schemas.microsoft.com/wix/PSExtension", "http://wixtoolset.org/schemas/v4/wxs/powershell",
                        "WixPSExtension", "WixToolset.PowerShell.wixext", "PowerShell"),
                known("vs", "Visual Studio extension", "http://schemas.microsoft.com/wix/VSExtension", "http://wixtoolset.org/schemas/v4/wxs/vs",
                        "WixVSExtension", "WixToolset.VisualStudio.wixext", "VisualStudio"),
                known("bal", "bootstrapper extension", "http://schemas.microsoft.com/wix/BalExtension", "http://wixtoolset.org/schemas/v4/wxs/bal",
                        "WixBalExtension", "WixToolset.Bal.wixext", "Bal"),
                known("directx", "DirectX extension", "http://schemas.microsoft.com/wix/DirectXExtension", "http://wixtoolset.org/schemas/v4/wxs/directx",
                        "WixDirectXExtension", "WixToolset.DirectX.wixext", "DirectX"),
                compiled(known("tag", "software tag extension", "http://schemas.microsoft.com/wix/TagExtension", "http://wixtoolset.org/schemas/v4/wxs/tag",
                        "WixTagExtension", "WixToolset.Tag.wixext", "Tag"), new dev.ssprkit.wix.compile.core.SoftwareTagFamily(true)));
    }
}

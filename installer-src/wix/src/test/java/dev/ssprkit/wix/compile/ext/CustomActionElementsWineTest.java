package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.testkit.Wine;
import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.WixBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One WiX v4 package, compiled by our compiler, that uses several util elements at once, installed and removed by
 * Wine's msiexec (two launches in all). Expected effects are WiX's documented ones: util:XmlFile setValue sets the
 * attribute Name of the element ElementPath selects, createElement adds a child element Name with the text Value
 * (util.xsd); util:InternetShortcut Type="url" creates NAME.url in the [InternetShortcut] URL= INI form, formatted,
 * and the shortcut goes with the product; util:RemoveFolderEx On="uninstall" removes the folder in its Property and
 * everything below it; the "Quiet Execution Custom Action" page: a deferred WixQuietExec runs its CustomActionData
 * (the command) hidden; util:QueryWindowsWellKnownSIDs sets WIX_ACCOUNT_ADMINISTRATORS to the localized name of
 * S-1-5-32-544 (BUILTIN\Administrators, Microsoft's well-known SIDs list), here written into the registry.
 */
@Tag("interop")
class CustomActionElementsWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir Path dir;

    static final String CONFIG = "<?xml version=\"1.0\"?>\r\n<configuration>\r\n  <appSettings>\r\n    <add key=\"Mode\" value=\"old\"/>\r\n"
            + "  </appSettings>\r\n</configuration>\r\n";

    static final String SOURCE = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:util="http://wixtoolset.org/schemas/v4/wxs/util">
              <Package Name="ssprkit WiX CA" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{0E4A6B2C-1D3F-4E5A-9B8C-7D6E5F4A3B2C}">
                <MediaTemplate EmbedCab="yes"/>
                <StandardDirectory Id="ProgramFiles64Folder"><Directory Id="INSTALLFOLDER" Name="ssprkit WiX CA">
                  <Component Id="Main">
                    <File Id="AppConfig" Source="app.config"/>
                    <util:XmlFile Id="SetMode" File="[#AppConfig]" ElementPath="/configuration/appSettings/add[\\[]@key='Mode'[\\]]"
                        Name="value" Value="[XML_MODE]" Action="setValue" SelectionLanguage="XPath" Sequence="1"/>
                    <util:XmlFile Id="AddFeature" File="[#AppConfig]" ElementPath="/configuration/appSettings" Name="feature" Value="on"
                        Action="createElement" SelectionLanguage="XPath" Sequence="2"/>
                    <util:InternetShortcut Id="Docs" Name="ssprkit docs" Target="https://example.invalid/docs?p=[ProductName]" Type="url"/>
                    <util:RemoveFolderEx Id="Data" Property="DATA_ROOT" On="uninstall"/>
                    <RegistryValue Root="HKLM" Key="Software\\ssprkit-wix-ca" Name="Admins" Value="[WIX_ACCOUNT_ADMINISTRATORS]" Type="string"/>
                  </Component>
                </Directory></StandardDirectory>
                <util:QueryWindowsWellKnownSIDs/>
                <Property Id="XML_MODE" Value="new"/>
                <Property Id="DATA_ROOT" Value="C:\\ssprkit-wix-data\\"/>
                <SetProperty Id="WriteLog" Sequence="execute" Before="WriteLog"
                    Value="&quot;[System64Folder]cmd.exe&quot; /c mkdir C:\\ssprkit-wix-data\\logs &amp; echo done&gt; C:\\ssprkit-wix-data\\logs\\quiet.txt"/>
                <CustomAction Id="WriteLog" BinaryRef="Wix4UtilCA_X64" DllEntry="WixQuietExec" Execute="deferred" Return="check" Impersonate="no"/>
                <InstallExecuteSequence><Custom Action="WriteLog" After="InstallFiles" Condition="NOT REMOVE"/></InstallExecuteSequence>
                <Feature Id="Main"><ComponentRef Id="Main"/></Feature>
              </Package>
            </Wix>
            """;

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static String log(Path log) {
        if (!Files.exists(log)) return "(no log)";
        byte[] b;
        try {
            b = Files.readAllBytes(log);
        } catch (java.io.IOException e) {
            return "(log unreadable: " + e + ")";
        }
        String s = b.length > 1 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE
                ? new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE) : new String(b, StandardCharsets.ISO_8859_1);
        return s.length() > 15000 ? s.substring(s.length() - 15000) : s;
    }

    @Test
    void installedEffectsAreWhatWixDocumentsAndUninstallRemovesTheDataTree() throws Exception {
        Path wxs = dir.resolve("ca.wxs");
        Files.writeString(wxs, SOURCE);
        Files.writeString(dir.resolve("app.config"), CONFIG, StandardCharsets.US_ASCII);
        Path msi = dir.resolve("ca.msi");
        BuildResult r = WixBuild.build(BuildRequest.builder(msi, List.of(wxs)).environment(Map.of()).workingDirectory(dir)
                .platform("x64").buildTime(Instant.parse("2026-01-01T00:00:00Z")).build());
        assertTrue(r.success(), r.diagnostics().toString());

        Path installLog = dir.resolve("install.log");
        int code = wine.msiexec("/i", msi.toString(), "/qn", "/l*v", installLog.toString()).exitCode();
        assertEquals(0, code, () -> log(installLog));
        Path folder = wine.cDrive("C:\\Program Files\\ssprkit WiX CA");

        Document config = parse(folder.resolve("app.config"));
        Element add = (Element) config.getElementsByTagName("add").item(0);
        assertEquals("new", add.getAttribute("value"), "setValue with the formatted [XML_MODE]");
        assertEquals("Mode", add.getAttribute("key"));
        assertEquals(1, config.getElementsByTagName("feature").getLength(), "createElement");
        Element feature = (Element) config.getElementsByTagName("feature").item(0);
        assertEquals("appSettings", feature.getParentNode().getNodeName());
        assertEquals("on", feature.getTextContent());

        String url = Files.readString(folder.resolve("ssprkit docs.url"), StandardCharsets.ISO_8859_1);
        assertTrue(url.contains("[InternetShortcut]"), url);
        assertTrue(url.lines().anyMatch(l -> l.equals("URL=https://example.invalid/docs?p=ssprkit WiX CA")), url);

        Path data = wine.cDrive("C:\\ssprkit-wix-data");
        assertEquals("done", Files.readString(data.resolve("logs/quiet.txt"), StandardCharsets.ISO_8859_1).strip(), "WixQuietExec ran its command");
        assertEquals("BUILTIN\\Administrators", wine.regValue("HKLM\\Software\\ssprkit-wix-ca", "Admins"));

        // the application's data, made after install, in a tree RemoveFolderEx must clear
        Files.createDirectories(data.resolve("cache/deep"));
        Files.writeString(data.resolve("cache/deep/b.tmp"), "z");
        Files.writeString(data.resolve("settings.ini"), "x");
        Path uninstallLog = dir.resolve("uninstall.log");
        int removed = wine.msiexec("/x", msi.toString(), "/qn", "/l*v", uninstallLog.toString()).exitCode();
        assertEquals(0, removed, () -> log(uninstallLog));
        assertFalse(Files.exists(data), "RemoveFolderEx left " + data);
        assertFalse(Files.exists(folder.resolve("ssprkit docs.url")), "the shortcut goes with the product");
        assertFalse(Files.exists(folder.resolve("app.config")));
    }
}

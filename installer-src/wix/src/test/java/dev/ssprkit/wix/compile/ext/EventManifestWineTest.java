package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.testkit.Wine;
import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.WixBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * util:EventManifest in a package our compiler built, installed and removed by Wine's msiexec, the form
 * dorssel/usbipd-win uses (a manifest File whose MessageFile and ResourceFile are the installed program, [#file]).
 * Expected, from WiX: the util.xsd documentation (the providers' messageFileName / resourceFileName are set to the
 * installed path before the manifest is registered) and WiX's scheduling actions (src/ext/Util/ca/scamanifest.cpp:
 * on install the command {@code "wevtutil.exe" im "<manifest>"}, its rollback {@code "wevtutil.exe" um "<manifest>"};
 * on uninstall {@code um}, its rollback {@code im}, all run by the quiet exec entry point). The path is where Wine puts
 * ProgramFiles64Folder.
 *
 * <p>Wine 8's wevtutil.exe is a stub (it logs "stub" and exits 0): it registers nothing, so this test does not show
 * that Windows accepts the manifest. It shows, through the verbose MSI log, that our immediate actions ran and put the
 * exact command lines into the script, that the deferred quiet exec ran each of them after the manifest's file names
 * were rewritten, and (in the installed file) that the rewrite happened, with install and uninstall exit codes 0.
 * (Wine's log shows bracketed text such as the ElementPath's {@code [@messageFileName]} as nothing, even inside our
 * "[1]"-template lines and property dumps, so the log assertions use lines without brackets; the second provider
 * shows the predicate was applied.)
 */
@Tag("interop")
class EventManifestWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir Path dir;

    static final String FOLDER = "C:\\Program Files\\ssprkit EvMan\\";

    static final String MANIFEST = """
            <?xml version="1.0" encoding="UTF-8"?>
            <instrumentationManifest xmlns="http://schemas.microsoft.com/win/2004/08/events">
              <instrumentation>
                <events>
                  <provider name="ssprkit-EvMan" guid="{5B6E1C2A-3D4F-4A5B-8C9D-0E1F2A3B4C5D}" symbol="SSPRKIT_EVMAN"
                      resourceFileName="server.exe" messageFileName="server.exe">
                  </provider>
                  <provider name="ssprkit-EvMan-Resources" guid="{5B6E1C2A-3D4F-4A5B-8C9D-0E1F2A3B4C5E}" symbol="SSPRKIT_EVMAN_RES"
                      resourceFileName="server.exe">
                  </provider>
                </events>
              </instrumentation>
            </instrumentationManifest>
            """;

    static final String SOURCE = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:util="http://wixtoolset.org/schemas/v4/wxs/util">
              <Package Name="ssprkit EvMan" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{2C4E6A8B-0D1F-4B3C-9E5D-7F9A1B3C5D7E}">
                <MediaTemplate EmbedCab="yes"/>
                <StandardDirectory Id="ProgramFiles64Folder"><Directory Id="INSTALLFOLDER" Name="ssprkit EvMan">
                  <Component Id="server.exe">
                    <File Id="server.exe" Source="server.exe"/>
                  </Component>
                  <Component Id="EventManifest.xml">
                    <File Id="EventManifest.xml" Name="EventManifest.xml" Source="EventManifest.xml">
                      <util:EventManifest MessageFile="[#server.exe]" ResourceFile="[#server.exe]"/>
                    </File>
                  </Component>
                </Directory></StandardDirectory>
                <Feature Id="Main"><ComponentRef Id="server.exe"/><ComponentRef Id="EventManifest.xml"/></Feature>
              </Package>
            </Wix>
            """;

    /** The whole verbose log (Wine writes it in the ANSI code page unless it starts with a UTF-16 byte order mark). */
    private static String log(Path log) throws Exception {
        if (!Files.exists(log)) return "(no log)";
        byte[] b = Files.readAllBytes(log);
        return b.length > 1 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE
                ? new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE) : new String(b, StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(String log, String line) {
        int i = log.indexOf(line);
        assertTrue(i >= 0, "the log has no line with\n  " + line + "\nlog:\n" + (log.length() > 20000 ? log.substring(log.length() - 20000) : log));
        return i;
    }

    static final String MANIFEST_PATH = FOLDER + "EventManifest.xml";
    static final String IM = "\"wevtutil.exe\" im \"" + MANIFEST_PATH + "\"";
    static final String UM = "\"wevtutil.exe\" um \"" + MANIFEST_PATH + "\"";

    private Path build(String name, String source) throws Exception {
        Path wxs = Files.writeString(dir.resolve(name + ".wxs"), source);
        Files.writeString(dir.resolve("server.exe"), "stands in for the program whose resources the manifest names");
        Files.writeString(dir.resolve("EventManifest.xml"), MANIFEST, StandardCharsets.UTF_8);
        Path msi = dir.resolve(name + ".msi");
        BuildResult r = WixBuild.build(BuildRequest.builder(msi, List.of(wxs)).environment(Map.of()).workingDirectory(dir)
                .platform("x64").buildTime(Instant.parse("2026-01-01T00:00:00Z")).extensions(List.of("WixToolset.Util.wixext")).build());
        assertTrue(r.success(), r.diagnostics().toString());
        return msi;
    }

    @Test
    void installRegistersAndUninstallUnregistersWithWevtutilAfterTheManifestIsRewritten() throws Exception {
        Path msi = build("evman", SOURCE);
        String manifest = MANIFEST_PATH;
        String im = IM;
        String um = UM;

        Path installLog = dir.resolve("install.log");
        int installed = wine.msiexec("/i", msi.toString(), "/qn", "/l*v", installLog.toString()).exitCode();
        String install = log(installLog);
        assertEquals(0, installed, install);
        indexOf(install, "ConfigureEventManifestRegister: scheduled Wix4RollbackRegisterEventManifest_X64: " + um);
        indexOf(install, "ConfigureEventManifestRegister: scheduled Wix4RegisterEventManifest_X64: " + im);
        int rewritten = indexOf(install, "ExecXmlFile: saved " + manifest);
        int ran = indexOf(install, "WixQuietExec: running " + im);
        assertTrue(rewritten < ran, "wevtutil runs after the manifest's file names are rewritten");
        assertTrue(install.indexOf("WixQuietExec: command finished, exit code 0", ran) > ran, install);

        Element provider = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(wine.cDrive(manifest).toFile()).getElementsByTagName("provider").item(0);
        assertEquals(FOLDER + "server.exe", provider.getAttribute("messageFileName"));
        assertEquals(FOLDER + "server.exe", provider.getAttribute("resourceFileName"));
        // the rewrite selects providers that have the attribute (ElementPath /*/*/*/*[@messageFileName]): the second
        // provider has no messageFileName and gets none
        Element second = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(wine.cDrive(manifest).toFile()).getElementsByTagName("provider").item(1);
        assertEquals(FOLDER + "server.exe", second.getAttribute("resourceFileName"));
        assertTrue(!second.hasAttribute("messageFileName"), "a provider without messageFileName is left without one");

        Path uninstallLog = dir.resolve("uninstall.log");
        int removed = wine.msiexec("/x", msi.toString(), "/qn", "/l*v", uninstallLog.toString()).exitCode();
        String uninstall = log(uninstallLog);
        assertEquals(0, removed, uninstall);
        indexOf(uninstall, "ConfigureEventManifestUnregister: scheduled Wix4RollbackUnregisterEventManifest_X64: " + im);
        indexOf(uninstall, "ConfigureEventManifestUnregister: scheduled Wix4UnregisterEventManifest_X64: " + um);
        int unregistered = indexOf(uninstall, "WixQuietExec: running " + um);
        assertTrue(uninstall.indexOf("WixQuietExec: command finished, exit code 0", unregistered) > unregistered, uninstall);
        assertTrue(!uninstall.contains("ConfigureEventManifestRegister: scheduled"), "nothing is registered on uninstall");
        assertTrue(!Files.exists(wine.cDrive(manifest)), "the manifest goes with the product");
    }

    /**
     * A failure later in the script (WiX's FailWhenDeferred, WIXFAILWHENDEFERRED=1) rolls the registration back: the
     * rollback action scheduled with it runs {@code um} (scamanifest.cpp's rollback of a registration), and msiexec
     * answers 1603 (ERROR_INSTALL_FAILURE; 67 through Wine's Unix exit status, oracles.md).
     */
    @Test
    void aFailedInstallUnregistersInItsRollback() throws Exception {
        Path msi = build("evman-fail", SOURCE.replace("<MediaTemplate EmbedCab=\"yes\"/>", "<MediaTemplate EmbedCab=\"yes\"/><util:FailWhenDeferred/>")
                .replace("UpgradeCode=\"{2C4E6A8B-0D1F-4B3C-9E5D-7F9A1B3C5D7E}\"", "UpgradeCode=\"{2C4E6A8B-0D1F-4B3C-9E5D-7F9A1B3C5D7F}\""));
        Path installLog = dir.resolve("fail.log");
        int code = wine.msiexec("/i", msi.toString(), "/qn", "/l*v", installLog.toString(), "WIXFAILWHENDEFERRED=1").exitCode();
        String install = log(installLog);
        assertEquals(1603 & 0xFF, code, install); // ERROR_INSTALL_FAILURE, which Wine's Unix process passes on modulo 256
        int registered = indexOf(install, "WixQuietExec: running " + IM);
        int failed = indexOf(install, "WixFailWhenDeferred");
        int undone = install.indexOf("WixQuietExec: running " + UM, Math.max(registered, failed));
        assertTrue(undone > registered, "the rollback runs wevtutil um after the failure:\n" + install);
        assertTrue(install.indexOf("WixQuietExec: command finished, exit code 0", undone) > undone, install);
        assertTrue(!Files.exists(wine.cDrive(MANIFEST_PATH)), "the manifest is rolled back too");
    }

    /**
     * The same element from a WiX v3 source: v3's table (EventManifest) and action names (x64: "_64" for the deferred
     * ones), run by CAQuietExec, as WiX v3's library names them (UtilExtension_Platform.wxi, caSuffix.wxi).
     */
    @Test
    void aV3SourceUsesV3NamesAndCaQuietExec() throws Exception {
        Path msi = build("evman-v3", """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi" xmlns:util="http://schemas.microsoft.com/wix/UtilExtension">
                  <Product Id="*" Name="ssprkit EvMan" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests"
                      UpgradeCode="{2C4E6A8B-0D1F-4B3C-9E5D-7F9A1B3C5D80}">
                    <Package InstallerVersion="500" Compressed="yes" InstallScope="perMachine" Platform="x64"/>
                    <MediaTemplate EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFiles64Folder">
                      <Directory Id="INSTALLFOLDER" Name="ssprkit EvMan">
                        <Component Id="Server" Guid="{3D5F7B9C-1E2A-4C4D-8F6E-8A0B2C4D6E80}" Win64="yes">
                          <File Id="server.exe" Source="server.exe" KeyPath="yes"/>
                        </Component>
                        <Component Id="Events" Guid="{3D5F7B9C-1E2A-4C4D-8F6E-8A0B2C4D6E81}" Win64="yes">
                          <File Id="EventManifest.xml" Name="EventManifest.xml" Source="EventManifest.xml" KeyPath="yes">
                            <util:EventManifest MessageFile="[#server.exe]"/>
                          </File>
                        </Component>
                      </Directory></Directory></Directory>
                    <Feature Id="Main" Level="1"><ComponentRef Id="Server"/><ComponentRef Id="Events"/></Feature>
                  </Product>
                </Wix>
                """);
        Path installLog = dir.resolve("v3.log");
        int installed = wine.msiexec("/i", msi.toString(), "/qn", "/l*v", installLog.toString()).exitCode();
        String install = log(installLog);
        assertEquals(0, installed, install);
        indexOf(install, "ConfigureEventManifestRegister: scheduled RollbackRegisterEventManifest_64: " + UM);
        indexOf(install, "ConfigureEventManifestRegister: scheduled RegisterEventManifest_64: " + IM);
        int ran = indexOf(install, "CAQuietExec: running " + IM);
        assertTrue(install.indexOf("CAQuietExec: command finished, exit code 0", ran) > ran, install);
        Element provider = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(wine.cDrive(MANIFEST_PATH).toFile()).getElementsByTagName("provider").item(0);
        assertEquals(FOLDER + "server.exe", provider.getAttribute("messageFileName"));
        assertEquals("server.exe", provider.getAttribute("resourceFileName"), "no ResourceFile: left as written");

        Path uninstallLog = dir.resolve("v3-uninstall.log");
        int removed = wine.msiexec("/x", msi.toString(), "/qn", "/l*v", uninstallLog.toString()).exitCode();
        String uninstall = log(uninstallLog);
        assertEquals(0, removed, uninstall);
        int unregistered = indexOf(uninstall, "CAQuietExec: running " + UM);
        assertTrue(uninstall.indexOf("CAQuietExec: command finished, exit code 0", unregistered) > unregistered, uninstall);
    }
}

package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.Wine;
import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.WixBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The util extension's table-backed elements (EventSource, PermissionEx, ServiceConfig), in WiX v3 and v4 spelling.
 * Expected values: the registry values and types the WiX documentation lists for EventSource (message files
 * REG_EXPAND_SZ, CategoryCount and TypesSupported REG_DWORD with EVENTLOG_* bits from winnt.h), read back with
 * Wine's {@code reg query} after {@code msiexec /i}; the MsiLockPermissionsEx
 * rows as the MSI SDK defines their columns (SDDL ACE strings), and WiX v3's ServiceConfig table, read with msitools.
 */
@Tag("interop")
class UtilExtensionTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    private static final String V3 = "xmlns=\"http://schemas.microsoft.com/wix/2006/wi\" xmlns:util=\"http://schemas.microsoft.com/wix/UtilExtension\"";
    @TempDir Path dir;

    private static String v3(String name, String componentBody) {
        return "<Wix " + V3 + ">\n<Product Id=\"*\" Name=\"" + name + "\" Language=\"1033\" Version=\"1.0.0\" Manufacturer=\"ssprkit tests\"\n"
                + "    UpgradeCode=\"{2B0E5C1A-7D3E-4F60-9A51-3C2D1E0F4A5B}\">\n"
                + "  <Package InstallerVersion=\"500\" Compressed=\"yes\" InstallScope=\"perMachine\"/>\n"
                + "  <MediaTemplate EmbedCab=\"yes\"/>\n"
                + "  <Directory Id=\"TARGETDIR\" Name=\"SourceDir\"><Directory Id=\"ProgramFilesFolder\">\n"
                + "    <Directory Id=\"INSTALLFOLDER\" Name=\"" + name + "\">\n"
                + "      <Component Id=\"Main\" Guid=\"{7C1D2E3F-4A5B-4C6D-8E7F-9A0B1C2D3E4F}\">\n" + componentBody + "\n      </Component>\n"
                + "    </Directory></Directory></Directory>\n"
                + "  <Feature Id=\"Main\" Level=\"1\"><ComponentRef Id=\"Main\"/></Feature>\n"
                + "</Product>\n</Wix>\n";
    }

    private BuildResult build(String source, Path msi) throws IOException {
        Path wxs = dir.resolve("util.wxs");
        Files.writeString(wxs, source);
        Files.writeString(dir.resolve("app.exe"), "not really a program");
        return WixBuild.build(BuildRequest.builder(msi, List.of(wxs)).environment(Map.of()).workingDirectory(dir)
                .buildTime(Instant.parse("2026-01-01T00:00:00Z")).build());
    }

    @Test
    void eventSourceRegistersTheSourceUnderTheEventLogKey() throws Exception {
        Path msi = dir.resolve("events.msi");
        BuildResult r = build(v3("Event Source Test", """
                        <File Id="App" Source="app.exe" KeyPath="yes"/>
                        <util:EventSource Name="SsprKitTest" Log="Application" EventMessageFile="[#App]"
                            CategoryMessageFile="[#App]" CategoryCount="3" SupportsErrors="yes" SupportsWarnings="yes" SupportsInformationals="yes"/>"""), msi);
        assertTrue(r.success(), r.diagnostics().toString());
        Path log = dir.resolve("install.log");
        assertEquals(0, wine.msiexec("/i", msi.toString(), "/qn", "/l*v", log.toString()).exitCode());
        String key = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\EventLog\\Application\\SsprKitTest";
        assertEquals("REG_EXPAND_SZ", wine.regType(key, "EventMessageFile"));
        assertEquals("C:\\Program Files (x86)\\Event Source Test\\app.exe", wine.regValue(key, "EventMessageFile").replace("C:\\Program Files\\", "C:\\Program Files (x86)\\"));
        assertEquals("REG_EXPAND_SZ", wine.regType(key, "CategoryMessageFile"));
        assertEquals("0x3", wine.regValue(key, "CategoryCount"));
        // EVENTLOG_ERROR_TYPE 1 | EVENTLOG_WARNING_TYPE 2 | EVENTLOG_INFORMATION_TYPE 4
        assertEquals("0x7", wine.regValue(key, "TypesSupported"));
        assertNull(wine.regValue(key, "ParameterMessageFile"));
        assertEquals(0, wine.msiexec("/x", msi.toString(), "/qn").exitCode());
        assertFalse(wine.regKeyExists(key), "the source is removed with the product");
    }

    /**
     * util:EventSource/@KeyPath="yes" (OpenVPN's event source component has nothing else): WiX's util documentation
     * says the EventMessageFile registry value becomes the component's key path, so Component.KeyPath names that
     * Registry row and its attributes carry msidbComponentAttributesRegistryKeyPath (4, MSI SDK Component table).
     */
    @Test
    void eventSourceKeyPathMakesItsRegistryValueTheKeyPath() throws Exception {
        Path msi = dir.resolve("keypath.msi");
        BuildResult r = build(v3("Event Key Path", """
                        <util:EventSource Name="SsprKitKeyed" Log="Application" EventMessageFile="%SystemRoot%\\System32\\x.dll" KeyPath="yes"/>"""), msi);
        assertTrue(r.success(), r.diagnostics().toString());
        String registry = dev.ssprkit.testkit.Tool.run("msiinfo", "export", msi.toString(), "Registry").assertOk().stdout();
        String component = dev.ssprkit.testkit.Tool.run("msiinfo", "export", msi.toString(), "Component").assertOk().stdout();
        String regId = registry.lines().filter(l -> l.contains("\tEventMessageFile\t")).map(l -> l.split("\t")[0]).findFirst().orElseThrow();
        String main = component.lines().filter(l -> l.startsWith("Main\t")).findFirst().orElseThrow();
        String[] cols = main.split("\t", -1);
        assertEquals(regId, cols[5], main);
        assertEquals(4, Integer.parseInt(cols[3]) & 4, main);
    }

    @Test
    void eventSourceWithoutAMessageFileIsALocatedError() throws Exception {
        BuildResult r = build(v3("Bad Event Source", "<util:EventSource Name=\"X\" Log=\"Security\"/>"), dir.resolve("bad.msi"));
        assertFalse(r.success());
        String text = r.diagnostics().toString();
        assertTrue(text.contains("util.wxs:9:"), text);
        assertTrue(text.contains("EventMessageFile"), text);
        assertTrue(text.contains("Security"), text);
        assertFalse(Files.exists(dir.resolve("bad.msi")));
    }

    @Test
    void permissionExBecomesOneSecurityDescriptorPerObject() throws Exception {
        Path msi = dir.resolve("perm.msi");
        BuildResult r = build(v3("Permission Test", """
                        <CreateFolder>
                          <util:PermissionEx User="Users" GenericRead="yes" GenericExecute="yes"/>
                          <util:PermissionEx User="NT SERVICE\\TrustedInstaller" GenericAll="yes"/>
                        </CreateFolder>
                        <File Id="App" Source="app.exe" KeyPath="yes">
                          <util:PermissionEx User="Everyone" Read="yes" Inheritable="no"/>
                        </File>"""), msi);
        assertTrue(r.success(), r.diagnostics().toString());
        String rows = Tool.run("msiinfo", "export", msi.toString(), "MsiLockPermissionsEx").assertOk().stdout();
        // SDDL (MS-DTYP 2.5.1): allow ACEs; OICI = object and container inherit; masks from winnt.h:
        // GENERIC_READ 0x80000000 | GENERIC_EXECUTE 0x20000000, GENERIC_ALL 0x10000000, FILE_READ_DATA 0x1
        assertTrue(rows.contains("\tINSTALLFOLDER\tCreateFolder\tD:(A;OICI;0xa0000000;;;BU)(A;OICI;0x10000000;;;"
                + "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464)\t"), rows);
        assertTrue(rows.contains("\tApp\tFile\tD:(A;;0x1;;;WD)\t"), rows);
        Path log = dir.resolve("install.log");
        assertEquals(0, wine.msiexec("/i", msi.toString(), "/qn", "/l*v", log.toString()).exitCode());
        assertEquals(0, wine.msiexec("/x", msi.toString(), "/qn").exitCode());
    }

    @Test
    void permissionExForAnAccountOnlyTheTargetKnowsIsNotSupportedYet() throws Exception {
        BuildResult r = build(v3("Permission Test", """
                        <CreateFolder><util:PermissionEx User="svc-app" Domain="CONTOSO" GenericAll="yes"/></CreateFolder>"""), dir.resolve("no.msi"));
        assertFalse(r.success());
        String text = r.diagnostics().toString();
        assertTrue(text.contains("util.wxs:9:") && text.contains("CONTOSO\\svc-app") && text.contains("Sddl"), text);
    }

    @Test
    void serviceConfigBecomesFailureActions() throws Exception {
        Path msi = dir.resolve("svc.msi");
        BuildResult r = build(v3("Service Config Test", """
                        <File Id="App" Source="app.exe" KeyPath="yes"/>
                        <ServiceInstall Id="Svc" Name="SsprKitSvc" Type="ownProcess" Start="demand" ErrorControl="normal">
                          <util:ServiceConfig FirstFailureActionType="restart" SecondFailureActionType="restart" ThirdFailureActionType="none"
                              RestartServiceDelayInSeconds="60" ResetPeriodInDays="1"/>
                        </ServiceInstall>"""), msi);
        assertTrue(r.success(), r.diagnostics().toString());
        // WiX v3's ServiceConfig table (tables.xml): ServiceName, Component_, NewService (1: the ServiceInstall's own
        // service), the three action types as written, ResetPeriodInDays, RestartServiceDelayInSeconds, command, message;
        // applied by the util library's SchedServiceConfig after InstallServices
        String rows = Tool.run("msiinfo", "export", msi.toString(), "ServiceConfig").assertOk().stdout();
        assertTrue(rows.lines().anyMatch(l -> l.equals("SsprKitSvc\tMain\t1\trestart\trestart\tnone\t1\t60\t\t")), rows);
        String actions = Tool.run("msiinfo", "export", msi.toString(), "CustomAction").assertOk().stdout();
        assertTrue(actions.lines().anyMatch(l -> l.equals("SchedServiceConfig\t1\tWixCA\tSchedServiceConfig\t")), actions);
    }
}

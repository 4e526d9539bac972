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
 * Wine's {@code reg query} after {@code msiexec /i}; WiX v3's SecureObjects and ServiceConfig tables, read with msitools.
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

    /**
     * WiX v3's util:PermissionEx is a SecureObjects row per element, whatever the account (v3 UtilCompiler: object,
     * table, Domain, User, permission, component; tables.xml's columns), applied by the library's SchedSecureObjects
     * (x86 names in this x86 package: SchedSecureObjects, ExecSecureObjects on WixCA). Masks from winnt.h:
     * GENERIC_READ 0x80000000 | GENERIC_EXECUTE 0x20000000 = -1610612736 as the signed column holds it, GENERIC_ALL
     * 0x10000000, FILE_READ_DATA 0x1. Until this change the first two became MsiLockPermissionsEx descriptors and the
     * domain account was "not supported yet".
     */
    @Test
    void permissionExBecomesSecureObjectsRowsForAnyAccount() throws Exception {
        Path msi = dir.resolve("perm.msi");
        BuildResult r = build(v3("Permission Test", """
                        <CreateFolder>
                          <util:PermissionEx User="Users" GenericRead="yes" GenericExecute="yes"/>
                          <util:PermissionEx User="NT SERVICE\\TrustedInstaller" GenericAll="yes"/>
                          <util:PermissionEx User="svc-app" Domain="CONTOSO" GenericAll="yes"/>
                        </CreateFolder>
                        <File Id="App" Source="app.exe" KeyPath="yes">
                          <util:PermissionEx User="Everyone" Read="yes"/>
                        </File>"""), msi);
        assertTrue(r.success(), r.diagnostics().toString());
        String rows = Tool.run("msiinfo", "export", msi.toString(), "SecureObjects").assertOk().stdout();
        assertTrue(rows.lines().anyMatch(l -> l.equals("INSTALLFOLDER\tCreateFolder\t\tUsers\t-1610612736\tMain")), rows);
        assertTrue(rows.lines().anyMatch(l -> l.equals("INSTALLFOLDER\tCreateFolder\t\tNT SERVICE\\TrustedInstaller\t268435456\tMain")), rows);
        assertTrue(rows.lines().anyMatch(l -> l.equals("INSTALLFOLDER\tCreateFolder\tCONTOSO\tsvc-app\t268435456\tMain")), rows);
        assertTrue(rows.lines().anyMatch(l -> l.equals("App\tFile\t\tEveryone\t1\tMain")), rows);
        String actions = Tool.run("msiinfo", "export", msi.toString(), "CustomAction").assertOk().stdout();
        assertTrue(actions.lines().anyMatch(l -> l.equals("SchedSecureObjects\t1\tWixCA\tSchedSecureObjects\t")), actions);
        assertTrue(actions.lines().anyMatch(l -> l.equals("ExecSecureObjects\t11265\tWixCA\tExecSecureObjects\t")), actions);
        assertFalse(Tool.run("msiinfo", "tables", msi.toString()).assertOk().stdout().contains("MsiLockPermissionsEx"));
    }

    /** WiX v3's schema has no Inheritable (v3 makes folder entries inheritable and others not): a located error, as light gives. */
    @Test
    void permissionExInheritableIsRefusedInV3() throws Exception {
        BuildResult r = build(v3("Permission Test", """
                        <CreateFolder><util:PermissionEx User="Everyone" Read="yes" Inheritable="no"/></CreateFolder>"""), dir.resolve("no.msi"));
        assertFalse(r.success());
        String text = r.diagnostics().toString();
        assertTrue(text.contains("util.wxs:9:") && text.contains("Inheritable"), text);
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

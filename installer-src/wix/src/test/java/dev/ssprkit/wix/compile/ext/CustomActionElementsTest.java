package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.ca.CustomActionLibrary;
import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import dev.ssprkit.wix.WixBuild;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The util and firewall elements that need custom actions, compiled from WiX v3 and v4 sources, read back with
 * msitools ({@code msiinfo export}, {@code msiinfo extract}). Expected rows follow WiX's documentation and table
 * definitions (util.xsd and firewall.xsd of WiX v3 and v4 for the attribute values and bits; WiX v4.0
 * UtilTableDefinitions/FirewallTableDefinitions and v3 tables.xml for the column order; WiX's util and firewall
 * wixlibs, UtilExtension_Platform.wxi and FirewallExtension_Platform.wxi, for the action names, their Execute/
 * Impersonate/HideTarget/Return attributes and placements; the Windows Installer SDK's custom action type bits:
 * dll-in-binary 1, continue 0x40, firstSequence 0x100, in-script 0x400, rollback 0x100, no-impersonate 0x800,
 * hide-target 0x2000). The Binary streams are checked against the DLLs the customactions module ships.
 */
@Tag("interop")
class CustomActionElementsTest {
    @TempDir static Path dir;
    static Path v4;
    static Path v3;

    static final String V4_SOURCE = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:util="http://wixtoolset.org/schemas/v4/wxs/util"
                 xmlns:fire="http://wixtoolset.org/schemas/v4/wxs/firewall">
              <Package Name="CA Elements v4" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{5D0C4B1A-2E3F-4A5B-8C7D-9E0F1A2B3C4D}">
                <MediaTemplate EmbedCab="yes"/>
                <StandardDirectory Id="ProgramFiles64Folder"><Directory Id="INSTALLFOLDER" Name="CA Elements">
                  <Component Id="Main">
                    <File Id="App" Source="app.exe"/>
                    <util:RemoveFolderEx Id="Rfx" Property="RFX_ROOT" On="both" Condition="NOT KEEP_DATA"/>
                    <util:InternetShortcut Id="Docs" Name="Docs" Target="https://example.invalid/" Type="url"/>
                    <util:XmlFile Id="SetMode" File="[#App]" ElementPath="/configuration/add" Name="value" Value="new" Action="setValue"
                        SelectionLanguage="XPath" Sequence="1"/>
                    <util:ServiceConfig ServiceName="Spooler" FirstFailureActionType="restart" SecondFailureActionType="none"
                        ThirdFailureActionType="none" ResetPeriodInDays="1" RestartServiceDelayInSeconds="60"/>
                    <fire:FirewallException Id="Fw" Name="CA Elements" Port="8080" Scope="any" Outbound="yes"/>
                  </Component>
                </Directory></StandardDirectory>
                <util:CloseApplication Id="CloseApp" Target="app.exe" CloseMessage="yes" RebootPrompt="no" Timeout="5"/>
                <util:QueryWindowsWellKnownSIDs/>
                <util:BroadcastEnvironmentChange/>
                <Property Id="RFX_ROOT" Value="C:\\rfx\\"/>
                <CustomAction Id="Quiet" BinaryRef="Wix4UtilCA_X64" DllEntry="WixQuietExec" Execute="deferred" Return="check" Impersonate="no"/>
                <InstallExecuteSequence>
                  <Custom Action="Quiet" After="InstallFiles"/>
                  <Custom Action="Wix4CloseApplications_X64" Before="InstallValidate"/>
                </InstallExecuteSequence>
                <Feature Id="Main"><ComponentRef Id="Main"/></Feature>
              </Package>
            </Wix>
            """;

    static final String V3_SOURCE = """
            <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi" xmlns:util="http://schemas.microsoft.com/wix/UtilExtension"
                 xmlns:fire="http://schemas.microsoft.com/wix/FirewallExtension">
              <Product Id="*" Name="CA Elements v3" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests"
                  UpgradeCode="{6E1D5C2B-3F40-4B6C-9D8E-0F1A2B3C4D5E}">
                <Package InstallerVersion="500" Compressed="yes" InstallScope="perMachine" Platform="x64"/>
                <MediaTemplate EmbedCab="yes"/>
                <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFiles64Folder">
                  <Directory Id="INSTALLFOLDER" Name="CA Elements v3">
                    <Component Id="Main" Guid="{8D2E3F40-5B6C-4D7E-8F90-A1B2C3D4E5F6}">
                      <File Id="App" Source="app.exe" KeyPath="yes">
                        <fire:FirewallException Id="FwApp" Name="App" Scope="localSubnet" IgnoreFailure="yes" Profile="private"/>
                      </File>
                      <util:RemoveFolderEx Id="Rfx" Property="RFX_ROOT"/>
                      <util:XmlFile Id="Create" File="[#App]" ElementPath="/configuration" Name="feature" Value="on" Action="createElement"/>
                      <util:InternetShortcut Id="Lnk" Name="Readme" Target="[#App]"/>
                      <fire:FirewallException Id="FwPort" Name="Port" Port="53" Protocol="udp">
                        <fire:RemoteAddress>10.0.0.1</fire:RemoteAddress>
                        <fire:RemoteAddress>10.0.0.2</fire:RemoteAddress>
                      </fire:FirewallException>
                    </Component>
                  </Directory></Directory></Directory>
                <util:CloseApplication Id="Close" Target="app.exe" TerminateProcess="1" RebootPrompt="no">NOT Installed</util:CloseApplication>
                <PropertyRef Id="WIX_ACCOUNT_USERS"/>
                <CustomActionRef Id="WixBroadcastSettingChange"/>
                <Property Id="RFX_ROOT" Value="C:\\rfx\\"/>
                <Property Id="QtExecCmdLine" Value="&quot;cmd.exe&quot; /c exit 0"/>
                <CustomAction Id="QtExec" BinaryKey="WixCA" DllEntry="CAQuietExec" Execute="immediate" Return="check"/>
                <InstallExecuteSequence><Custom Action="QtExec" After="CostFinalize"/></InstallExecuteSequence>
                <Feature Id="Main" Level="1"><ComponentRef Id="Main"/></Feature>
              </Product>
            </Wix>
            """;

    static BuildResult build(String name, String source, String platform) throws IOException {
        Path wxs = dir.resolve(name + ".wxs");
        Files.writeString(wxs, source);
        Files.writeString(dir.resolve("app.exe"), "not really a program");
        return WixBuild.build(BuildRequest.builder(dir.resolve(name + ".msi"), List.of(wxs)).environment(Map.of()).workingDirectory(dir)
                .platform(platform).buildTime(Instant.parse("2026-01-01T00:00:00Z")).build());
    }

    @BeforeAll
    static void buildBoth() throws IOException {
        Tool.require("msiinfo");
        BuildResult r4 = build("v4", V4_SOURCE, "x64");
        assertTrue(r4.success(), r4.diagnostics().toString());
        v4 = dir.resolve("v4.msi");
        BuildResult r3 = build("v3", V3_SOURCE, "x64");
        assertTrue(r3.success(), r3.diagnostics().toString());
        v3 = dir.resolve("v3.msi");
    }

    /** A source built for x64 (TestBuild) into dir/name.msi; the test fails with the diagnostics when it does not build. */
    static Path builtX64(Path dir, String source, String name) throws Exception {
        Tool.require("msiinfo");
        Path msi = dir.resolve(name + ".msi");
        BuildResult r = TestBuild.build(dir, source, msi, b -> b.platform("x64"));
        assertTrue(r.success(), r.diagnostics().toString());
        return msi;
    }

    /** The diagnostics of a source that must not build for x64. */
    static String x64Errors(Path dir, String source) throws Exception {
        BuildResult r = TestBuild.build(dir, source, dir.resolve("bad.msi"), b -> b.platform("x64"));
        assertFalse(r.success());
        return r.diagnostics().toString();
    }

    /** msiinfo's export of a table; run beside the MSI, where it writes a binary column's streams (Binary/...). */
    static String rows(Path msi, String table) {
        return Tool.run(java.util.List.of("msiinfo", "export", msi.toAbsolutePath().toString(), table), msi.toAbsolutePath().getParent(),
                java.util.Map.of(), 300).assertOk().stdout();
    }

    static void hasRow(Path msi, String table, String row) {
        String rows = rows(msi, table);
        assertTrue(rows.lines().anyMatch(l -> l.equals(row)), "no row '" + row.replace("\t", "\\t") + "' in " + table + ":\n" + rows);
    }

    /** The sequence number of an action, or -1. */
    static int sequence(Path msi, String table, String action) {
        for (String l : rows(msi, table).lines().toList()) {
            String[] c = l.split("\t", -1);
            if (c[0].equals(action)) return Integer.parseInt(c[2]);
        }
        return -1;
    }

    static String condition(Path msi, String table, String action) {
        for (String l : rows(msi, table).lines().toList()) {
            String[] c = l.split("\t", -1);
            if (c[0].equals(action)) return c[1];
        }
        return null;
    }

    @Test
    void v4ElementRowsAreWixTables() {
        hasRow(v4, "Wix4RemoveFolderEx", "Rfx\tMain\tRFX_ROOT\t3\tNOT KEEP_DATA");
        // Name gets .url (Type="url" = 1); the shortcut is removed by Windows Installer itself (RemoveFile, 2 = on remove)
        hasRow(v4, "Wix4InternetShortcut", "Docs\tMain\tINSTALLFOLDER\tDocs.url\thttps://example.invalid/\t1\t\t0");
        hasRow(v4, "RemoveFile", "Docs\tMain\tDocs.url\tINSTALLFOLDER\t2");
        // XPath = 0x100, setValue = no bit
        hasRow(v4, "Wix4XmlFile", "SetMode\t[#App]\t/configuration/add\tvalue\tnew\t256\tMain\t1");
        hasRow(v4, "Wix4ServiceConfig", "Spooler\tMain\t0\trestart\tnone\tnone\t1\t60\t\t");
        // as WiX v5+ writes it: Scope any = *, Port alone means tcp (6), Profile not given = -2147483648 (not set: all
        // profiles), Outbound = Direction 2, the v5 columns not set
        hasRow(v4, "Wix5FirewallException", "Fw\tCA Elements\t*\t8080\t6\t\t0\t-2147483648\tMain\t\t2\t-2147483648\t-2147483648\t-2147483648"
                + "\t".repeat(13) + "-2147483648");
        // CloseMessage 0x1 without RebootPrompt (0x2); Timeout in milliseconds
        hasRow(v4, "Wix4CloseApplication", "CloseApp\tapp.exe\t\t\t1\t\t\t\t5000");
        // the RemoveFile table exists for the temporary rows WixRemoveFoldersEx adds
        rows(v4, "RemoveFile");
    }

    @Test
    void v4ActionsBinariesAndPlacementsAreWixLibraryOnes() throws IOException {
        hasRow(v4, "CustomAction", "Wix4RemoveFoldersEx_X64\t65\tWix4UtilCA_X64\tWixRemoveFoldersEx\t");
        hasRow(v4, "CustomAction", "Wix4SchedXmlFile_X64\t1\tWix4UtilCA_X64\tSchedXmlFile\t");
        hasRow(v4, "CustomAction", "Wix4ExecXmlFile_X64\t11265\tWix4UtilCA_X64\tExecXmlFile\t");
        hasRow(v4, "CustomAction", "Wix4ExecXmlFileRollback_X64\t11521\tWix4UtilCA_X64\tExecXmlFileRollback\t");
        hasRow(v4, "CustomAction", "Wix5SchedFirewallExceptionsInstall_X64\t1\tWix5FWCA_X64\tSchedFirewallExceptionsInstall\t");
        hasRow(v4, "CustomAction", "Wix4QueryOsWellKnownSID_X64\t257\tWix4UtilCA_X64\tWixQueryOsWellKnownSID\t");
        hasRow(v4, "CustomAction", "Wix4BroadcastEnvironmentChange_X64\t65\tWix4UtilCA_X64\tWixBroadcastEnvironmentChange\t");
        hasRow(v4, "CustomAction", "Wix4SchedServiceConfig_X64\t1\tWix4UtilCA_X64\tSchedServiceConfig\t");
        hasRow(v4, "CustomAction", "Wix4CheckRebootRequired_X64\t65\tWix4UtilCA_X64\tWixCheckRebootRequired\t");
        // the author's own action into the library: deferred (0x400) no-impersonate (0x800)
        hasRow(v4, "CustomAction", "Quiet\t3073\tWix4UtilCA_X64\tWixQuietExec\t");

        String seq = "InstallExecuteSequence";
        assertTrue(sequence(v4, seq, "Wix4RemoveFoldersEx_X64") < sequence(v4, seq, "CostInitialize"));
        assertEquals(sequence(v4, seq, "DuplicateFiles") + 1, sequence(v4, seq, "Wix4SchedXmlFile_X64"));
        assertEquals("VersionNT > 400", condition(v4, seq, "Wix4SchedXmlFile_X64"));
        assertEquals(sequence(v4, seq, "InstallServices") + 1, sequence(v4, seq, "Wix4SchedServiceConfig_X64"));
        assertEquals("NOT REMOVE~=\"ALL\" AND VersionNT > 400", condition(v4, seq, "Wix4SchedServiceConfig_X64"));
        assertTrue(sequence(v4, seq, "Wix5SchedFirewallExceptionsUninstall_X64") < sequence(v4, seq, "RemoveFiles"));
        // right after InstallFiles (sharing the gap before DuplicateFiles with the author's Quiet)
        assertTrue(sequence(v4, seq, "Wix5SchedFirewallExceptionsInstall_X64") > sequence(v4, seq, "InstallFiles"));
        assertTrue(sequence(v4, seq, "Wix5SchedFirewallExceptionsInstall_X64") < sequence(v4, seq, "DuplicateFiles"));
        String osQuery = "VersionNT > 400 OR (VersionNT = 400 AND ServicePackLevel > 3)";
        for (String table : List.of(seq, "InstallUISequence")) {
            assertEquals(sequence(v4, table, "AppSearch") + 1, sequence(v4, table, "Wix4QueryOsWellKnownSID_X64"), table);
            assertEquals(osQuery, condition(v4, table, "Wix4QueryOsWellKnownSID_X64"));
        }
        assertTrue(sequence(v4, seq, "Wix4BroadcastEnvironmentChange_X64") > sequence(v4, seq, "InstallFinalize"));
        assertTrue(sequence(v4, seq, "Wix4CheckRebootRequired_X64") > sequence(v4, seq, "InstallFinalize"));
        // the author placed CloseApplications before InstallValidate; the library's own placement (before InstallFiles) gives way
        assertEquals(sequence(v4, seq, "InstallValidate") - 1, sequence(v4, seq, "Wix4CloseApplications_X64"));
        assertTrue(sequence(v4, seq, "Quiet") > sequence(v4, seq, "InstallFiles"));
        assertTrue(sequence(v4, seq, "Quiet") < sequence(v4, seq, "DuplicateFiles"));

        assertStream(v4, "Wix4UtilCA_X64", CustomActionLibrary.binaryById("Wix4UtilCA_X64").orElseThrow().bytes());
        assertStream(v4, "Wix5FWCA_X64", CustomActionLibrary.binaryById("Wix5FWCA_X64").orElseThrow().bytes());
    }

    private static void assertStream(Path msi, String name, byte[] expected) throws IOException {
        Path out = dir.resolve(name + ".bin");
        Tool.Result r = Tool.run(List.of("sh", "-c", "msiinfo extract '" + msi + "' 'Binary." + name + "' > '" + out + "'"));
        assertEquals(0, r.exitCode(), r.stderr());
        assertArrayEquals(expected, Files.readAllBytes(out), "Binary." + name);
    }

    @Test
    void v3ElementRowsUseV3TablesAndX64Names() {
        hasRow(v3, "WixRemoveFolderEx", "Rfx\tMain\tRFX_ROOT\t2");
        hasRow(v3, "XmlFile", "Create\t[#App]\t/configuration\tfeature\ton\t1\tMain\t");
        hasRow(v3, "WixInternetShortcut", "Lnk\tMain\tINSTALLFOLDER\tReadme.lnk\t[#App]\t0\t\t0");
        hasRow(v3, "RemoveFile", "Lnk\tMain\tReadme.lnk\tINSTALLFOLDER\t2");
        // nested in the File: Program [#App]; localSubnet; IgnoreFailure 1; private profile 2
        hasRow(v3, "WixFirewallException", "FwApp\tApp\tLocalSubnet\t\t\t[#App]\t1\t2\tMain\t");
        hasRow(v3, "WixFirewallException", "FwPort\tPort\t10.0.0.1,10.0.0.2\t53\t17\t\t0\t2147483647\tMain\t");
        // TerminateProcess 0x20 with its exit code; the condition is the element text
        hasRow(v3, "WixCloseApplication", "Close\tapp.exe\t\tNOT Installed\t32\t\t\t1\t");
        hasRow(v3, "CustomAction", "SchedXmlFile_x64\t1\tWixCA_x64\tSchedXmlFile\t");
        hasRow(v3, "CustomAction", "ExecXmlFile_64\t11265\tWixCA_x64\tExecXmlFile\t");
        hasRow(v3, "CustomAction", "WixSchedFirewallExceptionsInstall_x64\t1\tWixFirewallCA_x64\tSchedFirewallExceptionsInstall\t");
        hasRow(v3, "CustomAction", "WixCloseApplications_x64\t1\tWixCA_x64\tWixCloseApplications\t");
        // a reference by WiX v3's name: the x86 action and the 32-bit WixCA, whatever the package's platform
        hasRow(v3, "CustomAction", "WixBroadcastSettingChange\t65\tWixCA\tWixBroadcastSettingChange\t");
        hasRow(v3, "CustomAction", "QtExec\t1\tWixCA\tCAQuietExec\t");
        hasRow(v3, "CustomAction", "WixQueryOsWellKnownSID_x64\t257\tWixCA_x64\tWixQueryOsWellKnownSID\t");
        // (msiinfo export of Binary would write the streams into the working directory: list the streams instead)
        String streams = Tool.run("msiinfo", "streams", v3.toString()).assertOk().stdout();
        for (String b : List.of("WixCA", "WixCA_x64", "WixFirewallCA_x64")) {
            assertTrue(streams.lines().anyMatch(l -> l.equals("Binary." + b)), b + " in\n" + streams);
        }
        // WIX_ACCOUNT_USERS is Secure, as WiX's util library defines it
        String props = rows(v3, "Property");
        String secure = props.lines().filter(l -> l.startsWith("SecureCustomProperties\t")).findFirst().orElse("");
        assertTrue(List.of(secure.substring(secure.indexOf('\t') + 1).split(";")).contains("WIX_ACCOUNT_USERS"), secure);
    }

    private static String failure(String name, String source, String platform) throws IOException {
        BuildResult r = build(name, source, platform);
        assertFalse(r.success(), name + " should fail");
        assertFalse(Files.exists(dir.resolve(name + ".msi")), "no partial output");
        return r.diagnostics().toString();
    }

    private static String v4Package(String body, String components) {
        return """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:util="http://wixtoolset.org/schemas/v4/wxs/util">
                  <Package Name="Bad" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{5D0C4B1A-2E3F-4A5B-8C7D-9E0F1A2B3C4E}">
                    <StandardDirectory Id="ProgramFiles6432Folder"><Directory Id="INSTALLFOLDER" Name="Bad">
                      <Component Id="Main" Guid="{8D2E3F40-5B6C-4D7E-8F90-A1B2C3D4E5F7}" KeyPath="yes"><CreateFolder/>
                """ + components + """
                      </Component>
                    </Directory></StandardDirectory>
                """ + body + """
                    <Feature Id="Main"><ComponentRef Id="Main"/></Feature>
                  </Package>
                </Wix>
                """;
    }

    @Test
    void anUnknownEntryPointIsALocatedErrorThatNamesTheRightOne() throws IOException {
        String text = failure("typo", v4Package("""
                    <CustomAction Id="Quiet" BinaryRef="Wix4UtilCA_X86" DllEntry="WixQuietexec" Execute="immediate"/>
                    <InstallExecuteSequence><Custom Action="Quiet" After="CostFinalize"/></InstallExecuteSequence>
                """, ""), "x86");
        assertTrue(text.contains("typo.wxs:7:"), text);
        assertTrue(text.contains("WIX0400") && text.contains("did you mean WixQuietExec?"), text);
    }

    @Test
    void anAuthorsOwnBinaryUnderALibraryNameIsTheirs() throws IOException {
        Files.writeString(dir.resolve("own.dll"), "the author's own build of wixca.dll");
        BuildResult r = build("own", v4Package("""
                    <Binary Id="Wix4UtilCA_X86" SourceFile="own.dll"/>
                    <CustomAction Id="Own" BinaryRef="Wix4UtilCA_X86" DllEntry="SomethingOfTheirs" Execute="immediate"/>
                    <InstallExecuteSequence><Custom Action="Own" After="CostFinalize"/></InstallExecuteSequence>
                """, ""), "x86");
        assertTrue(r.success(), r.diagnostics().toString());
        Tool.Result x = Tool.run(List.of("sh", "-c", "msiinfo extract '" + dir.resolve("own.msi") + "' Binary.Wix4UtilCA_X86"));
        assertEquals("the author's own build of wixca.dll", x.stdout());
    }

    @Test
    void malformedRemoveRegistryKeyIsLocated() throws IOException {
        // WiX's compiler: Root and Key are required, On is install or uninstall
        String text = failure("rrk", v4Package("", """
                        <util:RemoveRegistryKey Id="A" Key="Software\\X"/>
                        <util:RemoveRegistryKey Id="B" Root="HKLM" Key="Software\\Y" On="sometimes"/>
                        <util:RemoveRegistryKey Id="C" Root="HKXX" Key="Software\\Z"/>
                """), "x64");
        assertTrue(text.contains("rrk.wxs:5:") && text.contains("Root"), text);
        assertTrue(text.contains("rrk.wxs:6:") && text.contains("sometimes"), text);
        assertTrue(text.contains("rrk.wxs:7:") && text.contains("HKXX"), text);
    }

    @Test
    void malformedXmlConfigIsLocated() throws IOException {
        // WiX's compiler: File is required; ElementId or ElementPath, not both; a row with ElementId takes no Action,
        // Node or On (it is an attribute of the element the other row creates)
        String text = failure("xmlconfig", v4Package("", """
                        <util:XmlConfig Id="A" ElementPath="/a" Action="create" Node="element" Name="b" On="install"/>
                        <util:XmlConfig Id="B" File="[INSTALLFOLDER]a.xml" ElementId="C" ElementPath="/a" Name="x" Value="1"/>
                        <util:XmlConfig Id="C" File="[INSTALLFOLDER]a.xml" ElementPath="/a" Action="create" Node="element" Name="c" On="install"/>
                        <util:XmlConfig Id="D" File="[INSTALLFOLDER]a.xml" ElementId="C" Action="create" Name="y" Value="2"/>
                """), "x86");
        assertTrue(text.contains("xmlconfig.wxs:5:") && text.contains("File"), text);
        assertTrue(text.contains("xmlconfig.wxs:6:") && text.contains("ElementId and ElementPath"), text);
        assertTrue(text.contains("xmlconfig.wxs:8:") && text.contains("ElementId and Action"), text);
    }

    /**
     * An arm64 package gets WiX's arm64 library ids (Wix4UtilCA_A64, actions with the _A64 suffix: WiX's
     * CustomActionPlatforms naming) holding an arm64 DLL: LLVM's llvm-readobj, not our PE reader, reads the Binary
     * stream msiinfo extracts (Machine IMAGE_FILE_MACHINE_ARM64 per the PE/COFF specification, and the entry point
     * the action calls in its export table). Not run: there is no arm64 Windows or Wine here.
     */
    @Test
    void arm64PackagesCarryTheArm64BuildOfTheLibrary() throws IOException {
        Tool.require("msiinfo", "llvm-readobj");
        BuildResult r = build("arm", v4Package("", """
                        <util:RemoveFolderEx Property="DATA_DIR"/>
                """), "arm64");
        assertTrue(r.success(), r.diagnostics().toString());
        Path msi = dir.resolve("arm.msi");
        String actions = rows(msi, "CustomAction");
        String call = actions.lines().filter(l -> l.startsWith("Wix4RemoveFoldersEx_A64\t")).findFirst().orElse("");
        assertTrue(call.contains("\tWix4UtilCA_A64\tWixRemoveFoldersEx"), actions);
        Path dll = dir.resolve("Wix4UtilCA_A64.dll");
        Tool.run(List.of("sh", "-c", "msiinfo extract '" + msi + "' Binary.Wix4UtilCA_A64 > '" + dll + "'")).assertOk();
        String headers = Tool.run("llvm-readobj", "--file-headers", "--coff-exports", dll.toString()).assertOk().stdout();
        assertTrue(headers.contains("IMAGE_FILE_MACHINE_ARM64"), headers);
        assertTrue(headers.contains("Name: WixRemoveFoldersEx"), headers);
    }

    @Test
    void missingRequiredAttributesAreLocated() throws IOException {
        String text = failure("missing", v4Package("", """
                        <util:RemoveFolderEx On="install"/>
                        <util:XmlFile File="[INSTALLFOLDER]a.xml" ElementPath="/a" Action="createElement"/>
                """), "x86");
        assertTrue(text.contains("missing.wxs:5:") && text.contains("Property"), text);
        assertTrue(text.contains("missing.wxs:6:") && text.contains("Name (the element to create)"), text);
    }
}

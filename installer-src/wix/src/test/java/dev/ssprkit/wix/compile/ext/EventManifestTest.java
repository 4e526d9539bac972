package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.WixBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * util:EventManifest, compiled and read back with msitools ({@code msiinfo export}). The v4 source is the one of WiX's
 * own test of the element (src/ext/Util/test/WixToolsetTest.Util/TestData/EventManifest: a File "Manifest.dll" in a
 * Component without Id, MessageFile and ResourceFile "[Manifest.dll]"), and the expected rows are that test's
 * (UtilExtensionFixture.CanBuildWithEventManifest, built there for arm64; here for x64, so the suffix is _X64): the
 * Wix4EventManifest row, the two Wix4XmlFile rows (ElementPath /*&#47;*&#47;*&#47;*[\[]@...[\]], flags 4100 = bulk 4 |
 * keep modified time 0x1000) and the six CustomAction rows with their types. Placements are WiX's library's
 * (UtilExtension_Platform.wxi): register after SchedXmlFile, unregister after RemoveRegistryValues, both
 * "VersionNT > 400". The v3 names are WiX v3's (UtilCompiler, tables.xml, UtilExtension_Platform.wxi; CAQuietExec).
 */
class EventManifestTest {
    @TempDir static Path dir;

    static final String V4_SOURCE = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:util="http://wixtoolset.org/schemas/v4/wxs/util">
              <Package Name="Event Manifest" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{7A0E2B4C-6D8F-4A1B-9C3D-5E7F9A1B3C5D}">
                <MediaTemplate EmbedCab="yes"/>
                <StandardDirectory Id="ProgramFiles6432Folder"><Directory Id="INSTALLFOLDER" Name="Event Manifest">
                  <Component>
                    <File Id="Manifest.dll" Source="example.txt">
                      <util:EventManifest MessageFile="[Manifest.dll]" ResourceFile="[Manifest.dll]" />
                    </File>
                  </Component>
                </Directory></StandardDirectory>
                <Feature Id="Main"><ComponentRef Id="Manifest.dll"/></Feature>
              </Package>
            </Wix>
            """;

    static BuildResult build(String name, String source, String platform) throws IOException {
        Path wxs = dir.resolve(name + ".wxs");
        Files.writeString(wxs, source);
        Files.writeString(dir.resolve("example.txt"), "This is example.txt.");
        return WixBuild.build(BuildRequest.builder(dir.resolve(name + ".msi"), List.of(wxs)).environment(Map.of()).workingDirectory(dir)
                .platform(platform).buildTime(Instant.parse("2026-01-01T00:00:00Z")).extensions(List.of("WixToolset.Util.wixext")).build());
    }

    static Path built(String name, String source, String platform) throws IOException {
        Tool.require("msiinfo");
        BuildResult r = build(name, source, platform);
        assertTrue(r.success(), r.diagnostics().toString());
        return dir.resolve(name + ".msi");
    }

    static List<String> rows(Path msi, String table) {
        // msiinfo export prints the column names, types and key line first
        return Tool.run("msiinfo", "export", msi.toString(), table).assertOk().stdout().lines().skip(3).sorted().toList();
    }

    static int sequence(Path msi, String action) {
        for (String l : rows(msi, "InstallExecuteSequence")) {
            String[] c = l.split("\t", -1);
            if (c[0].equals(action)) return Integer.parseInt(c[2]);
        }
        return -1;
    }

    static String condition(Path msi, String action) {
        for (String l : rows(msi, "InstallExecuteSequence")) {
            String[] c = l.split("\t", -1);
            if (c[0].equals(action)) return c[1];
        }
        return null;
    }

    @Test
    @Tag("interop")
    void v4RowsAreThoseOfWixsOwnTest() throws IOException {
        Path msi = built("v4", V4_SOURCE, "x64");
        assertEquals(List.of("Manifest.dll\t[#Manifest.dll]"), rows(msi, "Wix4EventManifest"));
        assertEquals(List.of(
                "Config_Manifest.dllMessageFile\t[#Manifest.dll]\t/*/*/*/*[\\[]@messageFileName[\\]]\tmessageFileName\t[Manifest.dll]\t4100\tManifest.dll\t",
                "Config_Manifest.dllResourceFile\t[#Manifest.dll]\t/*/*/*/*[\\[]@resourceFileName[\\]]\tresourceFileName\t[Manifest.dll]\t4100\tManifest.dll\t"),
                rows(msi, "Wix4XmlFile"));
        assertEquals(List.of(
                "Wix4ConfigureEventManifestRegister_X64\t1\tWix4UtilCA_X64\tConfigureEventManifestRegister\t",
                "Wix4ConfigureEventManifestUnregister_X64\t1\tWix4UtilCA_X64\tConfigureEventManifestUnregister\t",
                "Wix4ExecXmlFileRollback_X64\t11521\tWix4UtilCA_X64\tExecXmlFileRollback\t",
                "Wix4ExecXmlFile_X64\t11265\tWix4UtilCA_X64\tExecXmlFile\t",
                "Wix4RegisterEventManifest_X64\t3073\tWix4UtilCA_X64\tWixQuietExec\t",
                "Wix4RollbackRegisterEventManifest_X64\t3393\tWix4UtilCA_X64\tWixQuietExec\t",
                "Wix4RollbackUnregisterEventManifest_X64\t3329\tWix4UtilCA_X64\tWixQuietExec\t",
                "Wix4SchedXmlFile_X64\t1\tWix4UtilCA_X64\tSchedXmlFile\t",
                "Wix4UnregisterEventManifest_X64\t3137\tWix4UtilCA_X64\tWixQuietExec\t"), rows(msi, "CustomAction"));

        // registered after the manifest's file names are rewritten (SchedXmlFile); unregistered while the file is still
        // there (after RemoveRegistryValues, before RemoveFiles)
        assertTrue(sequence(msi, "Wix4ConfigureEventManifestRegister_X64") > sequence(msi, "Wix4SchedXmlFile_X64"));
        assertTrue(sequence(msi, "Wix4ConfigureEventManifestRegister_X64") < sequence(msi, "InstallFinalize"));
        assertTrue(sequence(msi, "Wix4ConfigureEventManifestUnregister_X64") > sequence(msi, "RemoveRegistryValues"));
        assertTrue(sequence(msi, "Wix4ConfigureEventManifestUnregister_X64") < sequence(msi, "RemoveFiles"));
        assertEquals("VersionNT > 400", condition(msi, "Wix4ConfigureEventManifestRegister_X64"));
        assertEquals("VersionNT > 400", condition(msi, "Wix4ConfigureEventManifestUnregister_X64"));
    }

    @Test
    @Tag("interop")
    void v3UsesV3TablesNamesAndCaQuietExec() throws IOException {
        Path msi = built("v3", """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi" xmlns:util="http://schemas.microsoft.com/wix/UtilExtension">
                  <Product Id="*" Name="Event Manifest v3" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests"
                      UpgradeCode="{7A0E2B4C-6D8F-4A1B-9C3D-5E7F9A1B3C5E}">
                    <Package InstallerVersion="500" Compressed="yes" InstallScope="perMachine"/>
                    <MediaTemplate EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder">
                      <Directory Id="INSTALLFOLDER" Name="Event Manifest v3">
                        <Component Id="Events" Guid="{8B1F3C5D-7E9A-4B2C-8D4E-6F8A0B2C4D6E}">
                          <File Id="Events.man" Name="Events.man" Source="example.txt" KeyPath="yes">
                            <util:EventManifest ParameterFile="[#Events.man]"/>
                          </File>
                        </Component>
                      </Directory></Directory></Directory>
                    <Feature Id="Main" Level="1"><ComponentRef Id="Events"/></Feature>
                  </Product>
                </Wix>
                """, "x86");
        assertEquals(List.of("Events\t[#Events.man]"), rows(msi, "EventManifest"));
        assertEquals(List.of("Config_Events.manParameterFile\t[#Events.man]\t/*/*/*/*[\\[]@parameterFileName[\\]]\tparameterFileName\t"
                + "[#Events.man]\t4100\tEvents\t"), rows(msi, "XmlFile"));
        List<String> actions = rows(msi, "CustomAction");
        assertTrue(actions.contains("ConfigureEventManifestRegister\t1\tWixCA\tConfigureEventManifestRegister\t"), actions.toString());
        assertTrue(actions.contains("RegisterEventManifest\t3073\tWixCA\tCAQuietExec\t"), actions.toString());
        assertTrue(actions.contains("RollbackUnregisterEventManifest\t3329\tWixCA\tCAQuietExec\t"), actions.toString());
        assertTrue(sequence(msi, "ConfigureEventManifestRegister") > sequence(msi, "SchedXmlFile"));
    }

    /** Malformed forms: each a WIX error at the element's or attribute's line, and no package written. */
    @Test
    void malformedFormsAreLocatedErrors() throws IOException {
        String source = """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:util="http://wixtoolset.org/schemas/v4/wxs/util">
                  <Package Name="Bad Manifest" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{7A0E2B4C-6D8F-4A1B-9C3D-5E7F9A1B3C5F}">
                    <StandardDirectory Id="ProgramFiles6432Folder"><Directory Id="INSTALLFOLDER" Name="Bad">
                      <Component Id="Main">
                        <util:EventManifest MessageFile="[#Events.man]"/>
                        <File Id="Events.man" Source="example.txt">
                          <util:EventManifest ResourceFile=""/>
                        </File>
                        <File Id="Other.man" Source="example.txt" Name="other.man">
                          <util:EventManifest MessageFiles="[#Other.man]"/>
                        </File>
                      </Component>
                    </Directory></StandardDirectory>
                    <Feature Id="Main"><ComponentRef Id="Main"/></Feature>
                  </Package>
                </Wix>
                """;
        BuildResult r = build("bad", source, "x64");
        String text = r.diagnostics().toString();
        assertFalse(r.success(), text);
        assertFalse(Files.exists(dir.resolve("bad.msi")), "no partial output");
        // under a Component rather than its manifest File
        assertTrue(text.contains("bad.wxs:5:") && text.contains("WIX0100") && text.contains("EventManifest"), text);
        // an empty ResourceFile
        assertTrue(text.contains("bad.wxs:7:") && text.contains("WIX0112") && text.contains("ResourceFile"), text);
        // a misspelt attribute, with the allowed ones named
        assertTrue(text.contains("bad.wxs:10:") && text.contains("WIX0101") && text.contains("MessageFile, ParameterFile, ResourceFile"), text);
    }
}

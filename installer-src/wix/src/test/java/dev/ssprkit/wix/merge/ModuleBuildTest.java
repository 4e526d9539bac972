package dev.ssprkit.wix.merge;

import dev.ssprkit.msi.check.StructuralCheck;
import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.WixBuild;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.ssprkit.wix.merge.MergeFixtures.SUFFIX;
import static dev.ssprkit.wix.merge.MergeFixtures.byKey;
import static dev.ssprkit.wix.merge.MergeFixtures.export;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Merge modules built from WiX sources (v3 {@code <Module>} + {@code <Package>}, v4 {@code <Module Guid>}), read back
 * by msitools. The expected rows come from the Windows Installer SDK's merge-module pages (ModuleSignature,
 * ModuleComponents, ModuleInstallExecuteSequence: standard actions with a Sequence, custom ones with BaseAction/After;
 * "Naming Primary Keys in Merge Module Databases": Id.GUID with underscores) and from modules WiX builds (its test
 * data's MergeModule1.msm, read with msiinfo: standard folders aliased as {@code ProgramFilesFolder.GUID} with
 * DefaultDir PFiles, the empty standard sequence tables, Title "Merge Module" and the GUID as revision number in
 * WiX 4+). The cabinet is judged by cabextract and gcab; msiextract cannot read a module (it needs a Media table).
 */
@Tag("interop")
class ModuleBuildTest {
    @TempDir static Path dir;
    static Path msm;

    @BeforeAll
    static void build() {
        Tool.require("msiinfo", "cabextract", "gcab");
        msm = MergeFixtures.module(dir);
    }

    @Test
    void signatureComponentsAndSummaryIdentifyTheModule() throws Exception {
        assertEquals(List.of(List.of("SsprTestModule" + SUFFIX, "1033", "1.2.3.0")), export(msm, "ModuleSignature"));
        assertEquals(List.of(
                List.of("ModuleFiles" + SUFFIX, "SsprTestModule" + SUFFIX, "1033"),
                List.of("ModuleRegistry" + SUFFIX, "SsprTestModule" + SUFFIX, "1033")), export(msm, "ModuleComponents"));
        Map<String, String> s = MergeFixtures.summary(msm);
        assertEquals("Merge Module", s.get("Title"));
        assertEquals("{4E1C7A52-9B3D-4F6A-8C21-7D5E0B9A3F14}", s.get("Revision number (UUID)"));
        assertEquals("MergeModule, MSI, database", s.get("Keywords"));
        assertEquals("Intel;1033", s.get("Template"));
        String tables = Tool.run("msiinfo", "tables", msm.toString()).assertOk().stdout();
        for (String t : List.of("Component", "Directory", "FeatureComponents", "File", "ModuleSignature", "ModuleComponents",
                "InstallExecuteSequence", "InstallUISequence", "AdminExecuteSequence", "AdminUISequence", "AdvtExecuteSequence")) {
            assertTrue(tables.lines().anyMatch(t::equals), t + " missing: " + tables);
        }
        for (String t : List.of("Feature", "Media")) assertTrue(tables.lines().noneMatch(t::equals), "a module has no " + t);
        assertEquals(List.of(), StructuralCheck.check(msm));
    }

    @Test
    void everyIdentifierCarriesTheModuleGuidEvenInsideFormattedText() {
        Map<String, List<String>> files = byKey(msm, "File");
        assertEquals(java.util.Set.of("Notes" + SUFFIX, "Readme" + SUFFIX), files.keySet());
        assertEquals("ModuleFiles" + SUFFIX, files.get("Readme" + SUFFIX).get(1));
        Map<String, List<String>> dirs = byKey(msm, "Directory");
        assertEquals("TARGETDIR", dirs.get("ModuleFolder" + SUFFIX).get(1), "TARGETDIR is a standard property and keeps its name");
        Map<String, List<String>> registry = byKey(msm, "Registry");
        assertEquals("[#Readme" + SUFFIX + "]", registry.values().stream().filter(r -> r.get(3).equals("Readme")).findFirst().orElseThrow().get(4));
        assertEquals("[MODULEGREETING" + SUFFIX + "]", registry.values().stream().filter(r -> r.get(3).equals("Greeting")).findFirst().orElseThrow().get(4));
        List<String> action = byKey(msm, "CustomAction").get("SetGreeting" + SUFFIX);
        assertEquals(List.of("SetGreeting" + SUFFIX, "51", "MODULEGREETING" + SUFFIX, "hello from the module in [ModuleFolder" + SUFFIX + "]", ""), action);
        assertEquals(List.of(List.of("MODULEGREETING" + SUFFIX, "not set yet")), export(msm, "Property"));
        // configurable items keep their names; a substitution names its row by the modularized key
        assertEquals(List.of(List.of("Registry", "ConfiguredReg" + SUFFIX, "Value", "[=ConfiguredValue]")), export(msm, "ModuleSubstitution"));
        assertEquals(List.of(List.of("ModuleConfiguration"), List.of("ModuleSubstitution")), export(msm, "ModuleIgnoreTable"));
    }

    @Test
    void moduleSequencesGiveStandardActionsNumbersAndCustomActionsAnAnchor() {
        Map<String, List<String>> seq = byKey(msm, "ModuleInstallExecuteSequence");
        // Action, Sequence, BaseAction, After, Condition; the tables call for file, folder and registry actions
        assertEquals(List.of("InstallFiles", "4000", "", "", ""), seq.get("InstallFiles"));
        assertEquals(List.of("RemoveFiles", "3500", "", "", ""), seq.get("RemoveFiles"));
        assertEquals(List.of("WriteRegistryValues", "5000", "", "", ""), seq.get("WriteRegistryValues"));
        assertEquals(List.of("RemoveRegistryValues", "2600", "", "", ""), seq.get("RemoveRegistryValues"));
        assertEquals(List.of("SetGreeting" + SUFFIX, "", "CostFinalize", "1", ""), seq.get("SetGreeting" + SUFFIX));
        // a base action must itself be in the table (the SDK's BaseAction column): CostFinalize at its number
        assertEquals(List.of("CostFinalize", "1000", "", "", ""), seq.get("CostFinalize"));
        assertEquals(List.of(), export(msm, "InstallExecuteSequence"), "the package's sequence tables stay empty");
    }

    @Test
    void theCabinetHoldsEveryFileUnderItsModularizedKey() throws Exception {
        Path cab = MergeFixtures.extractStream(msm, "MergeModule.CABinet", dir.resolve("module.cab"));
        Tool.run("cabextract", "-t", cab.toString()).assertOk();
        Tool.run("gcab", "-t", cab.toString()).assertOk();
        Path out = Files.createDirectories(dir.resolve("extracted"));
        Tool.run("cabextract", "-q", "-d", out.toString(), cab.toString()).assertOk();
        assertArrayEquals(Files.readAllBytes(MergeFixtures.resource("module/payload/readme.txt")), Files.readAllBytes(out.resolve("Readme" + SUFFIX)));
        assertArrayEquals(Files.readAllBytes(MergeFixtures.resource("module/payload/notes.txt")), Files.readAllBytes(out.resolve("Notes" + SUFFIX)));
        // File.Sequence follows the cabinet's order
        assertEquals("1", byKey(msm, "File").get("Readme" + SUFFIX).get(7));
        assertEquals("2", byKey(msm, "File").get("Notes" + SUFFIX).get(7));
        assertEquals(2, export(msm, "MsiFileHash").size(), "unversioned files get their MsiFileHash");
    }

    @Test
    void theBuildsCompressionLevelGivesTheModuleAnLzxCabinetThatMergesBack() throws Exception {
        Tool.require("7z", "msiextract");
        Path high = dir.resolve("high.msm");
        Path source = MergeFixtures.resource("module/Module.wxs");
        BuildResult r = WixBuild.build(BuildRequest.builder(high, List.of(source)).environment(Map.of()).platform("x86")
                .buildTime(MergeFixtures.BUILD_TIME).workingDirectory(source.getParent()).allowedRoots(List.of(dir))
                .compression("high").build());
        assertTrue(r.success(), r.diagnostics().toString());
        // WiX's CompressionLevel "high" is LZX with a 2 MB window (WiX docs); 7-Zip names the method from the CFFOLDER
        Path cab = MergeFixtures.extractStream(high, "MergeModule.CABinet", dir.resolve("high.cab"));
        String listing = Tool.run("7z", "l", "-slt", cab.toString()).assertOk().stdout();
        assertTrue(listing.contains("Method = LZX:21"), listing);
        Path out = Files.createDirectories(dir.resolve("high-extracted"));
        Tool.run("cabextract", "-q", "-d", out.toString(), cab.toString()).assertOk();
        assertArrayEquals(Files.readAllBytes(MergeFixtures.resource("module/payload/readme.txt")), Files.readAllBytes(out.resolve("Readme" + SUFFIX)));

        // merged into a package, the files come out of the package's cabinet as msiextract reads it
        Path wxs = Files.writeString(dir.resolve("merges-high.wxs"), """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="LZX Merge" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="0B1C2D3E-4F5A-4B6C-8D7E-9F0A1B2C3D4E">
                    <Package InstallerVersion="200" Compressed="yes"/>
                    <Media Id="1" Cabinet="p.cab" EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="INSTALLDIR" Name="LZX Merge">
                      <Merge Id="M" SourceFile="$(var.ModuleFile)" Language="1033"/>
                    </Directory></Directory></Directory>
                    <Feature Id="Main" Level="1"><MergeRef Id="M"/></Feature>
                  </Product>
                </Wix>
                """);
        Path msi = dir.resolve("merges-high.msi");
        BuildResult merged = MergeFixtures.build(wxs, msi, Map.of("ModuleFile", high.toString()), "x86");
        assertTrue(merged.success(), merged.diagnostics().toString());
        Path files = Files.createDirectories(dir.resolve("merges-high"));
        Tool.run("msiextract", "-C", files.toString(), msi.toString()).assertOk();
        try (var found = Files.walk(files)) {
            Path notes = found.filter(f -> f.getFileName().toString().equals("notes.txt")).findFirst().orElseThrow();
            assertArrayEquals(Files.readAllBytes(MergeFixtures.resource("module/payload/notes.txt")), Files.readAllBytes(notes));
        }
    }

    @Test
    void conditionsAreModularizedAndSuppressedIdsKeepTheirNames() throws Exception {
        // WiX's own fixture (ModuleFixture.CanSuppressModularization) keeps a SuppressModularization custom action's name
        Path source = Files.writeString(dir.resolve("suppress.wxs"), """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Module Id="Suppress" Language="1033" Version="1.0" Guid="0F1A2B3C-4D5E-4F6A-8B7C-9D0E1F2A3B4C">
                    <Property Id="KEEPME" Value="kept" SuppressModularization="yes"/>
                    <Property Id="MODULAR" Value="x"/>
                    <Directory Id="D" Name="d">
                      <Component Id="C" Guid="1A2B3C4D-5E6F-4A7B-9C8D-0E1F2A3B4C5D" Condition="MODULAR AND NOT Installed AND VersionNT &gt;= 600 AND %PATH AND MODULAR=&quot;KEEPME&quot;">
                        <RegistryValue Root="HKLM" Key="Software\\ssprkit" Name="v" Type="string" Value="[KEEPME] [MODULAR] [ProductName] [%PATH]" KeyPath="yes"/>
                      </Component>
                    </Directory>
                    <CustomAction Id="KeptAction" Property="KEEPME" Value="v" SuppressModularization="yes"/>
                    <InstallExecuteSequence><Custom Action="KeptAction" After="CostFinalize"/></InstallExecuteSequence>
                  </Module>
                </Wix>
                """);
        Path out = dir.resolve("suppress.msm");
        BuildResult r = MergeFixtures.build(source, out, Map.of(), "x86");
        assertTrue(r.success(), r.diagnostics().toString());
        String suffix = ".0F1A2B3C_4D5E_4F6A_8B7C_9D0E1F2A3B4C";
        assertEquals(List.of("KEEPME", "MODULAR" + suffix), List.copyOf(byKey(out, "Property").keySet()));
        // names in a condition get the suffix; operators, standard properties, %environment and "strings" do not
        assertEquals("MODULAR" + suffix + " AND NOT Installed AND VersionNT >= 600 AND %PATH AND MODULAR" + suffix + "=\"KEEPME\"",
                byKey(out, "Component").get("C" + suffix).get(4));
        assertEquals("[KEEPME] [MODULAR" + suffix + "] [ProductName] [%PATH]", export(out, "Registry").get(0).get(4));
        assertEquals(List.of("KeptAction", "51", "KEEPME", "v", ""), byKey(out, "CustomAction").get("KeptAction"));
        assertEquals(List.of("KeptAction", "", "CostFinalize", "1", ""), byKey(out, "ModuleInstallExecuteSequence").get("KeptAction"));
    }

    @Test
    void aV4ModuleAliasesItsStandardFolderAndRecordsDependencies() {
        Path v4 = dir.resolve("v4.msm");
        BuildResult r = MergeFixtures.build(MergeFixtures.resource("module-v4/Module.wxs"), v4, Map.of(), "x86");
        assertTrue(r.success(), r.diagnostics().toString());
        String suffix = ".9D2E5F3A_1B4C_4D6E_8F7A_0B1C2D3E4F5A";
        assertEquals(List.of(List.of("SsprV4Module" + suffix, "0", "2.0.1")), export(v4, "ModuleSignature"));
        Map<String, List<String>> dirs = byKey(v4, "Directory");
        assertEquals(List.of("ProgramFilesFolder" + suffix, "TARGETDIR", "PFiles"), dirs.get("ProgramFilesFolder" + suffix));
        assertEquals("ProgramFilesFolder" + suffix, dirs.get("AliasFolder" + suffix).get(1));
        assertEquals(List.of(List.of("SsprV4Module" + suffix, "0", "SsprTestModule" + SUFFIX, "1033", "1.2.0")), export(v4, "ModuleDependency"));
        assertEquals(List.of(List.of("SsprV4Module" + suffix, "0", "SomeOtherModule.0B1C2D3E_4F5A_6B7C_8D9E_0F1A2B3C4D5E", "1033", "", "")),
                export(v4, "ModuleExclusion"));
        Map<String, String> s = MergeFixtures.summary(v4);
        assertEquals("Intel;0", s.get("Template"));
        assertEquals("ssprkit tests", s.get("Author"));
    }
}

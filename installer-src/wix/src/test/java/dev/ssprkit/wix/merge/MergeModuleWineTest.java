package dev.ssprkit.wix.merge;

import dev.ssprkit.msi.check.StructuralCheck;
import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.Wine;
import dev.ssprkit.wix.BuildResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.ssprkit.wix.merge.MergeFixtures.SUFFIX;
import static dev.ssprkit.wix.merge.MergeFixtures.byKey;
import static dev.ssprkit.wix.merge.MergeFixtures.export;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A package that merges four modules (our v3 and v4 modules, and two that WiX built for the Wix# samples) is read by
 * msitools and installed by Wine's msiexec: every module file lands where its Merge's directory (or, for a module
 * that aliases ProgramFilesFolder, the real Program Files folder) says, byte-identical to the module's cabinet
 * entry; the module's registry values hold the merged package's paths, the value its custom action set, and the
 * value the package configured (ModuleSubstitution); uninstall removes files and registry. A 32-bit and a 64-bit
 * module that alias Common Files side by side install each into its own Common Files.
 */
@Tag("interop")
class MergeModuleWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir static Path dir;

    private static final String V4_SUFFIX = ".9D2E5F3A_1B4C_4D6E_8F7A_0B1C2D3E4F5A";
    private static final String WIXSHARP_SUFFIX = ".0756702C_04A2_4D75_8783_62F4515C6150";

    private Path buildPackage() {
        Path module = MergeFixtures.module(dir);
        Path v4 = dir.resolve("v4.msm");
        BuildResult r = MergeFixtures.build(MergeFixtures.resource("module-v4/Module.wxs"), v4, Map.of(), "x86");
        assertTrue(r.success(), r.diagnostics().toString());
        Path msi = dir.resolve("merged.msi");
        r = MergeFixtures.build(MergeFixtures.resource("product/Product.wxs"), msi, Map.of(
                "ModuleFile", module.toString(), "V4ModuleFile", v4.toString(),
                "WixSharpModule", MergeFixtures.resource("thirdparty/wixsharp/MyMergeModule.msm").toString(),
                "WixSharpModule1", MergeFixtures.resource("thirdparty/wixsharp/MyMergeModule1.msm").toString()), "x86");
        assertTrue(r.success(), r.diagnostics().toString());
        return msi;
    }

    @Test
    void mergedModulesInstallWhereTheirMergeSaysAndUninstallCleanly() throws Exception {
        Tool.require("msiinfo", "msiextract", "cabextract");
        Path msi = buildPackage();
        assertEquals(List.of(), StructuralCheck.check(msi));

        // FeatureComponents: each module's components in every feature that references its Merge (directly or through a group)
        Set<List<String>> fc = new HashSet<>(export(msi, "FeatureComponents"));
        for (String feature : List.of("Main", "Extras")) {
            assertTrue(fc.contains(List.of(feature, "ModuleFiles" + SUFFIX)), feature + ": " + fc);
            assertTrue(fc.contains(List.of(feature, "ModuleRegistry" + SUFFIX)), feature + ": " + fc);
        }
        assertTrue(fc.contains(List.of("Extras", "AliasFile" + V4_SUFFIX)), fc.toString());
        assertTrue(fc.contains(List.of("WixSharpSamples", "Component.File1.txt" + WIXSHARP_SUFFIX)), fc.toString());
        assertTrue(fc.contains(List.of("Main", "Component.File3.txt.E1B50A0F_C1E2_4447_AA4D_E049771027FB")), fc.toString());
        // the module's root is the Merge's directory
        assertEquals("INSTALLDIR", byKey(msi, "Directory").get("ModuleFolder" + SUFFIX).get(1));
        // the module-only tables stay behind; ModuleSignature records each merged module (the SDK's table list)
        String tables = Tool.run("msiinfo", "tables", msi.toString()).assertOk().stdout();
        for (String t : List.of("ModuleInstallExecuteSequence", "ModuleConfiguration", "ModuleSubstitution", "ModuleIgnoreTable")) {
            assertTrue(tables.lines().noneMatch(t::equals), t + " merged: " + tables);
        }
        assertEquals(4, export(msi, "ModuleSignature").size());
        assertEquals(List.of(List.of("SsprV4Module" + V4_SUFFIX, "0", "SsprTestModule" + SUFFIX, "1033", "1.2.0")), export(msi, "ModuleDependency"));
        // the product's own file first, then each module's files in their cabinet order
        Map<String, List<String>> files = byKey(msi, "File");
        assertEquals("1", files.get("ProductFile").get(7));
        assertEquals("2", files.get("Readme" + SUFFIX).get(7));
        assertEquals("3", files.get("Notes" + SUFFIX).get(7));
        assertEquals(String.valueOf(files.size()), export(msi, "Media").get(0).get(1), "LastSequence closes the merged files too");
        // a custom action placed after CostFinalize in the module lands right after it; the folder alias before costing
        Map<String, List<String>> execute = byKey(msi, "InstallExecuteSequence");
        assertEquals("1001", execute.get("SetGreeting" + SUFFIX).get(2));
        assertEquals(List.of("ProgramFilesFolder" + V4_SUFFIX, "51", "ProgramFilesFolder" + V4_SUFFIX, "[ProgramFilesFolder]", ""),
                byKey(msi, "CustomAction").get("ProgramFilesFolder" + V4_SUFFIX));
        assertTrue(Integer.parseInt(execute.get("ProgramFilesFolder" + V4_SUFFIX).get(2)) < 800, execute.toString());

        Path extracted = Files.createDirectories(dir.resolve("extracted"));
        Tool.run("msiextract", "-C", extracted.toString(), msi.toString()).assertOk();
        Map<String, byte[]> wixsharp = cabinetContents(MergeFixtures.resource("thirdparty/wixsharp/MyMergeModule.msm"), "ws");
        assertArrayEquals(wixsharp.get("File.File1.txt" + WIXSHARP_SUFFIX), Files.readAllBytes(findFile(extracted, "File1.txt")));

        Path log = dir.resolve("install.log");
        assertEquals(0, wine.msiexec("/i", msi.toString(), "/qn", "/l*v", log.toString()).exitCode(), () -> readLog(log));
        Path programFiles = programFiles32();
        Path app = programFiles.resolve("ssprkit Merge Test");
        assertArrayEquals(Files.readAllBytes(MergeFixtures.resource("product/product.txt")), Files.readAllBytes(app.resolve("product.txt")));
        assertArrayEquals(Files.readAllBytes(MergeFixtures.resource("module/payload/readme.txt")), Files.readAllBytes(app.resolve("Module Files/readme.txt")));
        assertArrayEquals(Files.readAllBytes(MergeFixtures.resource("module/payload/notes.txt")), Files.readAllBytes(app.resolve("Module Files/notes.txt")));
        assertArrayEquals(Files.readAllBytes(MergeFixtures.resource("module-v4/payload/alias.txt")),
                Files.readAllBytes(programFiles.resolve("ssprkit Alias Test/alias.txt")), "alias set to the real ProgramFilesFolder");
        Map<String, byte[]> wixsharp1 = cabinetContents(MergeFixtures.resource("thirdparty/wixsharp/MyMergeModule1.msm"), "ws1");
        Path company = programFiles.resolve("My Company");
        assertArrayEquals(wixsharp.get("File.File1.txt" + WIXSHARP_SUFFIX), Files.readAllBytes(company.resolve("File1.txt")));
        assertArrayEquals(wixsharp.get("File.File2.txt" + WIXSHARP_SUFFIX), Files.readAllBytes(company.resolve("File2.txt")));
        assertArrayEquals(wixsharp1.get("File3.txt.E1B50A0F_C1E2_4447_AA4D_E049771027FB"), Files.readAllBytes(company.resolve("File3.txt")));

        String key = registryKey("Software\\ssprkit\\MergeTest");
        String windowsApp = "C:\\" + wine.prefix().resolve("drive_c").relativize(app).toString().replace('/', '\\');
        assertEquals(windowsApp + "\\Module Files\\readme.txt", wine.regValue(key, "Readme"), "[#Readme.GUID] resolved in the package");
        assertEquals("hello from the module in " + windowsApp + "\\Module Files\\", wine.regValue(key, "Greeting"));
        assertEquals("configured by the package", wine.regValue(key, "Configured"));

        Path ulog = dir.resolve("uninstall.log");
        assertEquals(0, wine.msiexec("/x", msi.toString(), "/qn", "/l*v", ulog.toString()).exitCode(), () -> readLog(ulog));
        assertFalse(Files.exists(app.resolve("Module Files/readme.txt")), "module file left behind");
        assertFalse(Files.exists(app.resolve("product.txt")), "package file left behind");
        assertFalse(Files.exists(programFiles.resolve("ssprkit Alias Test/alias.txt")), "aliased module file left behind");
        assertFalse(Files.exists(company.resolve("File1.txt")), "third-party module file left behind");
        assertNull(wine.regValue(key, "Readme"), "module registry value left behind");
    }

    /** A v4 module installing shared.txt (holding {@code text}) into {@code folder}\ssprkit Shared. */
    private static Path sideBySideModule(String name, String guid, String folder, String text, String arch) throws Exception {
        Path src = Files.createDirectories(dir.resolve(name));
        Files.writeString(src.resolve("shared.txt"), text);
        Path wxs = Files.writeString(src.resolve(name + ".wxs"), """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Module Id="%s" Language="0" Version="1.0.0" Guid="%s">
                    <SummaryInformation Manufacturer="ssprkit tests"/>
                    <StandardDirectory Id="%s">
                      <Directory Id="SharedFolder" Name="ssprkit Shared">
                        <Component Id="Shared" Guid="*">
                          <File Id="SharedFile" Name="shared.txt" Source="shared.txt"/>
                        </Component>
                      </Directory>
                    </StandardDirectory>
                  </Module>
                </Wix>
                """.formatted(name, guid, folder));
        Path msm = src.resolve(name + ".msm");
        BuildResult r = MergeFixtures.build(wxs, msm, Map.of(), arch);
        assertTrue(r.success(), r.diagnostics().toString());
        return msm;
    }

    @Test
    void a32BitAndA64BitModuleSideBySideInstallIntoTheirOwnCommonFiles() throws Exception {
        // TortoiseGit's x64 package merges the 32- and the 64-bit TortoiseOverlays modules into one folder: both alias
        // a Common Files folder with DefaultDir "Common", and only the type-51 actions the merge adds, setting each
        // alias to its real folder, tell them apart. The package must build (the SDK: ICE30 evaluates no properties)
        // and Wine must put each module's file into its own Common Files.
        Path m32 = sideBySideModule("Shared32", "3A4B5C6D-7E8F-4A0B-9C1D-2E3F4A5B6C7D", "CommonFilesFolder", "from the 32-bit module", "x86");
        Path m64 = sideBySideModule("Shared64", "4B5C6D7E-8F9A-4B1C-8D2E-3F4A5B6C7D8E", "CommonFiles64Folder", "from the 64-bit module", "x64");
        Path wxs = Files.writeString(dir.resolve("side-by-side.wxs"), """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="ssprkit Side By Side" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="6F7A8B9C-0D1E-4F2A-9B3C-4D5E6F7A8B9C">
                    <Package InstallerVersion="200" Compressed="yes" InstallScope="perMachine"/>
                    <Media Id="1" Cabinet="p.cab" EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFiles64Folder"><Directory Id="INSTALLDIR" Name="ssprkit Side By Side">
                      <Merge Id="Shared64" SourceFile="$(var.M64)" Language="0" DiskId="1"/>
                      <Merge Id="Shared32" SourceFile="$(var.M32)" Language="0" DiskId="1"/>
                    </Directory></Directory></Directory>
                    <Feature Id="Main" Level="1"><MergeRef Id="Shared64"/><MergeRef Id="Shared32"/></Feature>
                  </Product>
                </Wix>
                """);
        Path msi = dir.resolve("side-by-side.msi");
        BuildResult r = MergeFixtures.build(wxs, msi, Map.of("M32", m32.toString(), "M64", m64.toString()), "x64");
        assertTrue(r.success(), r.diagnostics().toString());
        Map<String, List<String>> actions = byKey(msi, "CustomAction");
        String alias32 = "CommonFilesFolder.3A4B5C6D_7E8F_4A0B_9C1D_2E3F4A5B6C7D", alias64 = "CommonFiles64Folder.4B5C6D7E_8F9A_4B1C_8D2E_3F4A5B6C7D8E";
        assertEquals(List.of(alias32, "51", alias32, "[CommonFilesFolder]", ""), actions.get(alias32));
        assertEquals(List.of(alias64, "51", alias64, "[CommonFiles64Folder]", ""), actions.get(alias64));

        Path log = dir.resolve("side-by-side.log");
        assertEquals(0, wine.msiexec("/i", msi.toString(), "/qn", "/l*v", log.toString()).exitCode(), () -> readLog(log));
        Path shared32 = programFiles32().resolve("Common Files/ssprkit Shared/shared.txt");
        Path shared64 = wine.cDrive("C:\\Program Files\\Common Files\\ssprkit Shared\\shared.txt");
        assertEquals("from the 32-bit module", Files.readString(shared32));
        assertEquals("from the 64-bit module", Files.readString(shared64));
        assertEquals(0, wine.msiexec("/x", msi.toString(), "/qn").exitCode());
        assertFalse(Files.exists(shared32), "32-bit module file left behind");
        assertFalse(Files.exists(shared64), "64-bit module file left behind");
    }

    /** The 32-bit Program Files of the prefix (with "(x86)" in a 64-bit prefix). */
    private static Path programFiles32() {
        Path x86 = wine.cDrive("C:\\Program Files (x86)");
        return Files.isDirectory(x86) ? x86 : wine.cDrive("C:\\Program Files");
    }

    /** Where a 32-bit component's HKLM key lies: under Wow6432Node in a 64-bit prefix. */
    private static String registryKey(String path) {
        boolean wow64 = Files.isDirectory(wine.cDrive("C:\\Program Files (x86)"));
        return "HKLM\\" + (wow64 ? path.replaceFirst("^Software\\\\", "Software\\\\Wow6432Node\\\\") : path);
    }

    /** cabextract's reading of a module's MergeModule.CABinet: entry name → bytes. */
    private static Map<String, byte[]> cabinetContents(Path msm, String name) throws Exception {
        Path cab = MergeFixtures.extractStream(msm, "MergeModule.CABinet", dir.resolve(name + ".cab"));
        Path out = Files.createDirectories(dir.resolve(name + "-cab"));
        Tool.run("cabextract", "-q", "-d", out.toString(), cab.toString()).assertOk();
        Map<String, byte[]> contents = new java.util.HashMap<>();
        try (var files = Files.list(out)) {
            for (Path f : files.toList()) contents.put(f.getFileName().toString(), Files.readAllBytes(f));
        }
        return contents;
    }

    private static Path findFile(Path root, String name) throws Exception {
        List<Path> found = new ArrayList<>();
        try (var walk = Files.walk(root)) {
            walk.filter(p -> p.getFileName().toString().equals(name)).forEach(found::add);
        }
        assertEquals(1, found.size(), name + " under " + root + ": " + found);
        return found.get(0);
    }

    static String readLog(Path log) {
        try {
            byte[] b = Files.readAllBytes(log);
            String s = b.length > 1 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE
                    ? new String(b, StandardCharsets.UTF_16LE) : new String(b, StandardCharsets.ISO_8859_1);
            return s.length() > 20000 ? s.substring(s.length() - 20000) : s;
        } catch (Exception e) {
            return "(no log: " + e + ")";
        }
    }
}

package dev.ssprkit.wix.merge;

import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.diag.Diagnostic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.ssprkit.wix.merge.MergeFixtures.SUFFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Merges and modules that cannot work: each gives its message ID at the line of the element at fault (the
 * {@code <Merge>}, the {@code <MergeRef>}, the module element), says which module file it is about, fails the build
 * and leaves no output file. The rules come from the SDK's merge-module pages (ModuleSignature identifies a module,
 * ModuleDependency/ModuleExclusion, a row key may exist once per table) and from WiX's errors for the same cases
 * (MergeModuleExpectedFeature, unresolved references, custom actions with a Sequence in a module).
 */
class MergeModuleBadInputTest {
    @TempDir static Path dir;
    static Path module;

    @BeforeAll
    static void buildModule() {
        module = MergeFixtures.module(dir);
    }

    /** A package merging {@code merges} (written first, on line 7 on) into INSTALLDIR, with {@code features} in Main. */
    private static String product(String merges, String features, String extra) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="Bad Merge" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="5C2D8E1A-6B4F-4C3D-9E7A-2B1C0D9E8F7B">
                    <Package InstallerVersion="200" Compressed="yes"/>
                    <Media Id="1" Cabinet="p.cab" EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="INSTALLDIR" Name="Bad Merge">
                """ + merges + "\n"
                + "    </Directory></Directory></Directory>\n"
                + "    <Feature Id=\"Main\" Level=\"1\">\n" + features + "\n    </Feature>\n"
                + extra + "\n  </Product>\n</Wix>\n";
    }

    private static BuildResult build(String name, String source) throws Exception {
        Path wxs = dir.resolve(name + ".wxs");
        Files.writeString(wxs, source);
        Path out = dir.resolve(name + ".msi");
        BuildResult r = MergeFixtures.build(wxs, out, Map.of("ModuleFile", module.toString()), "x86");
        assertFalse(r.success(), () -> name + " built: " + r.diagnostics());
        assertFalse(Files.exists(out), name + ": an output file was written");
        return r;
    }

    private static Diagnostic expect(BuildResult r, String id, int line) {
        return r.errors().stream().filter(d -> d.id().equals(id) && d.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("expected " + id + " at line " + line + "; got " + r.diagnostics()));
    }

    @Test
    void aSourceFileThatIsNotAModuleIsNamed() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.msm"), "plain text, not a compound file");
        BuildResult r = build("text", product("<Merge Id=\"M\" SourceFile=\"" + text + "\" Language=\"1033\"/>", "<MergeRef Id=\"M\"/>", ""));
        assertTrue(expect(r, "WIX0240", 7).text().contains("notes.msm"), r.diagnostics().toString());

        // an installation package is a database, but not a module: it has no ModuleSignature
        Path pkg = dir.resolve("package.msi");
        Path pkgSource = Files.writeString(dir.resolve("package.wxs"), product("<Component Id=\"C\" Guid=\"11111111-2222-3333-4444-555555555555\"><CreateFolder/></Component>",
                "<ComponentRef Id=\"C\"/>", ""));
        BuildResult ok = MergeFixtures.build(pkgSource, pkg, Map.of(), "x86");
        assertTrue(ok.success(), ok.diagnostics().toString());
        r = build("package-merge", product("<Merge Id=\"M\" SourceFile=\"" + pkg + "\" Language=\"1033\"/>", "<MergeRef Id=\"M\"/>", ""));
        Diagnostic d = expect(r, "WIX0240", 7);
        assertTrue(d.text().contains("package.msi") && d.text().contains("ModuleSignature"), d.toString());
    }

    @Test
    void aMissingModuleFileIsReportedAtTheMerge() throws Exception {
        BuildResult r = build("missing", product("<Merge Id=\"M\" SourceFile=\"" + dir.resolve("absent.msm") + "\" Language=\"1033\"/>",
                "<MergeRef Id=\"M\"/>", ""));
        expect(r, "WIX0180", 7);
    }

    @Test
    void aMergeRefToAnUnknownMergeIsUnresolved() throws Exception {
        BuildResult r = build("unknown", product("<Merge Id=\"M\" SourceFile=\"$(var.ModuleFile)\" Language=\"1033\"/>",
                "<MergeRef Id=\"M\"/>\n<MergeRef Id=\"NoSuchMerge\"/>", ""));
        assertTrue(expect(r, "WIX0151", 11).text().contains("NoSuchMerge"), r.diagnostics().toString());
    }

    @Test
    void aMergeNoFeatureReferencesIsAnError() throws Exception {
        BuildResult r = build("orphan", product("<Merge Id=\"Orphan\" SourceFile=\"$(var.ModuleFile)\" Language=\"1033\"/>",
                "<ComponentRef Id=\"C\"/>", "<DirectoryRef Id=\"INSTALLDIR\"><Component Id=\"C\" Guid=\"11111111-2222-3333-4444-555555555555\"><CreateFolder/></Component></DirectoryRef>"));
        assertTrue(expect(r, "WIX0241", 7).text().contains("Orphan"), r.diagnostics().toString());
    }

    @Test
    void aRowTheModuleAndThePackageBothDefineDifferentlyIsAConflictWithBothPlaces() throws Exception {
        BuildResult r = build("conflict", product("<Merge Id=\"M\" SourceFile=\"$(var.ModuleFile)\" Language=\"1033\"/>",
                "<MergeRef Id=\"M\"/>", "<Property Id=\"MODULEGREETING" + SUFFIX + "\" Value=\"the package's own value\"/>"));
        Diagnostic d = expect(r, "WIX0242", 7);
        // the module file, the table and key, and the package row's own place (line 12 of the source)
        assertTrue(d.text().contains("test.msm") && d.text().contains("Property") && d.text().contains("MODULEGREETING" + SUFFIX)
                && d.text().contains("conflict.wxs:12"), d.toString());
        assertTrue(d.text().contains("not set yet") && d.text().contains("the package's own value"), d.text());
    }

    @Test
    void aMissingRequiredModuleIsReportedAtTheMergeThatNeedsIt() throws Exception {
        Path v4 = dir.resolve("v4.msm");
        assertTrue(MergeFixtures.build(MergeFixtures.resource("module-v4/Module.wxs"), v4, Map.of(), "x86").success());
        BuildResult r = build("dependency", product("<Merge Id=\"V4\" SourceFile=\"" + v4 + "\" Language=\"0\"/>", "<MergeRef Id=\"V4\"/>", ""));
        Diagnostic d = expect(r, "WIX0243", 7);
        assertTrue(d.text().contains("SsprTestModule" + SUFFIX) && d.text().contains("1.2.0"), d.toString());
        // with the required module merged too, the same package builds
        Path ok = dir.resolve("dependency-ok.wxs");
        Files.writeString(ok, product("<Merge Id=\"V4\" SourceFile=\"" + v4 + "\" Language=\"0\"/>\n<Merge Id=\"M\" SourceFile=\"$(var.ModuleFile)\" Language=\"1033\"/>",
                "<MergeRef Id=\"V4\"/><MergeRef Id=\"M\"/>", ""));
        BuildResult built = MergeFixtures.build(ok, dir.resolve("dependency-ok.msi"), Map.of("ModuleFile", module.toString()), "x86");
        assertTrue(built.success(), built.diagnostics().toString());
    }

    @Test
    void anExcludedModuleCannotBeMergedBeside() throws Exception {
        Path source = Files.writeString(dir.resolve("excluding.wxs"), """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Module Id="Excluding" Language="1033" Version="1.0" Guid="2A3B4C5D-6E7F-4A8B-9C0D-1E2F3A4B5C6D">
                    <Exclusion ExcludedId="SsprTestModule%s" ExcludedMinVersion="1.0"/>
                    <Directory Id="ExDir" Name="ex"><Component Id="ExComp" Guid="3B4C5D6E-7F8A-4B9C-8D1E-2F3A4B5C6D7E"><CreateFolder/></Component></Directory>
                  </Module>
                </Wix>
                """.formatted(SUFFIX));
        Path excluding = dir.resolve("excluding.msm");
        BuildResult m = MergeFixtures.build(source, excluding, Map.of(), "x86");
        assertTrue(m.success(), m.diagnostics().toString());
        BuildResult r = build("exclusion", product("<Merge Id=\"Ex\" SourceFile=\"" + excluding + "\" Language=\"1033\"/>\n"
                + "<Merge Id=\"M\" SourceFile=\"$(var.ModuleFile)\" Language=\"1033\"/>", "<MergeRef Id=\"Ex\"/><MergeRef Id=\"M\"/>", ""));
        Diagnostic d = expect(r, "WIX0244", 7);
        assertTrue(d.text().contains("SsprTestModule" + SUFFIX) && d.text().contains("\"M\""), d.toString());
    }

    @Test
    void aModuleOfAnotherLanguageIsRefused() throws Exception {
        BuildResult r = build("language", product("<Merge Id=\"M\" SourceFile=\"$(var.ModuleFile)\" Language=\"1031\"/>", "<MergeRef Id=\"M\"/>", ""));
        assertTrue(expect(r, "WIX0245", 7).text().contains("1033"), r.diagnostics().toString());
    }

    @Test
    void aModuleSourceWithoutGuidOrWithPackageTablesFails() throws Exception {
        Path noGuid = Files.writeString(dir.resolve("noguid.wxs"), """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Module Id="NoGuid" Language="1033" Version="1.0">
                    <Directory Id="TARGETDIR" Name="SourceDir"/>
                  </Module>
                </Wix>
                """);
        BuildResult r = MergeFixtures.build(noGuid, dir.resolve("noguid.msm"), Map.of(), "x86");
        assertFalse(r.success());
        assertTrue(r.errors().stream().anyMatch(d -> d.id().equals("WIX0102") && d.line() == 2), r.diagnostics().toString());
        assertFalse(Files.exists(dir.resolve("noguid.msm")));

        Path sequenced = Files.writeString(dir.resolve("sequenced.wxs"), """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Module Id="Sequenced" Language="1033" Version="1.0" Guid="4C5D6E7F-8A9B-4C0D-9E2F-3A4B5C6D7E8F">
                    <Feature Id="NotHere"/>
                    <CustomAction Id="Ca" Property="P" Value="v"/>
                    <InstallExecuteSequence><Custom Action="Ca" Sequence="1234"/></InstallExecuteSequence>
                  </Module>
                </Wix>
                """);
        r = MergeFixtures.build(sequenced, dir.resolve("sequenced.msm"), Map.of(), "x86");
        assertFalse(r.success());
        assertTrue(r.errors().stream().anyMatch(d -> d.id().equals("WIX0132") && d.line() == 3), r.diagnostics().toString());
        assertTrue(r.errors().stream().anyMatch(d -> d.id().equals("WIX0248") && d.line() == 5), r.diagnostics().toString());
        assertFalse(Files.exists(dir.resolve("sequenced.msm")));
        assertEquals(0, Files.list(dir).filter(p -> p.getFileName().toString().startsWith("sequenced.msm")).count(), "no partial output");
    }

    @Test
    void aMergeInsideAModuleIsRefusedAtItsLine() throws Exception {
        // a module carries no feature to connect a nested module to; WiX merges modules into packages only
        Path nested = Files.writeString(dir.resolve("nested.wxs"), """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Module Id="Nested" Language="1033" Version="1.0" Guid="6E7F8A9B-0C1D-4E2F-8A3B-4C5D6E7F8A9B">
                    <Package InstallerVersion="200" Manufacturer="ssprkit tests"/>
                    <Directory Id="TARGETDIR" Name="SourceDir">
                      <Merge Id="Inner" SourceFile="%s" Language="1033"/>
                    </Directory>
                  </Module>
                </Wix>
                """.formatted(module));
        BuildResult r = MergeFixtures.build(nested, dir.resolve("nested.msm"), Map.of(), "x86");
        assertFalse(r.success(), r.diagnostics().toString());
        assertTrue(r.errors().stream().anyMatch(d -> d.id().equals("WIX0133") && d.line() == 5 && d.text().contains("<Merge>")),
                r.diagnostics().toString());
        assertFalse(Files.exists(dir.resolve("nested.msm")), "no partial output");
    }
}

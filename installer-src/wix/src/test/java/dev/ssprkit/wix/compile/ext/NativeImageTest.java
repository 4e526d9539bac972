package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.ssprkit.wix.compile.ext.CustomActionElementsTest.condition;
import static dev.ssprkit.wix.compile.ext.CustomActionElementsTest.hasRow;
import static dev.ssprkit.wix.compile.ext.CustomActionElementsTest.rows;
import static dev.ssprkit.wix.compile.ext.CustomActionElementsTest.sequence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * netfx:NativeImage compiled from WiX v3 and v4 sources, read back with msitools. Expected values from WiX, not from
 * our code: the columns of WiX v4 NetfxTableDefinitions (Wix4NetFxNativeImage: NetFxNativeImage, File_, Priority,
 * Attributes, File_Application, Directory_ApplicationBase) and v3 NetFxExtension data/tables.xml (NetFxNativeImage, the
 * same columns); NetFxCompiler's ParseNativeImageElement (v3 and v4): Priority 3 when absent, Attributes 0x8 (32-bit)
 * by default, Platform 64bit = 0x10 only, all = 0x18, Debug 0x1, Dependencies="no" 0x2, Profile 0x4, the two
 * application attributes stored as written; WiX's NetFx library (NetFxExtension_Platform.wxi, v3 and v4.0): the
 * binary NetFxCA (v3, _x64 suffix on x64) / Wix4NetFxCA_X64, NetFxScheduleNativeImage immediate (SchedNetFx) before
 * InstallFiles, four ExecNetFx actions Impersonate="no" Return="ignore" (two deferred, two commit) after
 * MsiPublishAssemblies in the order CommitUninstall, Uninstall, CommitInstall, Install, the commit ones under
 * "RollbackDisabled &lt;&gt; 1" and the deferred ones under "RollbackDisabled = 1"; v3's caSuffix.wxi (_x64 immediate,
 * _64 deferred); and the SDK's type bits (dll-in-binary 1, continue 0x40, in-script 0x400, commit 0x200,
 * no-impersonate 0x800): 1, 3137, 3649.
 */
@Tag("interop")
class NativeImageTest {
    @TempDir Path dir;

    static final String V4 = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:netfx="http://wixtoolset.org/schemas/v4/wxs/netfx">
              <Package Name="ssprkit ngen" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{6C8E0F60-5173-4C9E-BFC0-B1AC9D8E7F6C}">
                <StandardDirectory Id="ProgramFiles64Folder"><Directory Id="INSTALLFOLDER" Name="ssprkit ngen">
                  <Component Id="App">
                    <File Id="app.exe" Source="app.exe" KeyPath="yes">
                      <netfx:NativeImage Id="ngen_app" Platform="all" Priority="1" AppBaseDirectory="INSTALLFOLDER"/>
                    </File>
                  </Component>
                  <Component Id="Lib">
                    <File Id="lib.dll" Source="lib.dll" KeyPath="yes">
                      <netfx:NativeImage Platform="64bit" Priority="0" Debug="yes" Profile="yes" Dependencies="no" AssemblyApplication="app.exe"/>
                    </File>
                  </Component>
                </Directory></StandardDirectory>
                <Feature Id="Main"><ComponentRef Id="App"/><ComponentRef Id="Lib"/></Feature>
              </Package>
            </Wix>
            """;

    static final String V3 = """
            <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi" xmlns:netfx="http://schemas.microsoft.com/wix/NetFxExtension">
              <Product Id="*" Name="ngen v3" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{7D9F1071-6284-4DAF-80D1-C2BDAE9F8070}">
                <Package InstallerVersion="500" Compressed="yes" InstallScope="perMachine" Platform="x64"/>
                <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFiles64Folder"><Directory Id="INSTALLFOLDER" Name="ngen v3">
                  <Component Id="App" Guid="{A0B1C2D3-E4F5-4607-8819-2A3B4C5D6E7F}">
                    <File Id="app.exe" Source="app.exe" KeyPath="yes">
                      <netfx:NativeImage Id="ngen_app" AssemblyApplication="[#app.exe]" AppBaseDirectory="[INSTALLFOLDER]"/>
                    </File>
                  </Component>
                </Directory></Directory></Directory>
                <Feature Id="Main" Level="1"><ComponentRef Id="App"/></Feature>
              </Product>
            </Wix>
            """;

    private BuildResult tryBuild(String source) throws Exception {
        Files.writeString(dir.resolve("app.exe"), "not really an assembly");
        Files.writeString(dir.resolve("lib.dll"), "not really an assembly either");
        return TestBuild.build(dir, source, dir.resolve("p.msi"), b -> b.platform("x64"));
    }

    private Path build(String source) throws Exception {
        Tool.require("msiinfo");
        BuildResult r = tryBuild(source);
        assertTrue(r.success(), r.diagnostics().toString());
        return dir.resolve("p.msi");
    }

    @Test
    void v4RowsActionsAndPlacementAreWixOnes() throws Exception {
        Path msi = build(V4);
        hasRow(msi, "Wix4NetFxNativeImage", "ngen_app\tapp.exe\t1\t24\t\tINSTALLFOLDER"); // all: 0x8 + 0x10
        // no Id in v4: one is generated ("nni" + the file's); Debug 0x1 + no dependencies 0x2 + Profile 0x4 + 64-bit only 0x10
        List<String> lib = rows(msi, "Wix4NetFxNativeImage").lines().filter(l -> l.contains("\tlib.dll\t")).toList();
        assertEquals(1, lib.size(), lib.toString());
        assertTrue(lib.get(0).startsWith("nni") && lib.get(0).endsWith("\tlib.dll\t0\t23\tapp.exe\t"), lib.get(0));
        hasRow(msi, "Binary", "Wix4NetFxCA_X64\tBinary.Wix4NetFxCA_X64");
        hasRow(msi, "CustomAction", "Wix4NetFxScheduleNativeImage_X64\t1\tWix4NetFxCA_X64\tSchedNetFx\t");
        hasRow(msi, "CustomAction", "Wix4NetFxExecuteNativeImageInstall_X64\t3137\tWix4NetFxCA_X64\tExecNetFx\t");
        hasRow(msi, "CustomAction", "Wix4NetFxExecuteNativeImageCommitInstall_X64\t3649\tWix4NetFxCA_X64\tExecNetFx\t");
        hasRow(msi, "CustomAction", "Wix4NetFxExecuteNativeImageUninstall_X64\t3137\tWix4NetFxCA_X64\tExecNetFx\t");
        hasRow(msi, "CustomAction", "Wix4NetFxExecuteNativeImageCommitUninstall_X64\t3649\tWix4NetFxCA_X64\tExecNetFx\t");
        String seq = "InstallExecuteSequence";
        assertEquals(sequence(msi, seq, "InstallFiles") - 1, sequence(msi, seq, "Wix4NetFxScheduleNativeImage_X64"));
        int publish = sequence(msi, seq, "MsiPublishAssemblies");
        int commitUninstall = sequence(msi, seq, "Wix4NetFxExecuteNativeImageCommitUninstall_X64");
        int uninstall = sequence(msi, seq, "Wix4NetFxExecuteNativeImageUninstall_X64");
        int commitInstall = sequence(msi, seq, "Wix4NetFxExecuteNativeImageCommitInstall_X64");
        int install = sequence(msi, seq, "Wix4NetFxExecuteNativeImageInstall_X64");
        assertTrue(publish < commitUninstall && commitUninstall < uninstall && uninstall < commitInstall && commitInstall < install
                && install < sequence(msi, seq, "InstallFinalize"), List.of(publish, commitUninstall, uninstall, commitInstall, install).toString());
        assertEquals("RollbackDisabled <> 1", condition(msi, seq, "Wix4NetFxExecuteNativeImageCommitInstall_X64"));
        assertEquals("RollbackDisabled = 1", condition(msi, seq, "Wix4NetFxExecuteNativeImageInstall_X64"));
        assertEquals("RollbackDisabled <> 1", condition(msi, seq, "Wix4NetFxExecuteNativeImageCommitUninstall_X64"));
        assertEquals("RollbackDisabled = 1", condition(msi, seq, "Wix4NetFxExecuteNativeImageUninstall_X64"));
    }

    @Test
    void v3RowsUseV3TableAndNames() throws Exception {
        Path msi = build(V3);
        hasRow(msi, "NetFxNativeImage", "ngen_app\tapp.exe\t3\t8\t[#app.exe]\t[INSTALLFOLDER]"); // defaults: priority 3, 32-bit
        hasRow(msi, "CustomAction", "NetFxScheduleNativeImage_x64\t1\tNetFxCA_x64\tSchedNetFx\t");
        hasRow(msi, "CustomAction", "NetFxExecuteNativeImageInstall_64\t3137\tNetFxCA_x64\tExecNetFx\t");
        hasRow(msi, "CustomAction", "NetFxExecuteNativeImageCommitUninstall_64\t3649\tNetFxCA_x64\tExecNetFx\t");
        assertEquals(sequence(msi, "InstallExecuteSequence", "InstallFiles") - 1, sequence(msi, "InstallExecuteSequence", "NetFxScheduleNativeImage_x64"));
        assertFalse(rows(msi, "CustomAction").contains("Wix4"));
    }

    private String errors(String source) throws Exception {
        BuildResult r = tryBuild(source);
        assertFalse(r.success());
        return r.diagnostics().toString();
    }

    @Test
    void badInputIsALocatedError() throws Exception {
        String text = errors(V4.replace("Platform=\"all\" Priority=\"1\"", "Platform=\"arm64\" Priority=\"4\""));
        assertTrue(text.contains("p.wxs:6:") && text.contains("arm64") && text.contains("32bit, 64bit, all"), text);
        assertTrue(text.contains("p.wxs:6:") && text.contains("Priority") && text.contains("0..3"), text);
        // an AssemblyApplication that is neither a File id of the package nor formatted: unresolved at the NativeImage
        text = errors(V4.replace("AssemblyApplication=\"app.exe\"", "AssemblyApplication=\"nosuch.exe\""));
        assertTrue(text.contains("p.wxs:11:") && text.contains("nosuch.exe"), text);
        text = errors(V4.replace("AppBaseDirectory=\"INSTALLFOLDER\"", "AppBaseDirectory=\"\""));
        assertTrue(text.contains("p.wxs:6:") && text.contains("AppBaseDirectory='' is not valid"), text);
        // v3 requires the Id; an unknown attribute is reported too
        text = errors(V3.replace("Id=\"ngen_app\" ", "Queue=\"1\" "));
        assertTrue(text.contains("p.wxs:7:") && text.contains("requires attribute Id"), text);
        assertTrue(text.contains("Queue"), text);
    }
}

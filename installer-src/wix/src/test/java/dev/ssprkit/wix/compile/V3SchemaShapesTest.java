package dev.ssprkit.wix.compile;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import static dev.ssprkit.wix.compile.ShapeBuilds.PROGRAM_FILES;
import static dev.ssprkit.wix.compile.ShapeBuilds.rows;
import static dev.ssprkit.wix.compile.ShapeBuilds.v3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Elements and attributes of WiX v3's schema (wix.xsd) that its compiler accepts and this one refused, found by
 * compiling every schema element with all its attributes (2026-12-05). Expected rows come from WiX v3's Compiler.cs
 * (ParseComponentElement, ParseInterfaceElement, ParseIsolateComponentElement, ParseVerbElement) and the MSI SDK's
 * table definitions, read back with msiinfo.
 */
@Tag("interop")
class V3SchemaShapesTest {
    @TempDir Path dir;


    /** ParseComponentElement hands an Interface child to ParseInterfaceElement without a class or type library. */
    @Test
    void anInterfaceDirectlyInAComponentIsRegistered() throws Exception {
        Tool.require("msiinfo");
        Path msi = dir.resolve("iface.msi");
        BuildResult r = v3(dir, "", PROGRAM_FILES, """
                <File Id="app.exe" Source="app.exe" KeyPath="yes"/>
                <Interface Id="{8E5DA1B7-2C3D-4E5F-8A9B-0C1D2E3F4A5B}" Name="IShapes" ProxyStubClassId32="{00020420-0000-0000-C000-000000000046}"/>
                """, msi, b -> b.platform("x86"));
        assertTrue(r.success(), r.diagnostics().toString());
        List<String> keys = ShapeBuilds.registry(msi);
        assertTrue(keys.contains("0\tInterface\\{8E5DA1B7-2C3D-4E5F-8A9B-0C1D2E3F4A5B}\t\tIShapes"), keys::toString);
        assertTrue(keys.contains("0\tInterface\\{8E5DA1B7-2C3D-4E5F-8A9B-0C1D2E3F4A5B}\\ProxyStubClsid32\t\t{00020420-0000-0000-C000-000000000046}"), keys::toString);
    }

    /** IsolateComponent: an IsolatedComponent row (Component_Shared, Component_Application) and the IsolateComponents action. */
    @Test
    void anIsolatedComponentGetsItsRowAndAction() throws Exception {
        Tool.require("msiinfo");
        Files.writeString(dir.resolve("shared.dll"), "stand-in");
        Files.writeString(dir.resolve("app.exe"), "stand-in payload");
        Path msi = dir.resolve("iso.msi");
        BuildResult r = TestBuild.build(dir, """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="Shapes" Language="1033" Version="1.0.0" Manufacturer="Example Corporation" UpgradeCode="{2E3F4A5B-6C7D-4E8F-9A0B-1C2D3E4F5A6D}">
                    <Package InstallerVersion="200" Compressed="yes"/>
                    <MediaTemplate EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="APP" Name="Shapes">
                      <Component Id="App" Guid="{2E3F4A5B-6C7D-4E8F-9A0B-000000000011}">
                        <File Id="app.exe" Source="app.exe" KeyPath="yes"/>
                        <IsolateComponent Shared="Shared"/>
                      </Component>
                      <Component Id="Shared" Guid="{2E3F4A5B-6C7D-4E8F-9A0B-000000000012}"><File Id="shared.dll" Source="shared.dll" KeyPath="yes"/></Component>
                    </Directory></Directory></Directory>
                    <Feature Id="F" Level="1"><ComponentRef Id="App"/><ComponentRef Id="Shared"/></Feature>
                  </Product>
                </Wix>
                """, msi, b -> b.platform("x86"));
        assertTrue(r.success(), r.diagnostics().toString());
        assertEquals(List.of("Shared\tApp"), rows(msi, "IsolatedComponent"));
        // the SDK's suggested sequence: IsolateComponents at 950, between FileCost and CostFinalize
        assertTrue(rows(msi, "InstallExecuteSequence").contains("IsolateComponents\t\t950"), rows(msi, "InstallExecuteSequence")::toString);
    }

    /** v3's deprecated Verb/@Target: the command's target as written (ParseVerbElement), with a deprecation warning. */
    @Test
    void aV3VerbTargetIsTheCommandAsWritten() throws Exception {
        Tool.require("msiinfo");
        Path msi = dir.resolve("verb.msi");
        BuildResult r = v3(dir, "", PROGRAM_FILES, """
                <File Id="app.exe" Source="app.exe" KeyPath="yes"/>
                <ProgId Id="Shapes.Doc" Description="Shapes document">
                  <Extension Id="shp"><Verb Id="open" Command="Open" Target="[APP]app.exe" Argument="&quot;%1&quot;"/></Extension>
                </ProgId>
                """, msi, b -> b.platform("x86"));
        assertTrue(r.success(), r.diagnostics().toString());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.id().equals("WIX0113") && d.text().contains("Target")), r.diagnostics().toString());
        List<String> keys = ShapeBuilds.registry(msi);
        assertTrue(keys.contains("0\tShapes.Doc\\shell\\open\\command\t\t[APP]app.exe \"%1\""), keys::toString);
    }
}

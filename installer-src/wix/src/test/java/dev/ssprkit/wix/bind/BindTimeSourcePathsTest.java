package dev.ssprkit.wix.bind;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Payload paths that only the binder can finish, as real v3 sources write them: a named bind path in a Binary's
 * SourceFile ({@code !(bindpath.openvpnmsica)openvpnmsica.dll} with {@code -b openvpnmsica=DIR}, OpenVPN's build; WiX's
 * documentation of bind paths: "!(bindpath.NAME)" selects the folders given as {@code -b NAME=DIR}), and a WixVariable
 * in a File's Source ({@code !(wix.DocumentationFolder)\redis.windows.conf}, the Redis for Windows installer, built by
 * light, which resolves WixVariables in source paths before it looks for the file). The expected bytes are the files'
 * own, read back from the package with msitools.
 */
@Tag("interop")
class BindTimeSourcePathsTest {
    @TempDir Path dir;

    private static final String PACKAGE = """
            <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
              <Product Id="*" Name="Bind Paths" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{6A1B2C3D-4E5F-4A6B-8C7D-8E9F0A1B2C3D}">
                <Package InstallerVersion="200" Compressed="yes"/>
                <MediaTemplate EmbedCab="yes"/>
                <WixVariable Id="DocumentationFolder" Value="docs"/>
                <Binary Id="Helper" SourceFile="%s"/>
                <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="INSTALLFOLDER" Name="BindPaths">
                  <Component Id="Readme" Guid="{7B2C3D4E-5F6A-4B7C-9D8E-9F0A1B2C3D4E}">
                    <File Id="Readme" Name="readme.txt" Source="!(wix.DocumentationFolder)\\readme.txt" KeyPath="yes"/>
                  </Component>
                </Directory></Directory></Directory>
                <Feature Id="Main" Level="1"><ComponentRef Id="Readme"/></Feature>
              </Product>
            </Wix>
            """;

    @Test
    void aNamedBindPathFindsTheBinaryAndAWixVariableTheFile() throws Exception {
        Tool.require("msiinfo", "msiextract");
        byte[] helper = "not really a DLL, but bytes to find again".getBytes(StandardCharsets.US_ASCII);
        byte[] readme = "read me\r\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(Files.createDirectories(dir.resolve("out/tools")).resolve("helper.dll"), helper);
        Files.write(Files.createDirectories(dir.resolve("docs")).resolve("readme.txt"), readme);
        Path msi = dir.resolve("p.msi");
        BuildResult r = TestBuild.build(dir, PACKAGE.formatted("!(bindpath.tools)helper.dll"), msi,
                b -> b.bindPaths(List.of("tools=out\\tools")));
        assertTrue(r.success(), r.diagnostics().toString());
        // msiinfo extract writes the stream to standard output (ASCII here, so the text is the bytes)
        assertEquals(new String(helper, StandardCharsets.US_ASCII), Tool.run("msiinfo", "extract", msi.toString(), "Binary.Helper").assertOk().stdout());
        Path out = Files.createDirectories(dir.resolve("extracted"));
        Tool.run(List.of("msiextract", "-C", out.toString(), msi.toString())).assertOk();
        try (var s = Files.walk(out)) {
            Path installed = s.filter(p -> p.getFileName().toString().equals("readme.txt")).findFirst().orElseThrow();
            assertArrayEquals(readme, Files.readAllBytes(installed));
        }
    }

    @Test
    void anUnknownBindPathNameIsALocatedErrorAndNoPackage() throws Exception {
        Files.write(Files.createDirectories(dir.resolve("docs")).resolve("readme.txt"), new byte[] {1});
        Path msi = dir.resolve("p.msi");
        BuildResult r = TestBuild.build(dir, PACKAGE.formatted("!(bindpath.nosuch)helper.dll"), msi);
        assertFalse(r.success());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.toString().contains("p.wxs:6:") && d.toString().contains("no bind path of that name")),
                r.diagnostics().toString());
        assertFalse(Files.exists(msi));
    }

    @Test
    void aWixVariableThatNamesNoFileSaysWhereItLooked() throws Exception {
        Files.write(Files.createDirectories(dir.resolve("out/tools")).resolve("helper.dll"), new byte[] {1});
        Path msi = dir.resolve("p.msi");
        BuildResult r = TestBuild.build(dir, PACKAGE.formatted("!(bindpath.tools)helper.dll"), msi, b -> b.bindPaths(List.of("tools=out/tools")));
        assertFalse(r.success());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.toString().contains("readme.txt") && d.toString().contains(dir.resolve("docs").toString())),
                r.diagnostics().toString());
        assertFalse(Files.exists(msi));
    }
}

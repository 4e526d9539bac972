package dev.ssprkit.wix.source;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import dev.ssprkit.wix.WixBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A UTF-8 source that declares {@code encoding='windows-1252'} (starship's installer source, whose Package/@Description
 * ends in a comet, a galaxy and U+FE0F). WiX reads it with Windows' code page 1252, which maps every byte, the five
 * undefined ones (0x81, 0x8D, 0x8F, 0x90, 0x9D) to the C1 controls of the same value (the code page's best-fit table
 * that MultiByteToWideChar uses), and writes the summary strings back in code page 1252: the Subject holds the
 * source's bytes unchanged. Read back with msiinfo (msitools), which prints the stored bytes as they are.
 */
@Tag("interop")
class MislabelledEncodingTest {
    @TempDir Path dir;

    @Test
    void utf8BytesDeclaredWindows1252ComeBackUnchangedInTheSummary() throws Exception {
        Tool.require("msiinfo");
        String description = "Prompt \u2604\uD83C\uDF0C\uFE0F"; // E2 98 84, F0 9F 8C 8C, EF B8 8F (0x8F is undefined in 1252)
        ByteArrayOutputStream src = new ByteArrayOutputStream();
        src.write("<?xml version='1.0' encoding='windows-1252'?>\n".getBytes(StandardCharsets.US_ASCII));
        src.write(("""
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="Mislabelled" Language="1033" Codepage="1252" Version="1.0.0" Manufacturer="ssprkit tests"
                           UpgradeCode="{7A1B2C3D-4E5F-4A6B-8C7D-8E9F0A1B2C31}">
                    <Package InstallerVersion="200" Compressed="yes" SummaryCodepage="1252" Description="%s"/>
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="INSTALLFOLDER" Name="M">
                      <Component Id="C" Guid="{7B2C3D4E-5F6A-4B7C-9D8E-9F0A1B2C3D41}">
                        <RegistryValue Root="HKLM" Key="Software\\ssprkit tests\\M" Name="On" Value="1" KeyPath="yes"/>
                      </Component>
                    </Directory></Directory></Directory>
                    <Feature Id="Main" Level="1"><ComponentRef Id="C"/></Feature>
                  </Product>
                </Wix>
                """).formatted(description).getBytes(StandardCharsets.UTF_8));
        Path wxs = Files.write(dir.resolve("main.wxs"), src.toByteArray());
        Path msi = dir.resolve("m.msi");
        BuildResult r = WixBuild.build(BuildRequest.builder(msi, List.of(wxs)).environment(Map.of()).workingDirectory(dir)
                .buildTime(TestBuild.BUILD_TIME).build());
        assertTrue(r.success(), r.diagnostics().toString());
        Process p = new ProcessBuilder("msiinfo", "suminfo", msi.toString()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor();
        byte[] expected = description.getBytes(StandardCharsets.UTF_8);
        assertTrue(indexOf(out, expected) >= 0, () -> "msiinfo suminfo:\n" + new String(out, StandardCharsets.ISO_8859_1));
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}

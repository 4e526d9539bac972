package dev.ssprkit.wix.merge;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;


/**
 * Opt-in: merges modules we may not redistribute (WiX's own test modules, vendors' modules) given as
 * {@code -Dssprkit.msm=/path/a.msm:/path/b.msm}. Each is merged alone into a small package, which must build, and
 * every file of the module's cabinet (as cabextract reads it) must come out of the package byte-identical (as
 * msiextract reads it). Without the property the test does not run: it is a tool for checking outside modules, not
 * part of CI (the committed Wix# modules cover that in {@link MergeModuleWineTest}).
 */
@Tag("interop")
class ForeignModuleTest {
    @TempDir Path dir;

    @Test
    void eachGivenModuleMergesAndItsFilesComeOutOfThePackage() throws Exception {
        String given = System.getProperty("ssprkit.msm");
        Assumptions.assumeTrue(given != null && !given.isBlank(), "opt-in: give modules with -Dssprkit.msm=a.msm" + File.pathSeparator + "b.msm");
        Tool.require("msiinfo", "msiextract", "cabextract");
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (String path : given.split(File.pathSeparator)) {
            Path work = Files.createDirectories(dir.resolve("m" + n++));
            // a copy beside the package source: the build reads only under its own folders
            Path msm = Files.copy(Path.of(path).toAbsolutePath(), work.resolve(Path.of(path).getFileName()));
            String template = MergeFixtures.summary(msm).getOrDefault("Template", "Intel;0");
            // WiX 3 writes Intel into a 64-bit module's Template; its 64-bit components (Attributes 0x100) tell
            boolean components64 = MergeFixtures.export(msm, "Component").stream().anyMatch(c -> (Integer.parseInt(c.get(3)) & 0x100) != 0);
            String arch = template.startsWith("Arm64") ? "arm64" : template.startsWith("Intel;") && !components64 ? "x86" : "x64";
            String programFiles = arch.equals("x86") ? "ProgramFilesFolder" : "ProgramFiles64Folder";
            Path wxs = Files.writeString(work.resolve("package.wxs"), """
                    <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                      <Product Id="*" Name="Foreign Module Test" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="7E8F9A0B-1C2D-4E3F-8A5B-6C7D8E9F0A1B">
                        <Package InstallerVersion="500" Compressed="yes"/>
                        <Media Id="1" Cabinet="p.cab" EmbedCab="yes"/>
                        <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="%s"><Directory Id="INSTALLDIR" Name="Foreign">
                          <Merge Id="Foreign" SourceFile="%s" Language="0" DiskId="1"/>
                        </Directory></Directory></Directory>
                        <Feature Id="Main" Level="1"><MergeRef Id="Foreign"/></Feature>
                      </Product>
                    </Wix>
                    """.formatted(programFiles, msm));
            Path msi = work.resolve("package.msi");
            BuildResult r = MergeFixtures.build(wxs, msi, Map.of(), arch);
            System.out.println(msm.getFileName() + " (" + arch + "): " + (r.success() ? "merged" : "failed") + " " + r.errors());
            if (!r.success()) {
                failures.add(msm.getFileName() + ": " + r.errors());
                continue;
            }
            Map<String, Integer> expected = digests(cabextract(msm, work));
            Path out = Files.createDirectories(work.resolve("msi"));
            Tool.run("msiextract", "-C", out.toString(), msi.toString()).assertOk();
            Map<String, Integer> actual = digests(out);
            for (Map.Entry<String, Integer> e : expected.entrySet()) {
                if (actual.getOrDefault(e.getKey(), 0) < e.getValue()) failures.add(msm.getFileName() + ": a cabinet file (SHA-256 " + e.getKey() + ") is not in the package");
            }
            System.out.println(msm.getFileName() + ": " + expected.values().stream().mapToInt(Integer::intValue).sum() + " files checked");
        }
        assertEquals(List.of(), failures);
    }

    private static Path cabextract(Path msm, Path work) throws Exception {
        Path cab = MergeFixtures.extractStream(msm, "MergeModule.CABinet", work.resolve("module.cab"));
        Path out = Files.createDirectories(work.resolve("cab"));
        Tool.run("cabextract", "-q", "-d", out.toString(), cab.toString()).assertOk();
        return out;
    }

    /** SHA-256 of every file under {@code root} → how many files have it. */
    private static Map<String, Integer> digests(Path root) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        try (var walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("module.cab")).toList()) {
                out.merge(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))), 1, Integer::sum);
            }
        }
        return out;
    }
}

package dev.ssprkit.cli;

import dev.ssprkit.common.ExitStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Options of {@code wix build} (WiX's command-line reference) that real build scripts pass and {@code sspr build} now
 * takes: {@code -nologo} (psqlODBC), {@code -pdbtype none} (WSL's CMake), {@code -sw} / {@code -swN} (suppress all
 * warnings / warning N; windows_exporter passes {@code -sw1149}). The package below draws one warning: ICE61, for a
 * MajorUpgrade that allows same-version upgrades (the SDK's ICE61 page: the product's own version is in the range).
 */
class WixBuildOptionsCliTest {
    @TempDir Path dir;

    private Path source() throws Exception {
        return Files.writeString(dir.resolve("w.wxs"), """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="Opts" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="8192A3B4-C5D6-47E8-99A0-1B2C3D4E5F67">
                    <MajorUpgrade AllowSameVersionUpgrades="yes" DowngradeErrorMessage="newer installed" />
                    <MediaTemplate EmbedCab="yes" />
                    <StandardDirectory Id="ProgramFiles6432Folder"><Directory Id="INSTALLFOLDER" Name="Opts" /></StandardDirectory>
                    <Feature Id="Main">
                      <Component Directory="INSTALLFOLDER"><RegistryValue Root="HKLM" Key="Software\\ssprkit tests\\Opts" Name="v" Value="1" Type="string" /></Component>
                    </Feature>
                  </Package>
                </Wix>
                """);
    }

    private Cli.Run build(String name, String... options) throws Exception {
        String[] args = new String[4 + options.length];
        args[0] = "build";
        args[1] = source().toString();
        System.arraycopy(options, 0, args, 2, options.length);
        args[2 + options.length] = "-o";
        args[3 + options.length] = dir.resolve(name).toString();
        return Cli.linux().run(args);
    }

    @Test
    void theWarningIsPrintedWithoutOptions() throws Exception {
        Cli.Run r = build("plain.msi");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning WIX0191: ICE61"), r.err());
    }

    @Test
    void nologoAndPdbtypeNoneBuildAsBefore() throws Exception {
        for (String[] o : new String[][] {{"-nologo"}, {"--nologo"}, {"-pdbtype", "none"}}) {
            Cli.Run r = build("n" + o[0].length() + o.length + ".msi", o);
            assertEquals(0, r.code(), String.join(" ", o) + ": " + r.err());
            assertTrue(Files.exists(dir.resolve("n" + o[0].length() + o.length + ".msi")));
        }
    }

    @Test
    void pdbtypeFullSaysThatNoPdbIsWrittenAndABadTypeIsAUsageError() throws Exception {
        Cli.Run full = build("full.msi", "-pdbtype", "full");
        assertEquals(0, full.code(), full.err());
        assertTrue(full.err().contains("sspr writes no .wixpdb"), full.err());
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".wixpdb")));
        }
        Cli.Run bad = build("bad.msi", "-pdbtype", "fat");
        assertEquals(ExitStatus.USAGE.code, bad.code(), bad.err());
        assertTrue(bad.err().contains("-pdbtype must be full, portable or none"), bad.err());
        assertFalse(Files.exists(dir.resolve("bad.msi")));
    }

    @Test
    void swSuppressesAllWarningsAndSwNThatOneOnly() throws Exception {
        Cli.Run all = build("sw.msi", "-sw");
        assertEquals(0, all.code(), all.err());
        assertFalse(all.err().contains("warning"), all.err());

        Cli.Run ours = build("sw191.msi", "-sw191");
        assertEquals(0, ours.code(), ours.err());
        assertFalse(ours.err().contains("WIX0191"), ours.err());

        Cli.Run other = build("sw1149.msi", "-sw1149");
        assertEquals(0, other.code(), other.err());
        assertTrue(other.err().contains("warning WIX0191: ICE61"), "a number sspr does not use hides nothing: " + other.err());
    }

    /**
     * wix build's {@code -wx} / {@code -wxN} (WiX's command-line reference: treat all warnings, or warning N, as
     * errors): a raised warning fails the build with exit 3 and no package. A suppressed warning is not raised. ICE
     * findings of a v4 source stay warnings, since wix build does not validate, unless --fail-on-ice asks for the
     * validating build's behaviour.
     */
    @Test
    void wxRaisesWarningsToErrorsAndWritesNothing() throws Exception {
        Path wide = Files.writeString(dir.resolve("wide.wxs"), Files.readString(source()).replace("Version=\"1.0.0\"", "Version=\"1.256.0\""));
        // a minor version over 255: WIX0116 (WiX v4+ warns too), raised by -wx and -wx116 but not by -wx1149
        for (String[] o : new String[][] {{"-wx"}, {"-wx116"}, {"--warning-as-error=WIX0116"}}) {
            Path out = dir.resolve("wide-" + o[0].length() + ".msi");
            Cli.Run r = Cli.linux().run("build", wide.toString(), o[0], "-o", out.toString());
            assertEquals(ExitStatus.BAD_INPUT.code, r.code(), o[0] + ": " + r.err());
            assertTrue(r.err().contains("wide.wxs:2:") && r.err().contains("error WIX0116"), r.err());
            assertFalse(Files.exists(out), "no package: " + o[0]);
        }
        for (String[] o : new String[][] {{"-wx1149"}, {"-wx", "-sw116"}}) {
            Path out = dir.resolve("wide-ok-" + o.length + ".msi");
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("build", wide.toString()));
            args.addAll(java.util.List.of(o));
            args.addAll(java.util.List.of("-o", out.toString()));
            Cli.Run r = Cli.linux().run(args.toArray(String[]::new));
            assertEquals(0, r.code(), String.join(" ", o) + ": " + r.err());
            assertFalse(r.err().contains("error WIX0116"), r.err());
            assertEquals(o.length == 1, r.err().contains("warning WIX0116"), "printed unless suppressed: " + r.err());
            assertTrue(Files.exists(out));
        }

        Cli.Run ice = build("ice.msi", "-wx");
        assertEquals(0, ice.code(), "wix build does not validate, so -wx leaves ICE61 a warning: " + ice.err());
        assertTrue(ice.err().contains("warning WIX0191: ICE61"), ice.err());
        Cli.Run strict = build("strict.msi", "-wx", "--fail-on-ice");
        assertEquals(ExitStatus.BAD_INPUT.code, strict.code(), strict.err());
        assertTrue(strict.err().contains("error WIX0191: ICE61"), strict.err());
        assertFalse(Files.exists(dir.resolve("strict.msi")));

        Cli.Run bad = build("bad.msi", "-wx0");
        assertEquals(ExitStatus.USAGE.code, bad.code(), bad.err());
        assertTrue(bad.err().contains("not '0'"), bad.err());
    }

    @Test
    void candleLightAndWixBuildSwitchesThatChangeNothingHereAreAccepted() throws Exception {
        // wix build: -intermediatefolder, -pdb; light: -spdb, -sacl, -ss, -sh, -cultures:xx, -dcl:high, -pdbout;
        // candle/light: -v (WiX's command-line references)
        Cli.Run r = build("acc.msi", "-intermediatefolder", dir.resolve("obj").toString(), "-spdb", "-sacl", "-ss", "-sh", "-v",
                "-cultures:en-us", "-dcl:high", "-pdb", dir.resolve("acc.wixpdb").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(dir.resolve("acc.msi")));
        assertTrue(r.err().contains("warning: -pdb ") && r.err().contains("sspr writes no .wixpdb"), r.err());
        assertFalse(Files.exists(dir.resolve("acc.wixpdb")), "no .wixpdb is written");
        assertFalse(Files.exists(dir.resolve("obj")), "no intermediate folder is made");
        Cli.Run bad = build("bad.msi", "-dcl:fastest");
        assertEquals(ExitStatus.USAGE.code, bad.code(), "light's -dcl: spelling is checked like -dcl: " + bad.err());
    }
}

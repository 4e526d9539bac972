package dev.ssprkit.cli;

import dev.ssprkit.builder.ComponentSpec;
import dev.ssprkit.builder.PackageBuilder;
import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.WriteOptions;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.transform.TransformReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The fleet-scale subcommands in-process: {@code transform from-reg}, {@code intunewin pack/unpack},
 * {@code report}; exit statuses from the one table in installer-src/cli/README.md, no output on bad input.
 */
class FleetCommandsTest {
    @TempDir Path dir;

    Path msi() throws Exception {
        Path payload = Files.writeString(dir.resolve("app.txt"), "application bytes\n");
        PackageBuilder pkg = PackageBuilder.product("Fleet Sample", "ssprkit tests", "3.1.0", "{44444444-5555-6666-7777-888888888888}");
        ComponentSpec c = pkg.component("Main", pkg.programFiles().subdirectory("INSTALLDIR", "Fleet Sample"));
        c.file(payload);
        pkg.feature("Complete", "Complete").add(c);
        Path msi = dir.resolve("fleet.msi");
        pkg.write(msi, new WriteOptions(Instant.parse("2026-01-01T00:00:00Z")));
        return msi;
    }

    Path reg(String name, String body) throws Exception {
        return Files.writeString(dir.resolve(name), "Windows Registry Editor Version 5.00\r\n\r\n" + body, StandardCharsets.UTF_8);
    }

    @Test
    void transformFromRegWritesTheTransformAndSaysWhatItAdded() throws Exception {
        Path msi = msi();
        Path reg = reg("settings.reg", "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Fleet]\r\n\"On\"=dword:00000001\r\n");
        Path mst = dir.resolve("fleet.mst");
        Cli.Run r = Cli.linux().run("transform", "from-reg", "--msi", msi.toString(), "--reg", reg.toString(), "-o", mst.toString(), "--permanent");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("component ssprkitRegHKLM"), r.out());
        assertTrue(r.out().contains("permanent"), r.out());
        try (Database db = MsiReader.read(msi)) {
            TransformReader.apply(db, mst);
            assertEquals("#1", db.table("Registry").rows().get(0).string("Value"));
        }
    }

    @Test
    void transformFromRegRefusesWhatItCannotWriteWithTheLineAndWritesNothing() throws Exception {
        Path msi = msi();
        Path reg = reg("bad.reg", "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Fleet]\r\n\"Big\"=hex(b):01,00,00,00,00,00,00,00\r\n");
        Path mst = dir.resolve("fleet.mst");
        Cli.Run r = Cli.linux().run("transform", "from-reg", "--msi", msi.toString(), "--reg", reg.toString(), "-o", mst.toString());
        assertEquals(Sspr.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("bad.reg:4:") && r.err().contains("REG_QWORD"), r.err());
        assertFalse(Files.exists(mst));
        Cli.Run malformed = Cli.linux().run("transform", "from-reg", "--msi", msi.toString(), "--reg",
                reg("worse.reg", "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Fleet]\r\n\"X\"=dword:zz\r\n").toString(), "-o", mst.toString());
        assertEquals(Sspr.BAD_INPUT, malformed.code(), malformed.err());
        assertTrue(malformed.err().contains("4"), malformed.err());
        assertFalse(Files.exists(mst));
    }

    @Test
    void intunewinPackThenUnpackGivesTheSetupFileBack() throws Exception {
        Path msi = msi();
        Path pkg = dir.resolve("out/fleet.intunewin");
        Cli.Run p = Cli.linux().run("intunewin", "pack", "--setup", msi.toString(), "-o", pkg.toString(), "--json");
        assertEquals(0, p.code(), p.err());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(p.out());
        assertEquals("fleet.msi", json.path("setupFile").asText());
        assertEquals("3.1.0", json.path("msiInfo").path("productVersion").asText());
        assertFalse(p.out().contains("EncryptionKey") || p.out().contains("encryptionKey"), "no keys on stdout");
        Cli.Run u = Cli.linux().run("intunewin", "unpack", pkg.toString(), "-o", dir.resolve("files").toString());
        assertEquals(0, u.code(), u.err());
        assertArrayEquals(Files.readAllBytes(msi), Files.readAllBytes(dir.resolve("files/fleet.msi")));
    }

    @Test
    void intunewinUnpackRefusesAWrongHmacWithExitThreeAndNoOutput() throws Exception {
        Path pkg = dir.resolve("fleet.intunewin");
        assertEquals(0, Cli.linux().run("intunewin", "pack", "--setup", msi().toString(), "-o", pkg.toString()).code());
        Path bad = dir.resolve("tampered.intunewin");
        try (var in = new java.util.zip.ZipFile(pkg.toFile()); var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(bad))) {
            for (var e : java.util.Collections.list(in.entries())) {
                byte[] b = in.getInputStream(e).readAllBytes();
                if (e.getName().endsWith("IntunePackage.intunewin")) b[b.length - 1] ^= 0x40; // the last ciphertext block
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(b);
                out.closeEntry();
            }
        }
        Cli.Run u = Cli.linux().run("intunewin", "unpack", bad.toString(), "-o", dir.resolve("files").toString());
        assertEquals(Sspr.BAD_INPUT, u.code(), u.err());
        assertTrue(u.err().contains("tampered.intunewin") && u.err().contains("HMAC-SHA256"), u.err());
        assertFalse(Files.exists(dir.resolve("files")));
        Cli.Run missing = Cli.linux().run("intunewin", "unpack", dir.resolve("nope.intunewin").toString(), "-o", dir.resolve("files").toString());
        assertEquals(Sspr.IO_ERROR, missing.code(), missing.err());
    }

    @Test
    void reportReadsAFolderListsTheUnreadableAndWritesThePageAndCsv() throws Exception {
        Path share = Files.createDirectories(dir.resolve("share"));
        Cli.Run pf = Cli.linux().run("preflight", "--reg-file", reg("pc.reg", "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]\r\n"
                + "\"CurrentVersion\"=\"6.1\"\r\n\"CurrentBuildNumber\"=\"7601\"\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName]\r\n"
                + "\"ComputerName\"=\"PC-1\"\r\n").toString(), "--offline", "--json");
        assertEquals(1, pf.code(), "Windows 7 without TLS 1.2 has a blocker: " + pf.err());
        Files.writeString(share.resolve("PC-1.json"), pf.out());
        Files.writeString(share.resolve("PC-2.json"), pf.out().substring(0, 40));
        Path html = dir.resolve("out/readiness.html"), csv = dir.resolve("out/readiness.csv");
        Cli.Run r = Cli.linux().run("report", share.toString(), "-o", html.toString(), "--csv", csv.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1 machines (0 ready, 1 blocked, 0 unknown) from 2 input file(s)"), r.out());
        assertTrue(r.err().contains("PC-2.json") && r.err().contains("not valid JSON"), r.err());
        assertTrue(Files.readString(html).contains("PC-2.json"));
        assertTrue(Files.readString(csv).contains("PC-1,Blocked,Windows 7 SP1,PF020"), Files.readString(csv));
        Cli.Run none = Cli.linux().run("report", Files.createDirectories(dir.resolve("empty")).toString(), "-o", html.toString());
        assertEquals(Sspr.USAGE, none.code(), none.err());
    }
}

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
}

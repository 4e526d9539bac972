package dev.ssprkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * install / uninstall / repair in-process against a fake msiexec (a shell script that records its arguments, writes
 * a prepared verbose log and exits with scripted codes; as through Wine, only the low byte of the code survives).
 */
class MsiexecCommandsTest {
    @TempDir Path dir;

    Path fake(List<Integer> codes, String log) throws Exception {
        Files.writeString(dir.resolve("codes.txt"), String.join("\n", codes.stream().map(String::valueOf).toList()) + "\n");
        if (log != null) {
            byte[] text = log.getBytes(StandardCharsets.UTF_16LE);
            byte[] withBom = new byte[text.length + 2];
            withBom[0] = (byte) 0xFF;
            withBom[1] = (byte) 0xFE;
            System.arraycopy(text, 0, withBom, 2, text.length);
            Files.write(dir.resolve("log.template"), withBom);
        }
        Path script = dir.resolve("fake msiexec.sh");
        Files.writeString(script, """
                #!/bin/sh
                d='%s'
                for a in "$@"; do printf '[%%s]' "$a" >> "$d/calls.txt"; done
                echo >> "$d/calls.txt"
                log=''; prev=''
                for a in "$@"; do
                  if [ "$prev" = '/l*vx' ]; then log="$a"; fi
                  prev="$a"
                done
                if [ -n "$log" ] && [ -f "$d/log.template" ]; then cp "$d/log.template" "$log"; fi
                n=$(wc -l < "$d/calls.txt")
                code=$(sed -n "${n}p" "$d/codes.txt")
                [ -z "$code" ] && code=$(tail -n 1 "$d/codes.txt")
                exit $((code %% 256))
                """.formatted(dir));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    List<String> calls() throws Exception {
        return Files.exists(dir.resolve("calls.txt")) ? Files.readAllLines(dir.resolve("calls.txt")) : List.of();
    }

    Path msi() throws Exception {
        return Files.writeString(dir.resolve("pkg.msi"), "not read by the CLI; msiexec opens it");
    }

    @Test
    void installPassesQuietOptionsLogPropertiesAndTransforms() throws Exception {
        Path script = fake(List.of(0), null);
        Path msi = msi();
        Path mst = Files.writeString(dir.resolve("a.mst"), "x");
        Path log = dir.resolve("logs/deep/install.log");
        Cli.Run r = Cli.linux().run("install", msi.toString(), "--msiexec", "\"" + script + "\"", "--log", log.toString(),
                "-p", "ENABLELOGGING=1", "-p", "GREETING=hello world", "-t", mst.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("msiexec exited 0: success"), r.out());
        assertTrue(Files.isDirectory(log.getParent()), "the log folder is created first");
        assertEquals("[/i][" + msi + "][/qn][/norestart][/l*vx][" + log + "][ENABLELOGGING=1][GREETING=hello world][TRANSFORMS="
                + mst.toAbsolutePath() + "]", calls().get(0));
    }

    @Test
    void msiexecComesFromTheEnvironmentWhenNotGivenAndWineGetsWindowsTransformPaths() throws Exception {
        Path script = fake(List.of(0), null);
        Path wine = dir.resolve("wine");
        Files.writeString(wine, "#!/bin/sh\nshift\nexec \"$(dirname \"$0\")/fake msiexec.sh\" \"$@\"\n");
        Files.setPosixFilePermissions(wine, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path mst = Files.writeString(dir.resolve("a.mst"), "x");
        Cli cli = new Cli(Map.of(MsiexecOptions.ENV_MSIEXEC, wine + " msiexec"), null, null);
        Cli.Run r = cli.run("install", msi().toString(), "-t", mst.toString(), "--log", dir.resolve("l.log").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(calls().get(0).contains("[TRANSFORMS=Z:" + mst.toAbsolutePath().toString().replace('/', '\\') + "]"), calls().toString());
        assertTrue(script.toFile().exists());
    }

    @Test
    void fatalErrorNamesTheFailingActionFromTheVerboseLog() throws Exception {
        Path script = fake(List.of(1603), """
                Action start 10:00:01: InstallInitialize.\r
                Action start 10:00:02: WriteRegistryValues.\r
                Action ended 10:00:03: WriteRegistryValues. Return value 3.\r
                """);
        Cli.Run r = Cli.linux().run("install", msi().toString(), "--msiexec", "\"" + script + "\"", "--log", dir.resolve("i.log").toString());
        assertEquals(13, r.code(), r.err());
        assertTrue(r.err().contains("1603") && r.err().contains("failing action: WriteRegistryValues"), r.err());
        JsonNode json = new ObjectMapper().readTree(Cli.linux().run("install", msi().toString(), "--msiexec", "\"" + script + "\"",
                "--log", dir.resolve("j.log").toString(), "--json").out());
        assertEquals("FATAL_ERROR", json.path("result").asText());
        assertEquals("WriteRegistryValues", json.path("failedAction").asText());
        assertEquals(13, json.path("status").asInt());
    }

    @Test
    void busyIsRetriedThenSucceedsWithARestartNeeded() throws Exception {
        Path script = fake(List.of(1618, 1618, 3010), null);
        Cli.Run r = Cli.linux().run("repair", msi().toString(), "--msiexec", "\"" + script + "\"", "--retry-delay", "0",
                "--log", dir.resolve("r.log").toString());
        assertEquals(11, r.code(), r.err());
        assertTrue(r.out().contains("restart is required") && r.out().contains("after 3 attempts"), r.out());
        assertTrue(calls().get(0).startsWith("[/fa]"), calls().toString());
    }

    @Test
    void busyAfterAllRetriesExits15() throws Exception {
        Path script = fake(List.of(1618), null);
        Cli.Run r = Cli.linux().run("install", msi().toString(), "--msiexec", "\"" + script + "\"", "--retries", "2", "--retry-delay", "0",
                "--log", dir.resolve("b.log").toString());
        assertEquals(15, r.code(), r.err());
        assertEquals(2, calls().size());
    }

    @Test
    void uninstallByProductCodeAndTheOtherDocumentedCodes() throws Exception {
        Path script = fake(List.of(1605, 1602, 1624, 1625, 1234), null);
        String code = "{11111111-2222-3333-4444-555555555555}";
        String[] args = {"uninstall", code.toLowerCase(), "--msiexec", "\"" + script + "\"", "--log", dir.resolve("u.log").toString()};
        Cli.Run notInstalled = Cli.linux().run(args);
        assertEquals(14, notInstalled.code());
        assertTrue(notInstalled.err().contains("only valid for products that are currently installed"), notInstalled.err());
        assertTrue(calls().get(0).startsWith("[/x][" + code + "]"), calls().toString());
        assertEquals(12, Cli.linux().run(args).code());
        assertEquals(16, Cli.linux().run(args).code());
        assertEquals(17, Cli.linux().run(args).code());
        Cli.Run unknown = Cli.linux().run(args);
        assertEquals(13, unknown.code());
        assertTrue(unknown.err().contains("unknown msiexec exit code"), unknown.err());
    }

    @Test
    void badInputIsRefusedBeforeMsiexecRuns() throws Exception {
        Path script = fake(List.of(0), null);
        String m = "\"" + script + "\"";
        Cli.Run lower = Cli.linux().run("install", msi().toString(), "--msiexec", m, "-p", "lower=1");
        assertEquals(Sspr.USAGE, lower.code());
        assertTrue(lower.err().contains("not a public property"), lower.err());
        assertEquals(Sspr.USAGE, Cli.linux().run("install", msi().toString(), "--msiexec", m, "-p", "A=say \"hi\"").code());
        assertEquals(Sspr.USAGE, Cli.linux().run("install", msi().toString(), "--msiexec", m, "-p", "NOEQUALS").code());
        assertEquals(Sspr.USAGE, Cli.linux().run("uninstall", "{not-a-guid}", "--msiexec", m).code());
        assertEquals(Sspr.IO_ERROR, Cli.linux().run("install", dir.resolve("missing.msi").toString(), "--msiexec", m).code());
        assertEquals(Sspr.USAGE, Cli.linux().run("install", msi().toString(), "--msiexec", "\"unbalanced").code());
        assertEquals(List.of(), calls());
    }

    @Test
    void splitKeepsQuotedWords() {
        assertEquals(List.of("env", "WINEPREFIX=/a b", "wine", "msiexec"), MsiexecOptions.split("env \"WINEPREFIX=/a b\"  wine msiexec"));
    }
}

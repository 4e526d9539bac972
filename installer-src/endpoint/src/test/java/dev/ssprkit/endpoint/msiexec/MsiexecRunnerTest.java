package dev.ssprkit.endpoint.msiexec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisabledOnOs(OS.WINDOWS) // the fake msiexec is a POSIX shell script; runs on every Linux CI run
class MsiexecRunnerTest {
    @TempDir Path dir;
    final List<Duration> slept = new ArrayList<>();

    private MsiexecRunner runner(FakeMsiexec fake, int attempts) {
        return MsiexecRunner.builder().command(List.of(fake.script.toString())).retryOnBusy(attempts, Duration.ofSeconds(10), Duration.ofSeconds(25))
                .sleeper(slept::add).timeout(Duration.ofSeconds(60)).build();
    }

    static byte[] utf16Log(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    static final String FAILED_LOG = """
            === Verbose logging started: 1/2/2026  10:00:00  Build type: SHIP UNICODE 5.00.10011.00  Calling process: C:\\Windows\\system32\\msiexec.exe ===
            Action start 10:00:01: InstallInitialize.
            Action ended 10:00:01: InstallInitialize. Return value 1.
            Action start 10:00:02: RegisterCredentialProvider.
            CustomAction RegisterCredentialProvider returned actual error code 1603 (note this may not be 100% accurate if translation happened inside sandbox)
            MSI (s) (AC:B0) [10:00:02:123]: Product: SSPR -- Error 1722.
            Action ended 10:00:02: RegisterCredentialProvider. Return value 3.
            Action ended 10:00:03: INSTALL. Return value 3.
            """;

    @ParameterizedTest
    @EnumSource(value = MsiexecExit.class, mode = EnumSource.Mode.EXCLUDE, names = "UNKNOWN")
    void everyDocumentedExitCodeIsMapped(MsiexecExit expected) throws Exception {
        FakeMsiexec fake = new FakeMsiexec(dir, List.of(expected.code), null);
        MsiexecResult r = runner(fake, 1).install(dir.resolve("p.msi"), Map.of(), dir.resolve("logs/install.log"));
        assertEquals(expected.code, r.exitCode());
        assertEquals(expected, r.exit());
        assertEquals(1, r.attempts());
        assertTrue(r.describe().contains(expected.message), r.describe());
        assertEquals(expected.succeeded(), expected.cliStatus <= 1);
    }

    @Test
    void exitStatusesForTheCli() {
        assertEquals(0, MsiexecExit.of(0).cliStatus);
        assertEquals(1, MsiexecExit.of(3010).cliStatus);
        assertTrue(MsiexecExit.of(1641).restartNeeded());
        assertEquals(3, MsiexecExit.of(1603).cliStatus);
        assertEquals(5, MsiexecExit.of(1618).cliStatus);
        assertEquals(MsiexecExit.UNKNOWN, MsiexecExit.of(1234));
        assertEquals(1603, MsiexecExit.widen(67));
        assertEquals(3010, MsiexecExit.widen(194));
        assertEquals(0, MsiexecExit.widen(0));
        assertEquals(1, MsiexecExit.widen(1), "not a documented low byte");
        assertFalse(MsiexecExit.of(1234).succeeded());
    }

    @Test
    void commandLineAndLogFolder() throws Exception {
        FakeMsiexec fake = new FakeMsiexec(dir, List.of(0), null);
        Path log = dir.resolve("deep/er/logs/x.log");
        Map<String, String> props = new LinkedHashMap<>();
        props.put("ENABLELOGGING", "1");
        props.put("INSTALLDIR", "C:\\Program Files\\X Y");
        props.put("EMPTY", "");
        MsiexecResult r = runner(fake, 1).install(Path.of("/pkgs/SsprWindowsLogon.PROD.msi"), props, log);
        assertTrue(Files.isDirectory(log.getParent()), "log folder created first");
        assertEquals(List.of("/i /pkgs/SsprWindowsLogon.PROD.msi /qn /norestart /l*vx " + log + " ENABLELOGGING=1 INSTALLDIR=C:\\Program Files\\X Y EMPTY="),
                fake.calls());
        List<String> argv = r.command();
        assertEquals("INSTALLDIR=C:\\Program Files\\X Y", argv.get(argv.size() - 2), "one argument per property; the launcher quotes it whole");
        assertEquals("ENABLELOGGING=\"1\" INSTALLDIR=\"C:\\Program Files\\X Y\" EMPTY=\"\"", MsiProperties.commandLine(props));
        assertEquals(MsiexecExit.SUCCESS, r.exit());
        runner(fake, 1).uninstall("{86D2F0AC-2171-46CF-9998-4E33B3D7FD4F}", Map.of(), log);
        runner(fake, 1).repair("/pkgs/a.msi", Map.of(), log);
        assertTrue(fake.calls().get(1).startsWith("/x {86D2F0AC-2171-46CF-9998-4E33B3D7FD4F} /qn /norestart /l*vx "));
        assertTrue(fake.calls().get(2).startsWith("/fa /pkgs/a.msi /qn /norestart"));
    }

    @Test
    void unsafePropertiesAreRefusedBeforeAnythingRuns() throws Exception {
        FakeMsiexec fake = new FakeMsiexec(dir, List.of(0), null);
        MsiexecRunner r = runner(fake, 1);
        Path log = dir.resolve("l.log");
        for (Map<String, String> bad : List.of(Map.of("lowercase", "1"), Map.of("1ABC", "x"), Map.of("A B", "x"),
                Map.of("X", "a\" /x {GUID} B=\""), Map.of("X", "line\nbreak"), Map.of("X", "cr\r"))) {
            assertThrows(IllegalArgumentException.class, () -> r.install(dir.resolve("p.msi"), bad, log), bad.toString());
        }
        assertEquals(List.of(), fake.calls());
    }

    @Test
    void busyIsRetriedWithBackOff() throws Exception {
        FakeMsiexec fake = new FakeMsiexec(dir, List.of(1618, 1618, 1618, 0), null);
        MsiexecResult r = runner(fake, 5).install(dir.resolve("p.msi"), Map.of(), dir.resolve("l.log"));
        assertEquals(MsiexecExit.SUCCESS, r.exit());
        assertEquals(4, r.attempts());
        assertEquals(List.of(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(25)), slept);
    }

    @Test
    void busyGivesUpAfterTheLastAttempt() throws Exception {
        FakeMsiexec fake = new FakeMsiexec(dir, List.of(1618), null);
        MsiexecResult r = runner(fake, 3).install(dir.resolve("p.msi"), Map.of(), dir.resolve("l.log"));
        assertEquals(MsiexecExit.ANOTHER_INSTALL_IN_PROGRESS, r.exit());
        assertEquals(3, r.attempts());
        assertEquals(2, slept.size());
        assertEquals(3, fake.calls().size());
    }

    @Test
    void fatalErrorNamesTheFailingActionFromAUtf16Log() throws Exception {
        FakeMsiexec fake = new FakeMsiexec(dir, List.of(1603), utf16Log(FAILED_LOG.replace("\n", "\r\n")));
        MsiexecResult r = runner(fake, 1).install(dir.resolve("p.msi"), Map.of(), dir.resolve("logs/i.log"));
        assertEquals(MsiexecExit.FATAL_ERROR, r.exit());
        assertEquals("RegisterCredentialProvider", r.failedAction());
        assertTrue(r.describe().contains("failing action: RegisterCredentialProvider"), r.describe());
    }

    @Test
    void fatalErrorFromAnAnsiLog() throws Exception {
        String ansi = "Action start 10:00:01: InstallFiles.\nÉchec: Return value 3.\n";
        FakeMsiexec fake = new FakeMsiexec(dir, List.of(1603), ansi.getBytes(Charset.forName("windows-1252")));
        MsiexecResult r = runner(fake, 1).install(dir.resolve("p.msi"), Map.of(), dir.resolve("i.log"));
        assertEquals("InstallFiles", r.failedAction(), "the action started before the first 'Return value 3'");
    }

    @Test
    void otherCodesDoNotReadTheLog() throws Exception {
        FakeMsiexec fake = new FakeMsiexec(dir, List.of(1605), utf16Log(FAILED_LOG));
        assertNull(runner(fake, 1).uninstall("{X}", Map.of(), dir.resolve("u.log")).failedAction());
    }

    @Test
    void verboseLogWithoutFailure() {
        assertNull(VerboseLog.failedAction("Action start 10:00:01: InstallFiles.\nAction ended 10:00:01: InstallFiles. Return value 1.\n"));
        assertEquals("CostFinalize", VerboseLog.failedAction("Action start 1:00:01: CostFinalize.\nAction ended 1:00:01: CostFinalize. Return value 3.\n"));
    }
}

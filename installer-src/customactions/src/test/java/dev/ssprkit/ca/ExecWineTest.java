package dev.ssprkit.ca;

import dev.ssprkit.testkit.Wine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.ssprkit.ca.CustomActionTypes.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The exec family under Wine's msiexec, in 64-bit packages built with the builder: a command runs without a window,
 * its output lands in the MSI log, its exit code decides the action (WiX's "Quiet Execution Custom Action" page:
 * non-zero fails a Return="check" action, so the install ends with 1603). Effects are read from the prefix's disk.
 */
@Tag("interop")
class ExecWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir static Path dir;
    /** msiexec's 1603 (ERROR_INSTALL_FAILURE) as Wine's Unix process passes it on: modulo 256 (oracles.md). */
    static final int INSTALL_FAILURE = 1603 & 0xFF;
    static Path msi;
    static Path v3msi;

    @BeforeAll
    static void build() throws Exception {
        Path scripts = wine.cDrive("C:\\ssprkit-ca");
        Files.createDirectories(scripts);
        // write.cmd TEXT FILE: echoes, then writes TEXT into FILE; fail.cmd: prints a line and exits 7.
        Files.writeString(scripts.resolve("write.cmd"), "@echo off\r\necho writing %~1\r\necho %~1> \"%~2\"\r\nexit /b 0\r\n", StandardCharsets.US_ASCII);
        Files.writeString(scripts.resolve("fail.cmd"), "@echo off\r\necho about to fail\r\nexit /b 7\r\n", StandardCharsets.US_ASCII);

        CaPackage p = new CaPackage("ssprkit Exec", SchemaGeneration.V4, Architecture.X64, dir.resolve("payload"));
        CustomActionBinary util = CustomActionLibrary.binary(LibraryKind.UTIL, SchemaGeneration.V4, Architecture.X64);
        // Each scenario's command is a property of the package (msiexec's command line cannot carry the quotes);
        // the public SCENARIO property picks one, and a type-51 action copies it into the property the entry
        // point reads.
        scenario(p, "immediate", "WixQuietExecCmdLine", "\"C:\\ssprkit-ca\\write.cmd\" immediate C:\\ssprkit-ca\\immediate.txt");
        scenario(p, "fail", "WixQuietExecCmdLine", "\"C:\\ssprkit-ca\\fail.cmd\"");
        scenario(p, "unquoted", "WixQuietExecCmdLine", "C:\\ssprkit-ca\\fail.cmd");
        scenario(p, "overlong", "WixQuietExecCmdLine", "\"" + "x".repeat(40_000) + "\"");
        scenario(p, "silent", "WixSilentExecCmdLine", "\"C:\\ssprkit-ca\\write.cmd\" secret-token C:\\ssprkit-ca\\silent.txt");
        // deferred: WixQuietExec64 runs its CustomActionData, set by a type-51 action on the property named after it
        scenario(p, "deferred", "QuietDeferred", "\"C:\\ssprkit-ca\\write.cmd\" deferred C:\\ssprkit-ca\\deferred.txt");
        scenario(p, "shell", "WixShellExecTarget", "C:\\ssprkit-ca\\shell.cmd");
        // immediate: WixQuietExec reads WixQuietExecCmdLine (formatted), before anything is installed
        p.customAction("QuietNow", IMMEDIATE, util, "WixQuietExec")
                .schedule("QuietNow", "SCENARIO=\"immediate\" OR SCENARIO=\"fail\" OR SCENARIO=\"unquoted\" OR SCENARIO=\"overlong\" OR SCENARIO=\"empty\"", "CostFinalize");
        p.customAction("SilentNow", IMMEDIATE, util, "WixSilentExec").schedule("SilentNow", "SCENARIO=\"silent\"", "CostFinalize");
        p.customAction("QuietDeferred", DEFERRED_SYSTEM, util, "WixQuietExec64").schedule("QuietDeferred", "SCENARIO=\"deferred\"", "InstallFiles");
        p.customAction("ShellNow", IMMEDIATE, util, "WixShellExec").schedule("ShellNow", "SCENARIO=\"shell\"", "CostFinalize");
        msi = p.write(dir.resolve("exec.msi"));

        // WiX v3 names: CAQuietExec reads QtExecCmdLine (binary WixCA_x64, our 64-bit DLL)
        CaPackage v3 = new CaPackage("ssprkit Exec v3", SchemaGeneration.V3, Architecture.X64, dir.resolve("payload3"));
        CustomActionBinary wixca = CustomActionLibrary.binaryById("WixCA_x64").orElseThrow();
        v3.row("Property", "QtExecCmdLine", "\"C:\\ssprkit-ca\\write.cmd\" v3 C:\\ssprkit-ca\\v3.txt");
        v3.customAction("QtExec", IMMEDIATE, wixca, "CAQuietExec").schedule("QtExec", null, "CostFinalize");
        v3msi = v3.write(dir.resolve("exec-v3.msi"));
    }

    /** Scenario NAME: a type-51 action sets PROPERTY to VALUE (kept in a property of its own) when SCENARIO=NAME. */
    private static void scenario(CaPackage p, String name, String property, String value) {
        String holder = "CMD_" + name.toUpperCase();
        p.row("Property", holder, value);
        p.setProperty("Set_" + name, property, "[" + holder + "]").schedule("Set_" + name, "SCENARIO=\"" + name + "\"", "CostInitialize");
    }

    private static WineLog.Run install(Path pkg, String name, String... properties) throws Exception {
        String[] args = new String[properties.length + 3];
        args[0] = "/i";
        args[1] = pkg.toString();
        args[2] = "/qn";
        System.arraycopy(properties, 0, args, 3, properties.length);
        return WineLog.msiexec(wine, dir.resolve(name + ".log"), args);
    }

    private static void uninstall(Path pkg) throws Exception {
        assertEquals(0, wine.msiexec("/x", pkg.toString(), "/qn").exitCode());
    }

    private static String cFile(String name) throws Exception {
        return Files.readString(wine.cDrive("C:\\ssprkit-ca\\" + name), StandardCharsets.ISO_8859_1).strip();
    }

    @Test
    void quietExecRunsTheCommandAndLogsItsOutput() throws Exception {
        WineLog.Run r = install(msi, "immediate", "SCENARIO=immediate");
        assertEquals(0, r.exitCode(), () -> WineLog.tail(r.log()));
        assertEquals("immediate", cFile("immediate.txt"));
        String lines = r.linesOf("WixQuietExec");
        assertTrue(lines.contains("running \"C:\\ssprkit-ca\\write.cmd\" immediate"), lines);
        assertTrue(lines.contains("output: writing immediate"), lines);
        assertTrue(lines.contains("exit code 0"), lines);
        uninstall(msi);
    }

    @Test
    void aFailingCommandFailsTheInstallWithItsExitCodeInTheLog() throws Exception {
        WineLog.Run r = install(msi, "failing", "SCENARIO=fail");
        assertEquals(INSTALL_FAILURE, r.exitCode(), () -> WineLog.tail(r.log()));
        String lines = r.linesOf("WixQuietExec");
        assertTrue(lines.contains("output: about to fail"), lines);
        assertTrue(lines.contains("command failed, exit code 7"), lines);
        assertFalse(Files.exists(wine.cDrive("C:\\Program Files\\ssprkit Exec")), "nothing may stay installed after 1603");
    }

    @Test
    void deferredQuietExec64RunsItsCustomActionData() throws Exception {
        WineLog.Run r = install(msi, "deferred", "SCENARIO=deferred");
        assertEquals(0, r.exitCode(), () -> WineLog.tail(r.log()));
        assertEquals("deferred", cFile("deferred.txt"));
        String lines = r.linesOf("WixQuietExec64");
        assertTrue(lines.contains("output: writing deferred"), lines);
        uninstall(msi);
    }

    @Test
    void silentExecRunsWithoutLoggingCommandOrOutput() throws Exception {
        WineLog.Run r = install(msi, "silent", "SCENARIO=silent");
        assertEquals(0, r.exitCode(), () -> WineLog.tail(r.log()));
        assertEquals("secret-token", cFile("silent.txt"));
        String lines = r.linesOf("WixSilentExec");
        assertTrue(lines.contains("exit code 0"), lines);
        assertFalse(lines.contains("secret-token"), "WixSilentExec logged the command or its output:\n" + lines);
        uninstall(msi);
    }

    @Test
    void v3CaQuietExecReadsQtExecCmdLine() throws Exception {
        WineLog.Run r = install(v3msi, "v3");
        assertEquals(0, r.exitCode(), () -> WineLog.tail(r.log()));
        assertEquals("v3", cFile("v3.txt"));
        assertTrue(r.linesOf("CAQuietExec").contains("output: writing v3"), r.linesOf("CAQuietExec"));
        uninstall(v3msi);
    }

    @Test
    void shellExecOpensItsTarget() throws Exception {
        Files.writeString(wine.cDrive("C:\\ssprkit-ca\\shell.cmd"), "@echo off\r\necho shell> C:\\ssprkit-ca\\shell.txt\r\n", StandardCharsets.US_ASCII);
        WineLog.Run r = install(msi, "shell", "SCENARIO=shell");
        assertEquals(0, r.exitCode(), () -> WineLog.tail(r.log()));
        assertTrue(r.linesOf("WixShellExec").contains("opened"), r.linesOf("WixShellExec"));
        // ShellExecute does not wait for what it started: give the started cmd.exe a bounded time to write its file.
        Path out = wine.cDrive("C:\\ssprkit-ca\\shell.txt");
        for (int i = 0; i < 100 && !Files.exists(out); i++) Thread.sleep(100);
        assertEquals("shell", cFile("shell.txt"));
        uninstall(msi);
    }

    @Test
    void anUnquotedCommandFailsCleanlyWithALogLine() throws Exception {
        WineLog.Run r = install(msi, "unquoted", "SCENARIO=unquoted");
        assertEquals(INSTALL_FAILURE, r.exitCode());
        assertTrue(r.linesOf("WixQuietExec").contains("must begin with the quoted path"), r.linesOf("WixQuietExec"));
    }

    @Test
    void anOverlongCommandFailsCleanlyWithALogLine() throws Exception {
        WineLog.Run r = install(msi, "overlong", "SCENARIO=overlong");
        assertEquals(INSTALL_FAILURE, r.exitCode());
        assertTrue(r.linesOf("WixQuietExec").contains("longer than 32766 characters"), r.linesOf("WixQuietExec"));
    }

    @Test
    void anEmptyCommandFailsCleanlyWithALogLine() throws Exception {
        WineLog.Run r = install(msi, "empty", "SCENARIO=empty");
        assertEquals(INSTALL_FAILURE, r.exitCode());
        assertTrue(r.linesOf("WixQuietExec").contains("no command: property WixQuietExecCmdLine is empty"), r.linesOf("WixQuietExec"));
    }
}

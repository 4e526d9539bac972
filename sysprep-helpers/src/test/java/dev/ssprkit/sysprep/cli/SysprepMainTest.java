package dev.ssprkit.sysprep.cli;

import dev.ssprkit.common.ExitStatus;
import dev.ssprkit.sysprep.fakes.FakeHost;
import dev.ssprkit.sysprep.fakes.FakeLockInspector;
import dev.ssprkit.sysprep.fakes.InMemoryProfileLocator;
import dev.ssprkit.sysprep.fakes.ProfileFixture;
import dev.ssprkit.sysprep.fakes.TreeSnapshot;
import dev.ssprkit.sysprep.locks.LockHolder;
import dev.ssprkit.sysprep.profile.UserProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI driven in-process, against a fake machine. */
class SysprepMainTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void cleanUp() throws IOException {
        ProfileFixture.deleteTree(tmp.resolve("image"));
    }

    private int run(FakeHost host, String... args) {
        out.reset();
        err.reset();
        return SysprepMain.run(host, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private FakeHost linux() {
        return new FakeHost(false, null);
    }

    private FakeHost windows(Path image) {
        Path users = image.resolve("Users");
        return new FakeHost(true, new InMemoryProfileLocator(
                new UserProfile("Admin", "S-1-5-21-1-2-3-500", users.resolve("Administrator")),
                new UserProfile("Default", null, users.resolve("Default"))));
    }

    private Path unattend(String fixture) throws IOException {
        Path p = tmp.resolve(fixture);
        Files.copy(Path.of("src/test/resources/unattend/" + fixture), p);
        return p;
    }

    @Test
    void offlineDryRunThenRealRunWithJson() throws IOException {
        Path image = tmp.resolve("image");
        ProfileFixture.image(image, true);
        var before = TreeSnapshot.of(image);
        assertEquals(0, run(linux(), "clean-cache", "--image-root", image.toString(), "--include-default", "--dry-run", "--json", "-"));
        assertEquals(before, TreeSnapshot.of(image));
        JsonNode dry = new ObjectMapper().readTree(out());
        assertTrue(dry.get("dryRun").asBoolean());
        assertTrue(err().contains("SID not known offline"), err());

        Path json = tmp.resolve("report.json");
        assertEquals(0, run(linux(), "clean-cache", "--image-root", image.toString(), "--include-default", "--json", json.toString()));
        assertTrue(out().contains("removed:"), out());
        JsonNode real = new ObjectMapper().readTree(json.toFile());
        assertEquals(dry.get("removed"), real.get("removed"));
        assertEquals(dry.get("totals"), real.get("totals"));
        assertTrue(real.get("totals").get("removed").asInt() > 20);
    }

    @Test
    void offlineRenamedAdministratorAndRefusals() throws IOException {
        Path image = tmp.resolve("image");
        ProfileFixture.image(image, true);
        assertEquals(3, run(linux(), "clean-cache", "--image-root", image.toString(), "--profile", "LinkedAdmin"));
        assertTrue(err().contains("LinkedAdmin") && err().contains("link"), err());
        assertEquals(3, run(linux(), "clean-cache", "--image-root", image.toString(), "--profile", "../Users/Administrator"));
        assertTrue(err().contains("one plain folder name"), err());
        assertEquals(3, run(linux(), "clean-cache", "--image-root", image.toString(), "--profile", "Renamed"));
        assertTrue(err().contains("no profile folder 'Renamed'") && err().contains("Administrator, Default"), err());
        assertEquals(3, run(linux(), "clean-cache", "--image-root", tmp.resolve("nothing").toString()));
        assertTrue(err().contains("nothing"), err());
        assertEquals(0, run(linux(), "clean-cache", "--image-root", image.toString(), "--profile", "administrator", "--dry-run"));
    }

    @Test
    void liveModeNeedsWindows() {
        assertEquals(ExitStatus.UNSUPPORTED.code, run(linux(), "clean-cache"));
        assertTrue(err().contains("--image-root"), err());
        assertEquals(ExitStatus.UNSUPPORTED.code, run(linux(), "run", "--unattend", "x.xml", "--yes"));
    }

    @Test
    void liveModeReportsHoldersAndStopsThemOnlyWhenAsked() throws IOException {
        Path image = tmp.resolve("image");
        ProfileFixture.image(image, false);
        FakeHost host = windows(image);
        host.locks = new FakeLockInspector(new LockHolder(4242, "taskhostw.exe"));
        assertEquals(0, run(host, "clean-cache", "--dry-run"));
        assertTrue(out().contains("taskhostw.exe (pid 4242)") && out().contains("--stop-processes"), out());
        assertTrue(out().contains("S-1-5-21-1-2-3-500"));
        assertTrue(host.locks.stopped.isEmpty());
        assertTrue(host.locks.askedAbout.stream().anyMatch(p -> p.getFileName().toString().equals("WebCacheV01.dat")));
        assertEquals(0, run(host, "clean-cache", "--stop-processes"));
        assertEquals(List.of(new LockHolder(4242, "taskhostw.exe")), host.locks.stopped);
        assertFalse(Files.exists(image.resolve("Users/Administrator/AppData/Local/Microsoft/Windows/WebCache")));
        assertTrue(Files.exists(image.resolve("Users/Default/AppData/Local/Microsoft/Windows/WebCache")), "Default only when asked");
    }

    @Test
    void unattendCheckAndFix() throws IOException {
        Path good = unattend("good.xml");
        assertEquals(0, run(linux(), "unattend", "check", good.toString()));
        assertTrue(out().contains(": ok:"));
        Path wrong = unattend("wrong-pass.xml");
        assertEquals(1, run(linux(), "unattend", "check", wrong.toString()));
        assertTrue(out().contains("wrong-pass.xml(27): error SSPR-U004"), out());
        assertEquals(0, run(linux(), "unattend", "fix", wrong.toString()));
        assertTrue(Files.exists(tmp.resolve("wrong-pass.xml.bak")));
        assertEquals(0, run(linux(), "unattend", "check", wrong.toString()));
        assertEquals(0, run(linux(), "unattend", "fix", good.toString()));
        assertTrue(out().contains("not rewritten"));
        assertFalse(Files.exists(tmp.resolve("good.xml.bak")));
    }

    @Test
    void badInputNamesTheFile() throws IOException {
        assertEquals(ExitStatus.IO_ERROR.code, run(linux(), "unattend", "check", tmp.resolve("missing.xml").toString()));
        assertTrue(err().contains("missing.xml: no such file"), err());
        Path xxe = unattend("doctype-xxe.xml");
        assertEquals(ExitStatus.BAD_INPUT.code, run(linux(), "unattend", "fix", xxe.toString()));
        assertTrue(err().contains("doctype-xxe.xml") && err().contains("DOCTYPE"), err());
        assertEquals(ExitStatus.USAGE.code, run(linux(), "unattend", "check", "--arch", "sparc", xxe.toString()));
        assertEquals(ExitStatus.USAGE.code, run(linux(), "clean-cache", "--bogus"));
        assertEquals(ExitStatus.USAGE.code, run(linux(), "unattend"));
    }

    @Test
    void runChecksCleansConfirmsAndRunsSysprep() throws IOException {
        Path image = tmp.resolve("image");
        ProfileFixture.image(image, false);
        Path good = unattend("good.xml");
        FakeHost host = windows(image);
        host.consoleInput = "no\n";
        assertEquals(ExitStatus.CANCELLED.code, run(host, "run", "--unattend", good.toString()));
        assertTrue(host.sysprepRuns.isEmpty());
        assertTrue(out().contains("Type 'yes'"));

        host.consoleInput = "yes\n";
        assertEquals(0, run(host, "run", "--unattend", good.toString()));
        assertEquals(List.of("C:\\Windows\\System32\\Sysprep\\sysprep.exe", "/generalize", "/oobe", "/shutdown",
                "/unattend:" + good.toAbsolutePath()), host.sysprepRuns.get(0));

        host.sysprepExitCode = 1;
        assertEquals(ExitStatus.SYSPREP_FAILED.code, run(host, "run", "--unattend", good.toString(), "--yes"));

        Path bad = unattend("false.xml");
        assertEquals(ExitStatus.FAILED.code, run(host, "run", "--unattend", bad.toString(), "--yes"));
        assertEquals(2, host.sysprepRuns.size(), "not run with a bad answer file");
    }

    /** A fault in the machine double (a profile lookup that hits a null) is our bug: status 70, never a domain message. */
    @Test
    void aBugIsAnInternalErrorNotTheUsersFault() {
        FakeHost host = new FakeHost(true, new dev.ssprkit.sysprep.profile.ProfileLocator() {
            @Override
            public UserProfile builtInAdministrator() {
                throw new NullPointerException("profile list entry without a path");
            }

            @Override
            public UserProfile defaultProfile() {
                throw new NullPointerException("profile list entry without a path");
            }
        });
        assertEquals(ExitStatus.INTERNAL.code, run(host, "clean-cache", "--dry-run"));
        assertTrue(err().contains("internal error — please report it"), err());
        assertTrue(err().contains("NullPointerException: profile list entry without a path"), err());
        assertFalse(err().contains("\tat "), "the stack trace only with --debug: " + err());
        assertEquals(ExitStatus.INTERNAL.code, run(host, "clean-cache", "--dry-run", "--debug"));
        assertTrue(err().contains("\tat "), err());
    }
}

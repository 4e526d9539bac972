package dev.ssprkit.cli;

import dev.ssprkit.common.ExitStatus;
import dev.ssprkit.registry.InMemoryRegistry;
import dev.ssprkit.registry.RegistryKey;
import dev.ssprkit.registry.RegistryValue;
import dev.ssprkit.sysprep.cli.Host;
import dev.ssprkit.sysprep.locks.LockInspector;
import dev.ssprkit.sysprep.profile.ProfileLocator;
import dev.ssprkit.sysprep.profile.UserProfile;
import dev.ssprkit.sysprep.run.SysprepRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One exit-status table for the whole {@code sspr} binary ({@link ExitStatus}, installer-src/cli/README.md): the same
 * bad input gives the same status through {@code build}, {@code inspect} and {@code sysprep}; a fault injected in a
 * test double (a bug, not the user's input) gives status 70 and "internal error — please report", never a domain message.
 */
class ErrorVocabularyTest {
    static final String INTERNAL = "internal error — please report it";
    @TempDir Path dir;

    @Test
    void aMissingInputFileIsAnIoErrorThroughEveryFrontEnd() {
        Cli cli = Cli.linux();
        Path missing = dir.resolve("missing");
        Cli.Run build = cli.run("build", missing + ".wxs", "-o", dir.resolve("out.msi").toString());
        Cli.Run inspect = cli.run("inspect", missing + ".msi");
        Cli.Run sysprep = cli.run("sysprep", "unattend", "check", missing + ".xml");
        for (Cli.Run r : new Cli.Run[] {build, inspect, sysprep}) {
            assertEquals(ExitStatus.IO_ERROR.code, r.code(), r.err());
            assertTrue(r.err().contains("missing."), r.err());
        }
        assertTrue(sysprep.err().startsWith("sspr sysprep unattend check: "), "sysprep speaks sspr's wording: " + sysprep.err());
        assertFalse(Files.exists(dir.resolve("out.msi")));
    }

    @Test
    void malformedInputIsBadInputThroughEveryFrontEnd() throws Exception {
        Path wxs = Files.writeString(dir.resolve("broken.wxs"), "<Wix xmlns=\"http://schemas.microsoft.com/wix/2006/wi\"><Product");
        Path xml = Files.writeString(dir.resolve("broken.xml"), "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"><settings");
        Path msi = Files.writeString(dir.resolve("broken.msi"), "<not a compound file");
        Cli cli = Cli.linux();
        Cli.Run build = cli.run("build", wxs.toString(), "-o", dir.resolve("out.msi").toString());
        Cli.Run sysprep = cli.run("sysprep", "unattend", "check", xml.toString());
        Cli.Run inspect = cli.run("inspect", msi.toString());
        assertEquals(ExitStatus.BAD_INPUT.code, build.code(), build.err());
        assertTrue(build.err().contains("broken.wxs:1:") && build.err().contains("WIX0004"), "located message: " + build.err());
        assertEquals(ExitStatus.BAD_INPUT.code, sysprep.code(), sysprep.err());
        assertTrue(sysprep.err().contains("broken.xml("), "located message: " + sysprep.err());
        assertEquals(ExitStatus.BAD_INPUT.code, inspect.code(), inspect.err());
        assertTrue(inspect.err().contains("broken.msi"), inspect.err());
    }

    @Test
    void needingWindowsIsTheSameStatusForRegistryAndSysprepCommands() {
        Cli cli = Cli.linux();
        assertEquals(ExitStatus.UNSUPPORTED.code, cli.run("logging", "on").code());
        assertEquals(ExitStatus.UNSUPPORTED.code, cli.run("sysprep", "clean-cache").code());
        assertEquals(ExitStatus.UNSUPPORTED.code, cli.run("sysprep", "run", "--unattend", "x.xml", "--yes").code());
        assertEquals(ExitStatus.USAGE.code, cli.run("sysprep", "clean-cache", "--no-such-option").code());
        assertEquals(ExitStatus.USAGE.code, cli.run("logging", "status", "--no-such-option").code());
    }

    /** A registry that fails the way a bug does (a null where a value should be). */
    static final class FaultyRegistry extends InMemoryRegistry {
        @Override
        public Optional<RegistryValue> get(RegistryKey key, String name) {
            throw new NullPointerException("injected fault: no value object");
        }
    }

    @Test
    void aFaultInTheRegistryDoubleIsAnInternalErrorWithTheStackTraceOnlyOnRequest() {
        Cli cli = new Cli(Map.of(), new FaultyRegistry(), null);
        Cli.Run plain = cli.run("logging", "status");
        assertEquals(ExitStatus.INTERNAL.code, plain.code(), plain.err());
        assertTrue(plain.err().contains(INTERNAL) && plain.err().contains("injected fault"), plain.err());
        assertTrue(plain.err().contains("--debug or SSPR_DEBUG=1"), plain.err());
        assertFalse(plain.err().contains("\tat "), plain.err());

        Cli.Run debug = cli.run("logging", "status", "--debug");
        assertEquals(ExitStatus.INTERNAL.code, debug.code());
        assertTrue(debug.err().contains("\tat dev.ssprkit.cli.ErrorVocabularyTest$FaultyRegistry.get"), debug.err());
        Cli.Run globalDebug = cli.run("--debug", "logging", "status");
        assertTrue(globalDebug.err().contains("\tat "), globalDebug.err());
        Cli.Run env = new Cli(Map.of("SSPR_DEBUG", "1"), new FaultyRegistry(), null).run("logging", "status");
        assertTrue(env.err().contains("\tat "), env.err());
    }

    @Test
    void aFaultInsideTheBuildIsAnInternalErrorNotAWriteFailure() throws Exception {
        Path wxs = Files.writeString(dir.resolve("p.wxs"), """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="P" Language="1033" Version="1.0.0" Manufacturer="t" UpgradeCode="{6E6A3C55-3C6B-4F3A-9B8A-0C3E8E2B1A21}">
                    <Package InstallerVersion="200" Compressed="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir"/>
                  </Product>
                </Wix>
                """);
        // the environment double faults when the build asks it for SOURCE_DATE_EPOCH, after the sources compiled
        Map<String, String> faulty = new HashMap<>() {
            @Override
            public String get(Object key) {
                if ("SOURCE_DATE_EPOCH".equals(key)) throw new IllegalStateException("injected fault in the environment");
                return super.get(key);
            }
        };
        Cli.Run r = new Cli(faulty, null, null).run("build", wxs.toString(), "-o", dir.resolve("p.msi").toString());
        assertEquals(ExitStatus.INTERNAL.code, r.code(), r.err());
        assertTrue(r.err().contains(INTERNAL) && r.err().contains("injected fault in the environment"), r.err());
        assertFalse(r.err().contains("WIX0184"), "not a write failure: " + r.err());
        assertFalse(Files.exists(dir.resolve("p.msi")));
    }

    @Test
    void aFaultInTheSysprepMachineDoubleIsAnInternalErrorUnderSspr() {
        Cli cli = Cli.linux();
        cli.host = new Host() {
            @Override public boolean isWindows() { return true; }
            @Override public ProfileLocator liveProfiles() {
                return new ProfileLocator() {
                    @Override public UserProfile builtInAdministrator() { throw new NullPointerException("injected fault: profile without a path"); }
                    @Override public UserProfile defaultProfile() { throw new NullPointerException("injected fault: profile without a path"); }
                };
            }
            @Override public LockInspector lockInspector() { return LockInspector.none(); }
            @Override public SysprepRunner sysprepRunner() { return command -> 0; }
            @Override public Path windowsDirectory() { return Path.of("C:\\Windows"); }
            @Override public BufferedReader console() { return new BufferedReader(new StringReader("")); }
        };
        Cli.Run r = cli.run("sysprep", "clean-cache", "--dry-run");
        assertEquals(ExitStatus.INTERNAL.code, r.code(), r.err());
        assertTrue(r.err().contains(INTERNAL) && r.err().contains("profile without a path"), r.err());
    }
}

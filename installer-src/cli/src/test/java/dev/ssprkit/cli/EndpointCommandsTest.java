package dev.ssprkit.cli;

import dev.ssprkit.common.ExitStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssprkit.endpoint.SsprKeys;
import dev.ssprkit.endpoint.Tls12Settings;
import dev.ssprkit.registry.InMemoryRegistry;
import dev.ssprkit.registry.RegFile;
import dev.ssprkit.registry.RegistryKey;
import dev.ssprkit.registry.RegistryValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** logging, tls, win10 and preflight in-process: live (faked), --reg-file, --emit-reg, and no registry at all. */
class EndpointCommandsTest {
    @TempDir Path dir;

    static final RegistryKey SCHANNEL_CLIENT = RegistryKey.hklm("SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client");

    @Test
    void liveCommandsWithoutARegistrySaySoAndPointToTheFileOptions() {
        for (String[] args : List.of(new String[] {"logging", "on"}, new String[] {"tls", "enable"}, new String[] {"win10", "enable"})) {
            Cli.Run r = Cli.linux().run(args);
            assertEquals(ExitStatus.UNSUPPORTED.code, r.code(), r.err());
            assertTrue(r.err().contains("no Windows registry") && r.err().contains("--reg-file") && r.err().contains("--emit-reg"), r.err());
        }
        Cli.Run status = Cli.linux().run("logging", "status");
        assertEquals(ExitStatus.UNSUPPORTED.code, status.code());
        assertTrue(status.err().contains("--reg-file"), status.err());
        Cli.Run pf = Cli.linux().run("preflight", "--offline");
        assertEquals(ExitStatus.UNSUPPORTED.code, pf.code());
    }

    @Test
    void loggingOnOffStatusOnTheLiveRegistry() throws Exception {
        InMemoryRegistry live = new InMemoryRegistry();
        Cli cli = new Cli(Map.of(), live, null);
        assertTrue(cli.run("logging", "status").out().contains("not set"));
        assertEquals(0, cli.run("logging", "on").code());
        assertEquals(1, live.dword(SsprKeys.CREDENTIAL_PROVIDER, "EnableLogging").orElseThrow());
        Cli.Run on = cli.run("logging", "status", "--json");
        assertEquals(0, on.code());
        assertEquals("ON", new ObjectMapper().readTree(on.out()).path("state").asText());
        assertEquals(0, cli.run("logging", "off").code());
        assertTrue(cli.run("logging", "status").out().contains("logging: off"));
        live.set(SsprKeys.CREDENTIAL_PROVIDER, "EnableLogging", RegistryValue.string("yes"));
        assertTrue(cli.run("logging", "status").out().contains("unexpected"));
    }

    /** Logging and the Windows 10 policy read a value that is neither 0 nor 1 the same way: unexpected, not "disabled". */
    @Test
    void anUnexpectedValueReadsTheSameForEverySwitch() throws Exception {
        InMemoryRegistry live = new InMemoryRegistry();
        live.set(SsprKeys.CREDENTIAL_PROVIDER, "EnableLogging", RegistryValue.dword(2));
        live.set(SsprKeys.AZURE_AD_ACCOUNT_POLICY, "AllowPasswordReset", RegistryValue.dword(2));
        Cli cli = new Cli(Map.of(), live, null);
        Cli.Run logging = cli.run("logging", "status"), win10 = cli.run("win10", "status");
        assertTrue(logging.out().contains("unexpected value") && win10.out().contains("unexpected value"), logging.out() + win10.out());
        assertEquals(0, logging.code(), "logging's status is information");
        assertEquals(Sspr.FAILED, win10.code(), "the policy is a requirement");
        assertEquals("UNEXPECTED", new ObjectMapper().readTree(cli.run("win10", "status", "--json").out()).path("state").asText());
        assertEquals(Sspr.USAGE, cli.run("win10").code(), "a group without its subcommand");
    }

    @Test
    void emitRegWritesOnlyTheChange() throws Exception {
        Path out = dir.resolve("out/logging-on.reg");
        Cli.Run r = Cli.linux().run("logging", "on", "--emit-reg", out.toString());
        assertEquals(0, r.code(), r.err());
        RegFile reg = RegFile.read(out);
        assertEquals(Map.of("EnableLogging", RegistryValue.dword(1)), reg.values(SsprKeys.CREDENTIAL_PROVIDER));
        assertTrue(Files.readString(out, java.nio.charset.StandardCharsets.UTF_16LE).contains("Windows Registry Editor Version 5.00"));
    }

    @Test
    void regFileIsReadAndUpdatedInPlace() throws Exception {
        Path file = dir.resolve("machine.reg");
        RegFile machine = new RegFile();
        machine.set(RegistryKey.hklm("SOFTWARE\\Other"), "Keep", RegistryValue.string("me"));
        machine.write(file);
        assertEquals(Sspr.FAILED, Cli.linux().run("win10", "status", "--reg-file", file.toString()).code());
        assertEquals(0, Cli.linux().run("win10", "enable", "--reg-file", file.toString()).code());
        Cli.Run st = Cli.linux().run("win10", "status", "--reg-file", file.toString());
        assertEquals(0, st.code(), st.out());
        assertTrue(st.out().contains("enabled"), st.out());
        assertEquals("me", RegFile.read(file).string(RegistryKey.hklm("SOFTWARE\\Other"), "Keep").orElseThrow(), "the rest of the file is kept");
    }

    @Test
    void tlsStatusReportsAutoNegotiateOnlyAsNotEnabledAndEnableFixesEverything() throws Exception {
        InMemoryRegistry live = new InMemoryRegistry();
        live.set(SCHANNEL_CLIENT, "Enabled", RegistryValue.dword(1));
        live.set(SCHANNEL_CLIENT, "DisabledByDefault", RegistryValue.dword(1));
        Cli cli = new Cli(Map.of(), live, null);
        Cli.Run before = cli.run("tls", "status");
        assertEquals(Sspr.FAILED, before.code());
        assertTrue(before.out().contains("NOT enabled") && before.out().contains("auto-negotiate only (not enabled)"), before.out());
        JsonNode json = new ObjectMapper().readTree(cli.run("tls", "status", "--json").out());
        assertFalse(json.path("enabled").asBoolean());
        assertEquals(14, json.path("values").size(), "SCHANNEL 4 + WinHTTP 2 + .NET 8 on x64: " + json);
        assertEquals(0, cli.run("tls", "enable", "--winhttp", "0xAA0").code());
        Cli.Run after = cli.run("tls", "status");
        assertEquals(0, after.code(), after.out());
        assertEquals(0xAA0, live.dword(RegistryKey.hklm("SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp"),
                "DefaultSecureProtocols").orElseThrow());
        assertTrue(new Tls12Settings(live, true).status().enabled());
        assertEquals(Sspr.USAGE, cli.run("tls", "enable", "--winhttp", "0x200").code(), "without the TLS 1.2 bit");
        assertEquals(Sspr.USAGE, cli.run("tls", "status", "--arch", "arm").code());
    }

    @Test
    void tlsEnableOnA32BitRegFileWritesNoWow6432NodeAndKeepsExistingWinHttpBits() throws Exception {
        Path file = dir.resolve("x86.reg");
        RegFile machine = new RegFile();
        machine.set(SsprKeys.SESSION_ENVIRONMENT, "PROCESSOR_ARCHITECTURE", RegistryValue.string("x86"));
        RegistryKey winHttp = RegistryKey.hklm("SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp");
        machine.set(winHttp, "DefaultSecureProtocols", RegistryValue.dword(0x80));
        machine.write(file);
        Path emitted = dir.resolve("tls.reg");
        assertEquals(0, Cli.linux().run("tls", "enable", "--reg-file", file.toString(), "--emit-reg", emitted.toString()).code());
        RegFile change = RegFile.read(emitted);
        assertEquals(0xA80, change.dword(winHttp, "DefaultSecureProtocols").orElseThrow());
        assertFalse(change.keyExists(RegistryKey.hklm("SOFTWARE\\Wow6432Node")));
        assertFalse(change.keyExists(SsprKeys.SESSION_ENVIRONMENT), "only the change is emitted");
        assertEquals(Sspr.FAILED, Cli.linux().run("tls", "status", "--reg-file", file.toString()).code(), "--emit-reg left the source alone");
    }

    @Test
    void aMalformedRegFileIsBadInputAndAMissingOneAnIoError() throws Exception {
        Path bad = dir.resolve("bad.reg");
        Files.writeString(bad, "not a reg file");
        Cli.Run r = Cli.linux().run("logging", "status", "--reg-file", bad.toString());
        assertEquals(Sspr.BAD_INPUT, r.code(), r.err());
        assertEquals(Sspr.IO_ERROR, Cli.linux().run("logging", "status", "--reg-file", dir.resolve("none.reg").toString()).code());
    }

    static RegFile windows7(boolean broken) {
        RegFile reg = new RegFile();
        reg.set(SsprKeys.CURRENT_VERSION, "CurrentVersion", RegistryValue.string("6.1"));
        reg.set(SsprKeys.CURRENT_VERSION, "CurrentBuildNumber", RegistryValue.string("7601"));
        reg.set(SsprKeys.CURRENT_VERSION, "EditionID", RegistryValue.string("Enterprise"));
        reg.set(SsprKeys.SESSION_ENVIRONMENT, "PROCESSOR_ARCHITECTURE", RegistryValue.string("AMD64"));
        reg.createKey(SsprKeys.CREDENTIAL_PROVIDER);
        try {
            new Tls12Settings(reg, true).enable();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        if (broken) reg.set(SsprKeys.SYSTEM_POLICIES, "HideFastUserSwitching", RegistryValue.dword(1));
        return reg;
    }

    @Test
    void preflightOfACleanExportPassesAndOfABrokenOneExits1WithTheFinding() throws Exception {
        Path clean = dir.resolve("clean.reg");
        windows7(false).write(clean);
        Cli cli = Cli.linux();
        Cli.Run ok = cli.run("preflight", "--reg-file", clean.toString(), "--offline");
        assertEquals(0, ok.code(), ok.out());
        assertTrue(ok.out().contains("Windows 7 build 7601") && ok.out().contains("network checks skipped"), ok.out());
        assertEquals(List.of(), cli.probed, "--offline touches no network");

        Path broken = dir.resolve("broken.reg");
        windows7(true).write(broken);
        Cli.Run bad = cli.run("preflight", "--reg-file", broken.toString(), "--offline");
        assertEquals(Sspr.FAILED, bad.code());
        assertTrue(bad.out().contains("BLOCKER  PF001") && bad.out().contains("HideFastUserSwitching = 0x1") && bad.out().contains("fix:"), bad.out());
        JsonNode json = new ObjectMapper().readTree(cli.run("preflight", "--reg-file", broken.toString(), "--offline", "--json").out());
        assertEquals("PF001", json.path("findings").get(0).path("id").asText());
        assertEquals("BLOCKER", json.path("findings").get(0).path("severity").asText());
    }

    @Test
    void preflightProbesThroughThePluggableProbeAndOsOverrides() throws Exception {
        Path clean = dir.resolve("clean.reg");
        windows7(false).write(clean);
        Cli cli = new Cli(Map.of(), null, "passwordreset.microsoftonline.com");
        Cli.Run r = cli.run("preflight", "--reg-file", clean.toString(), "--timeout", "1");
        assertEquals(Sspr.FAILED, r.code(), r.out());
        assertTrue(r.out().contains("PF030") && r.out().contains("fake: connection refused"), r.out());
        assertEquals(List.of("passwordreset.microsoftonline.com:443"), cli.probed);

        Cli win10 = Cli.linux();
        Cli.Run old = win10.run("preflight", "--reg-file", clean.toString(), "--offline", "--os", "10.0.16299");
        assertEquals(Sspr.FAILED, old.code());
        assertTrue(old.out().contains("PF021"), old.out());
        assertEquals(Sspr.USAGE, win10.run("preflight", "--reg-file", clean.toString(), "--os", "ten").code());
    }
}

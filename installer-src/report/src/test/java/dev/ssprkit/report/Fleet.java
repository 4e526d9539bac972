package dev.ssprkit.report;

import dev.ssprkit.endpoint.SsprKeys;
import dev.ssprkit.endpoint.Tls12Settings;
import dev.ssprkit.endpoint.DwordSwitch;
import dev.ssprkit.endpoint.preflight.OsFacts;
import dev.ssprkit.endpoint.preflight.Preflight;
import dev.ssprkit.endpoint.preflight.PreflightOptions;
import dev.ssprkit.endpoint.preflight.PreflightReport;
import dev.ssprkit.registry.InMemoryRegistry;
import dev.ssprkit.registry.RegistryValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A made-up fleet for the report tests: machines of known kinds (ready; blocked by the lock screen policy; blocked by
 * TLS 1.2; Windows 10 with a per-user proxy), each result produced by the real preflight on an in-memory registry
 * and written as {@code sspr preflight --json} writes it, one file per machine as the scripts save them on a share.
 * The counts the tests expect come from how many of each kind were made, not from the report.
 */
final class Fleet {
    int ready, lockScreen, tls, proxyWarning, failed;
    /** Also make machines whose script failed (UNKNOWN), about one in fifty: for the benchmark and the README picture. */
    boolean withFailures;

    /** Writes {@code n} machines into {@code dir}: names MACHINE-00001..., kinds in a fixed pseudo-random mix. */
    Fleet write(Path dir, int n, long seed) throws Exception {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        for (int i = 1; i <= n; i++) {
            int kind = random.nextInt(10);
            String name = String.format("MACHINE-%05d", i);
            PreflightReport r;
            if (withFailures && random.nextInt(50) == 0) {
                Files.writeString(dir.resolve(name + ".json"), "{\"source\": \"Detect-SsprReadiness.ps1\", \"machine\": \"" + name
                        + "\", \"error\": \"sspr-preflight.cmd wrote no report (exit 1)\"}", StandardCharsets.UTF_8);
                failed++;
                continue;
            }
            if (kind < 5) {
                r = win10(name, false, false);
                ready++;
            } else if (kind < 7) {
                r = win10(name, true, false);
                lockScreen++;
            } else if (kind < 9) {
                r = win7(name, false);
                tls++;
            } else {
                r = win10(name, false, true);
                ready++;
                proxyWarning++;
            }
            Files.writeString(dir.resolve(name + ".json"), r.toJson(), StandardCharsets.UTF_8);
        }
        return this;
    }

    static PreflightReport win10(String name, boolean noLockScreen, boolean userProxy) throws Exception {
        OsFacts os = new OsFacts(10, 0, 19045, "Enterprise", true);
        InMemoryRegistry reg = base(name);
        DwordSwitch.WIN10_PASSWORD_RESET.set(reg, true);
        if (noLockScreen) reg.set(SsprKeys.PERSONALIZATION_POLICY, "NoLockScreen", RegistryValue.dword(1));
        if (userProxy) {
            reg.set(dev.ssprkit.registry.RegistryKey.parse("HKU\\S-1-5-21-1-2-3-1001\\" + SsprKeys.USER_INTERNET_SETTINGS), "ProxyEnable", RegistryValue.dword(1));
        }
        return new Preflight(reg, os, (h, p, t) -> null, PreflightOptions.defaults().offline()).run();
    }

    static PreflightReport win7(String name, boolean tlsEnabled) throws Exception {
        OsFacts os = new OsFacts(6, 1, 7601, "Enterprise", true);
        InMemoryRegistry reg = base(name);
        reg.set(SsprKeys.CREDENTIAL_PROVIDER, null, RegistryValue.string("PasswordResetCredentialProvider"));
        if (tlsEnabled) new Tls12Settings(reg, true).enable();
        return new Preflight(reg, os, (h, p, t) -> null, PreflightOptions.defaults().offline()).run();
    }

    private static InMemoryRegistry base(String name) {
        InMemoryRegistry reg = new InMemoryRegistry();
        reg.set(SsprKeys.SYSTEM_POLICIES, "EnableLUA", RegistryValue.dword(1));
        reg.set(SsprKeys.WINLOGON, "Shell", RegistryValue.string("explorer.exe"));
        reg.set(SsprKeys.COMPUTER_NAME, "ComputerName", RegistryValue.string(name));
        return reg;
    }
}

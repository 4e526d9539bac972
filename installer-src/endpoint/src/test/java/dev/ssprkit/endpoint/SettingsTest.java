package dev.ssprkit.endpoint;

import dev.ssprkit.registry.InMemoryRegistry;
import dev.ssprkit.registry.RegistryKey;
import dev.ssprkit.registry.RegistryValue;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LoggingSwitch, Win10Policy and Tls12Settings against an in-memory registry. */
class SettingsTest {
    static final String SCHANNEL = "SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\";

    @Test
    void loggingSwitch() throws Exception {
        InMemoryRegistry reg = new InMemoryRegistry();
        LoggingSwitch logging = new LoggingSwitch(reg);
        assertEquals(LoggingSwitch.State.NOT_SET, logging.status());
        logging.enable();
        assertEquals(LoggingSwitch.State.ON, logging.status());
        assertEquals(Optional.of(1), reg.dword(RegistryKey.parse("HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Authentication\\"
                + "Credential Providers\\{86D2F0AC-2171-46CF-9998-4E33B3D7FD4F}"), "EnableLogging"));
        logging.disable();
        assertEquals(LoggingSwitch.State.OFF, logging.status());
        reg.set(SsprKeys.CREDENTIAL_PROVIDER, "EnableLogging", RegistryValue.string("1"));
        assertEquals(LoggingSwitch.State.UNEXPECTED, logging.status());
    }

    @Test
    void win10Policy() throws Exception {
        InMemoryRegistry reg = new InMemoryRegistry();
        Win10Policy policy = new Win10Policy(reg);
        assertEquals(Win10Policy.State.NOT_SET, policy.status());
        policy.enable();
        assertEquals(Optional.of(1), reg.dword(RegistryKey.parse("HKLM\\SOFTWARE\\Policies\\Microsoft\\AzureADAccount"), "AllowPasswordReset"));
        assertEquals(Win10Policy.State.ENABLED, policy.status());
        policy.disable();
        assertEquals(Win10Policy.State.DISABLED, policy.status());
    }

    @Test
    void tls12EnableWritesEveryValueIncludingWow6432NodeTwins() throws Exception {
        InMemoryRegistry reg = new InMemoryRegistry();
        Tls12Settings tls = new Tls12Settings(reg, true);
        assertFalse(tls.status().enabled());
        tls.enable();
        Tls12Settings.Status s = tls.status();
        assertTrue(s.enabled(), s.problems().toString());
        assertEquals(14, s.values().size(), "4 SCHANNEL + 2 WinHTTP + 8 .NET values on 64-bit");
        for (String k : new String[] {"SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319", "SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319",
                "SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727", "SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v2.0.50727"}) {
            assertEquals(Optional.of(1), reg.dword(RegistryKey.hklm(k), "SchUseStrongCrypto"), k);
            assertEquals(Optional.of(1), reg.dword(RegistryKey.hklm(k), "SystemDefaultTlsVersions"), k);
        }
        assertEquals(Optional.of(0xA00), reg.dword(RegistryKey.hklm("SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp"), "DefaultSecureProtocols"));
        assertEquals(Optional.of(0), reg.dword(RegistryKey.hklm(SCHANNEL + "Server"), "DisabledByDefault"));
    }

    @Test
    void tls12On32BitHasNoTwinsAndKeepsExistingWinHttpBits() throws Exception {
        InMemoryRegistry reg = new InMemoryRegistry();
        RegistryKey winhttp = RegistryKey.hklm("SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp");
        reg.set(winhttp, "DefaultSecureProtocols", RegistryValue.dword(0x80));
        Tls12Settings tls = new Tls12Settings(reg, false, Tls12Settings.WINHTTP_CONFIGMGR);
        tls.enable();
        assertEquals(9, tls.status().values().size(), "4 SCHANNEL + 1 WinHTTP + 4 .NET values on 32-bit");
        assertEquals(Optional.of(0xAA0), reg.dword(winhttp, "DefaultSecureProtocols"));
        assertFalse(reg.keyExists(RegistryKey.hklm("SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319")));
    }

    @Test
    void autoNegotiateOnlyIsNotEnabled() throws Exception {
        InMemoryRegistry reg = new InMemoryRegistry();
        Tls12Settings tls = new Tls12Settings(reg, true);
        tls.enable();
        reg.set(RegistryKey.hklm(SCHANNEL + "Client"), "DisabledByDefault", RegistryValue.dword(1));
        Tls12Settings.Status s = tls.status();
        assertFalse(s.enabled());
        assertEquals(1, s.problems().size());
        assertEquals(Tls12Settings.Verdict.AUTO_NEGOTIATE_ONLY, s.problems().get(0).verdict());
        assertEquals(1L, s.problems().get(0).found());
        reg.set(RegistryKey.hklm(SCHANNEL + "Client"), "Enabled", RegistryValue.dword(0));
        assertEquals(Tls12Settings.Verdict.WRONG, tls.status().problems().get(1).verdict(), "disabled outright");
    }

    @Test
    void winHttpWithoutTheTls12BitIsWrong() throws Exception {
        InMemoryRegistry reg = new InMemoryRegistry();
        Tls12Settings tls = new Tls12Settings(reg, false);
        tls.enable();
        reg.set(RegistryKey.hklm("SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp"), "DefaultSecureProtocols", RegistryValue.dword(0x200));
        assertEquals(Tls12Settings.Verdict.WRONG, tls.status().problems().get(0).verdict());
    }
}

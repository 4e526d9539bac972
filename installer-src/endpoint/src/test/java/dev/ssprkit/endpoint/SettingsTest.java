package dev.ssprkit.endpoint;

import dev.ssprkit.registry.InMemoryRegistry;
import dev.ssprkit.registry.RegistryKey;
import dev.ssprkit.registry.RegistryValue;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DWORD switches (logging, Windows 10 policy) and Tls12Settings against an in-memory registry. */
class SettingsTest {
    static final String SCHANNEL = "SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\";

    @Test
    void loggingSwitch() throws Exception {
        InMemoryRegistry reg = new InMemoryRegistry();
        DwordSwitch logging = DwordSwitch.LOGGING;
        assertEquals(DwordSwitch.State.NOT_SET, logging.status(reg).state());
        logging.set(reg, true);
        assertEquals(DwordSwitch.State.ON, logging.status(reg).state());
        assertEquals(Optional.of(1), reg.dword(RegistryKey.parse("HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Authentication\\"
                + "Credential Providers\\{86D2F0AC-2171-46CF-9998-4E33B3D7FD4F}"), "EnableLogging"));
        logging.set(reg, false);
        assertEquals(DwordSwitch.State.OFF, logging.status(reg).state());
        reg.set(SsprKeys.CREDENTIAL_PROVIDER, "EnableLogging", RegistryValue.string("1"));
        assertEquals(DwordSwitch.State.UNEXPECTED, logging.status(reg).state());
    }

    @Test
    void win10Policy() throws Exception {
        InMemoryRegistry reg = new InMemoryRegistry();
        DwordSwitch policy = DwordSwitch.WIN10_PASSWORD_RESET;
        assertEquals(DwordSwitch.State.NOT_SET, policy.status(reg).state());
        policy.set(reg, true);
        assertEquals(Optional.of(1), reg.dword(RegistryKey.parse("HKLM\\SOFTWARE\\Policies\\Microsoft\\AzureADAccount"), "AllowPasswordReset"));
        assertEquals(DwordSwitch.State.ON, policy.status(reg).state());
        policy.set(reg, false);
        assertEquals(DwordSwitch.State.OFF, policy.status(reg).state());
    }

    /** One rule for a value that is neither 0 nor 1 nor absent, whichever setting reads it. */
    @Test
    void anUnexpectedValueIsUnexpectedForEverySetting() throws Exception {
        for (DwordSwitch sw : new DwordSwitch[] {DwordSwitch.LOGGING, DwordSwitch.WIN10_PASSWORD_RESET}) {
            InMemoryRegistry reg = new InMemoryRegistry();
            reg.set(sw.key(), sw.value(), RegistryValue.dword(2));
            assertEquals(DwordSwitch.State.UNEXPECTED, sw.status(reg).state(), sw.where());
            reg.set(sw.key(), sw.value(), RegistryValue.string("1"));
            assertEquals(DwordSwitch.State.UNEXPECTED, sw.status(reg).state(), "a REG_SZ '1' is neither on nor absent: " + sw.where());
        }
        InMemoryRegistry reg = new InMemoryRegistry();
        new Tls12Settings(reg, false).enable();
        RegistryKey client = RegistryKey.hklm(SCHANNEL + "Client");
        reg.set(client, "Enabled", RegistryValue.string("1"));
        Tls12Settings.ValueStatus enabled = new Tls12Settings(reg, false).status().values().get(0);
        assertEquals(Tls12Settings.Verdict.WRONG, enabled.verdict(), "a REG_SZ is wrong, not missing");
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

package dev.ssprkit.endpoint.preflight;

import dev.ssprkit.endpoint.SsprKeys;
import dev.ssprkit.endpoint.Tls12Settings;
import dev.ssprkit.endpoint.DwordSwitch;
import dev.ssprkit.registry.InMemoryRegistry;
import dev.ssprkit.registry.RegistryKey;
import dev.ssprkit.registry.RegistryValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreflightTest {
    static final OsFacts WIN10_22H2 = new OsFacts(10, 0, 19045, "Enterprise", true);
    static final OsFacts WIN10_1803 = new OsFacts(10, 0, OsFacts.BUILD_1803, "Professional", true);
    static final OsFacts WIN7 = new OsFacts(6, 1, 7601, "Enterprise", true);
    static final Probe ALL_REACHABLE = (h, p, t) -> null;

    /** A machine where SSPR works: Windows 10 22H2 with the policy, or Windows 7 with TLS 1.2 and the add-in. */
    static InMemoryRegistry clean(OsFacts os) throws Exception {
        InMemoryRegistry reg = new InMemoryRegistry();
        reg.set(SsprKeys.SYSTEM_POLICIES, "EnableLUA", RegistryValue.dword(1));
        reg.set(SsprKeys.WINLOGON, "Shell", RegistryValue.string("explorer.exe"));
        if (os.isWindows10OrLater()) DwordSwitch.WIN10_PASSWORD_RESET.set(reg, true);
        else {
            new Tls12Settings(reg, os.is64Bit()).enable();
            reg.set(SsprKeys.CREDENTIAL_PROVIDER, null, RegistryValue.string("PasswordResetCredentialProvider"));
        }
        return reg;
    }

    static PreflightReport run(InMemoryRegistry reg, OsFacts os) throws Exception {
        return new Preflight(reg, os, ALL_REACHABLE, PreflightOptions.defaults()).run();
    }

    static Set<String> blockerIds(PreflightReport r) {
        Set<String> ids = new java.util.TreeSet<>();
        for (Finding f : r.blockers()) ids.add(f.id());
        return ids;
    }

    @Test
    void aCleanMachineHasNoBlockers() throws Exception {
        for (OsFacts os : List.of(WIN10_22H2, WIN10_1803, WIN7, new OsFacts(6, 3, 9600, "Professional", false))) {
            PreflightReport r = run(clean(os), os);
            assertEquals(List.of(), r.blockers(), os.describe());
            assertTrue(r.has(Check.LOST_MODE), "lost mode is always listed as not checkable");
        }
    }

    record Row(String name, Check check, RegistryKey key, String value, RegistryValue bad, RegistryValue good) {}

    static Stream<Arguments> tableRows() {
        RegistryKey sys = SsprKeys.SYSTEM_POLICIES;
        return Stream.of(
                new Row("HideFastUserSwitching", Check.HIDE_FAST_USER_SWITCHING, sys, "HideFastUserSwitching", RegistryValue.dword(1), RegistryValue.dword(0)),
                new Row("DontDisplayLastUserName", Check.DONT_DISPLAY_LAST_USER_NAME, sys, "DontDisplayLastUserName", RegistryValue.dword(1), RegistryValue.dword(0)),
                new Row("EnableLUA", Check.UAC_DISABLED, sys, "EnableLUA", RegistryValue.dword(0), RegistryValue.dword(1)),
                new Row("ScForceOption", Check.SMART_CARD_REQUIRED, sys, "ScForceOption", RegistryValue.dword(1), RegistryValue.dword(0)),
                new Row("NoLockScreen", Check.NO_LOCK_SCREEN, SsprKeys.PERSONALIZATION_POLICY, "NoLockScreen", RegistryValue.dword(1), RegistryValue.dword(0)),
                new Row("DisableLockScreenAppNotifications", Check.LOCK_SCREEN_NOTIFICATIONS_OFF, SsprKeys.WINDOWS_SYSTEM_POLICY,
                        "DisableLockScreenAppNotifications", RegistryValue.dword(1), RegistryValue.dword(0)),
                new Row("BlockNonAdminUserInstall", Check.BLOCK_NON_ADMIN_USER_INSTALL, SsprKeys.APPX_POLICY, "BlockNonAdminUserInstall", RegistryValue.dword(1), RegistryValue.dword(0)),
                new Row("Shell", Check.CUSTOM_SHELL, SsprKeys.WINLOGON, "Shell", RegistryValue.string("C:\\kiosk\\shell.exe"), RegistryValue.string(" Explorer.EXE "))
        ).map(r -> Arguments.of(r.name(), r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tableRows")
    void eachTableRowTriggersOnlyOnItsBadValue(String name, Row row) throws Exception {
        for (OsFacts os : List.of(WIN10_22H2, WIN7)) {
            InMemoryRegistry bad = clean(os);
            bad.set(row.key(), row.value(), row.bad());
            PreflightReport r = run(bad, os);
            assertEquals(Set.of(row.check().id), blockerIds(r), os.describe());
            Finding f = r.blockers().get(0);
            assertEquals(row.key().toString(), f.key());
            assertEquals(row.value(), f.valueName());
            assertTrue(f.found().contains(row.bad().type() == dev.ssprkit.registry.ValueType.REG_DWORD ? row.bad().display() : row.bad().asString()), f.found());
            assertFalse(f.remediation().isBlank());

            InMemoryRegistry good = clean(os);
            good.set(row.key(), row.value(), row.good());
            assertEquals(Set.of(), blockerIds(run(good, os)), os.describe());
        }
    }

    @Test
    void ctrlAltDelIsABlockerOnlyOnWindows10Before1809() throws Exception {
        for (OsFacts os : List.of(WIN10_1803, new OsFacts(10, 0, 16299, "Enterprise", true))) {
            InMemoryRegistry reg = clean(os);
            reg.set(SsprKeys.SYSTEM_POLICIES, "DisableCAD", RegistryValue.dword(0));
            assertTrue(blockerIds(run(reg, os)).contains(Check.CTRL_ALT_DEL_REQUIRED.id), os.describe());
        }
        for (OsFacts os : List.of(new OsFacts(10, 0, OsFacts.BUILD_1809, "Enterprise", true), WIN10_22H2, WIN7, new OsFacts(10, 0, 22631, "Enterprise", true))) {
            InMemoryRegistry reg = clean(os);
            reg.set(SsprKeys.SYSTEM_POLICIES, "DisableCAD", RegistryValue.dword(0));
            assertEquals(Set.of(), blockerIds(run(reg, os)), os.describe());
        }
        InMemoryRegistry notRequired = clean(WIN10_1803);
        notRequired.set(SsprKeys.SYSTEM_POLICIES, "DisableCAD", RegistryValue.dword(1));
        assertFalse(run(notRequired, WIN10_1803).has(Check.CTRL_ALT_DEL_REQUIRED));
    }

    @Test
    void theThreeSettingCombination() throws Exception {
        InMemoryRegistry reg = clean(WIN10_22H2);
        reg.set(SsprKeys.SYSTEM_POLICIES, "DisableCAD", RegistryValue.dword(0));
        reg.set(SsprKeys.WINDOWS_SYSTEM_POLICY, "DisableLockScreenAppNotifications", RegistryValue.dword(1));
        assertFalse(run(reg, WIN10_22H2).has(Check.COMBINATION), "two of three");
        reg.set(SsprKeys.CONTENT_DELIVERY_DEFAULT, "IsContentDeliveryPolicyEnforced", RegistryValue.dword(1));
        PreflightReport r = run(reg, WIN10_22H2);
        assertEquals(Set.of(Check.COMBINATION.id, Check.LOCK_SCREEN_NOTIFICATIONS_OFF.id), blockerIds(r));
        reg.set(SsprKeys.SYSTEM_POLICIES, "DisableCAD", RegistryValue.dword(1));
        assertFalse(run(reg, WIN10_22H2).has(Check.COMBINATION), "Ctrl+Alt+Del not required");

        OsFacts home = new OsFacts(10, 0, 19045, "Core", true);
        InMemoryRegistry homeReg = clean(home);
        homeReg.set(SsprKeys.SYSTEM_POLICIES, "DisableCAD", RegistryValue.dword(0));
        homeReg.set(SsprKeys.WINDOWS_SYSTEM_POLICY, "DisableLockScreenAppNotifications", RegistryValue.dword(1));
        PreflightReport h = run(homeReg, home);
        assertTrue(h.has(Check.COMBINATION), "newer docs: Home edition instead of the content delivery policy");
        assertTrue(h.has(Check.HOME_EDITION));
    }

    @Test
    void platformPrerequisites() throws Exception {
        InMemoryRegistry noTls = clean(WIN7);
        noTls.set(RegistryKey.hklm("SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client"),
                "DisabledByDefault", RegistryValue.dword(1));
        PreflightReport r = run(noTls, WIN7);
        assertEquals(Set.of(Check.TLS12_NOT_ENABLED.id), blockerIds(r));
        assertTrue(r.blockers().get(0).found().contains("AUTO_NEGOTIATE_ONLY"), r.blockers().get(0).found());

        InMemoryRegistry old = clean(WIN10_1803);
        assertEquals(Set.of(), blockerIds(run(old, WIN10_1803)));
        OsFacts v1709 = new OsFacts(10, 0, 16299, "Enterprise", true);
        assertEquals(Set.of(Check.WINDOWS10_TOO_OLD.id), blockerIds(run(clean(v1709), v1709)));

        InMemoryRegistry noPolicy = clean(WIN10_22H2);
        noPolicy.deleteKey(SsprKeys.AZURE_AD_ACCOUNT_POLICY);
        assertTrue(run(noPolicy, WIN10_22H2).has(Check.POLICY_NOT_SET));

        InMemoryRegistry noAddIn = clean(WIN7);
        noAddIn.deleteKey(SsprKeys.CREDENTIAL_PROVIDER);
        assertTrue(run(noAddIn, WIN7).has(Check.ADDIN_NOT_INSTALLED));

        OsFacts vista = new OsFacts(6, 0, 6002, "Business", false);
        assertEquals(Set.of(Check.UNSUPPORTED_OS.id), blockerIds(run(new InMemoryRegistry(), vista)));
    }

    @Test
    void reachabilityGoesThroughTheProbeWithTheTimeout() throws Exception {
        List<String> asked = new ArrayList<>();
        Probe probe = (host, port, timeout) -> {
            asked.add(host + ":" + port + "/" + timeout.toMillis());
            return host.startsWith("ajax") ? "connect timed out" : null;
        };
        PreflightOptions options = new PreflightOptions(Duration.ofMillis(1500), PreflightOptions.defaults().endpoints(),
                PreflightOptions.defaults().windows10Endpoints(), SsprKeys.CONTENT_DELIVERY_DEFAULT);
        PreflightReport r = new Preflight(clean(WIN10_22H2), WIN10_22H2, probe, options).run();
        assertEquals(List.of("passwordreset.microsoftonline.com:443/1500", "ajax.aspnetcdn.com:443/1500"), asked);
        assertEquals(Set.of(Check.ENDPOINT_UNREACHABLE.id), blockerIds(r));
        assertTrue(r.blockers().get(0).found().contains("ajax.aspnetcdn.com:443 connect timed out"));

        asked.clear();
        new Preflight(clean(WIN7), WIN7, probe, options).run();
        assertEquals(List.of("passwordreset.microsoftonline.com:443/1500"), asked, "ajax.aspnetcdn.com only on Windows 10");
    }

    @Test
    void osFactsFromTheRegistry() throws Exception {
        InMemoryRegistry reg = new InMemoryRegistry();
        reg.set(SsprKeys.CURRENT_VERSION, "CurrentMajorVersionNumber", RegistryValue.dword(10));
        reg.set(SsprKeys.CURRENT_VERSION, "CurrentMinorVersionNumber", RegistryValue.dword(0));
        reg.set(SsprKeys.CURRENT_VERSION, "CurrentVersion", RegistryValue.string("6.3"));
        reg.set(SsprKeys.CURRENT_VERSION, "CurrentBuildNumber", RegistryValue.string("17134"));
        reg.set(SsprKeys.CURRENT_VERSION, "EditionID", RegistryValue.string("Core"));
        reg.set(SsprKeys.SESSION_ENVIRONMENT, "PROCESSOR_ARCHITECTURE", RegistryValue.string("AMD64"));
        assertEquals(new OsFacts(10, 0, 17134, "Core", true), OsFacts.fromRegistry(reg));
        InMemoryRegistry w7 = new InMemoryRegistry();
        w7.set(SsprKeys.CURRENT_VERSION, "CurrentVersion", RegistryValue.string("6.1"));
        w7.set(SsprKeys.CURRENT_VERSION, "CurrentBuildNumber", RegistryValue.string("7601"));
        w7.set(SsprKeys.SESSION_ENVIRONMENT, "PROCESSOR_ARCHITECTURE", RegistryValue.string("x86"));
        OsFacts f = OsFacts.fromRegistry(w7);
        assertTrue(f.isAddInPlatform());
        assertFalse(f.is64Bit());
        assertEquals("Windows 7 build 7601 32-bit", f.describe());
    }

    @Test
    void reportAsJson() throws Exception {
        InMemoryRegistry reg = clean(WIN10_22H2);
        reg.set(SsprKeys.SYSTEM_POLICIES, "HideFastUserSwitching", RegistryValue.dword(1));
        PreflightReport r = run(reg, WIN10_22H2);
        String json = r.toJson();
        assertTrue(json.contains("\"id\" : \"PF001\""), json);
        assertTrue(json.contains("\"severity\" : \"BLOCKER\""), json);
        assertTrue(json.contains("\"key\" : \"HKLM\\\\SOFTWARE\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Policies\\\\System\""), json);
        PreflightReport back = PreflightReport.fromJson(json);
        assertEquals(r.findings(), back.findings());
        assertEquals(r.facts(), back.facts());
    }
}

package dev.ssprkit.endpoint.preflight;

import dev.ssprkit.registry.RegFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java preflight on every fixture machine alone (no Wine): each fixture's expectations ({@code expect.txt}, from
 * the domain notes' table) hold. {@code PreflightScriptWineTest} then holds the generated .cmd to the same findings.
 */
class PreflightFixturesTest {
    static PreflightReport run(PreflightFixtures f) throws Exception {
        RegFile reg = f.reg();
        OsFacts os = OsFacts.fromRegistry(reg);
        return new Preflight(reg, os, (h, p, t) -> null, PreflightOptions.defaults().offline().withNetworkProfiles(f.profiles())).run();
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureMeetsItsExpectations() throws Exception {
        return PreflightFixtures.all().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            PreflightReport r = run(f);
            Set<String> ids = new TreeSet<>();
            r.findings().forEach(x -> ids.add(x.id()));
            for (String e : f.expectations()) {
                String id = e.substring(1);
                if (e.startsWith("+")) assertTrue(ids.contains(id), f.name() + " must find " + id + ": " + ids);
                else assertFalse(ids.contains(id), f.name() + " must not find " + id + ": " + ids);
            }
            assertEquals("SSPR-FIXTURE", r.machine());
        }));
    }

    @Test
    void everyCheckOfTheNewRowsHasATriggeringAndACleanFixture() throws Exception {
        Set<String> plus = new TreeSet<>(), minus = new TreeSet<>();
        for (PreflightFixtures f : PreflightFixtures.all()) {
            for (String e : f.expectations()) (e.startsWith("+") ? plus : minus).add(e.substring(1));
        }
        for (Check c : new Check[] {Check.COMBINATION, Check.DOT1X_BEFORE_LOGON, Check.USER_PROXY_ONLY, Check.EXTRA_CREDENTIAL_PROVIDERS}) {
            assertTrue(plus.contains(c.id) && minus.contains(c.id), c.id + " needs a triggering and a clean fixture");
        }
    }

    @Test
    void theFindingsOfTheNewRows() throws Exception {
        PreflightReport cp = run(fixture("credential-providers-win7"));
        Finding f = cp.findings().stream().filter(x -> x.id().equals("PF014")).findFirst().orElseThrow();
        assertEquals("2 third-party credential providers: {0A1B2C3D-0000-4000-8000-00000000A001}, {86D2F0AC-2171-46CF-9998-4E33B3D7FD4F}", f.found());
        PreflightReport dot1x = run(fixture("dot1x-prelogon-win10"));
        assertEquals(1, dot1x.findings().stream().filter(x -> x.id().equals("PF012")).count(), "only the preLogon profile");
        assertEquals("lan-office.xml (singleSignOn type preLogon)",
                dot1x.findings().stream().filter(x -> x.id().equals("PF012")).findFirst().orElseThrow().found());
        PreflightReport proxy = run(fixture("proxy-user-only-win10"));
        Finding p = proxy.findings().stream().filter(x -> x.id().equals("PF013")).findFirst().orElseThrow();
        assertEquals("HKU\\S-1-5-21-0-0-0-1000\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings", p.key());
        assertEquals("ProxyEnable", p.valueName());
        assertTrue(Preflight.isThirdPartyDll("%ProgramFiles%\\Vendor\\x.dll"));
        assertFalse(Preflight.isThirdPartyDll("%SystemRoot%\\System32\\credprovs.dll"));
        assertFalse(Preflight.isThirdPartyDll("authui.dll"), "a bare name is loaded from System32");
    }

    static PreflightFixtures fixture(String name) throws Exception {
        return PreflightFixtures.all().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}

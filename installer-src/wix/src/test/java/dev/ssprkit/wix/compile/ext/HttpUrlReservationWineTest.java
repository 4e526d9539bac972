package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.testkit.Wine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.ssprkit.wix.compile.ext.MsiexecRun.has;
import static dev.ssprkit.wix.compile.ext.MsiexecRun.linesOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * http:UrlReservation with two http:UrlAce children (WiX v4 namespace, x64), compiled by our compiler and installed and
 * uninstalled by Wine 8's msiexec. Expected, from WiX's HTTP extension (HttpCompiler.cs, wixhttpca.cpp): the
 * reservation's SDDL is "D:" and one allow entry per ACE, "(A;;rights;;;SID)", rights register = GENERIC_EXECUTE
 * 0x20000000 and all = GENERIC_ALL 0x10000000; Everyone is the well-known SID S-1-1-0 and "*S-1-5-18" names
 * LocalSystem's SID directly; install adds the reservation (HandleExisting replace: remove first, then add), uninstall
 * removes it. Both msiexec runs must exit 0.
 *
 * <p>What Wine 8 cannot show: its httpapi keeps no URL ACLs. HttpSetServiceConfiguration and
 * HttpDeleteServiceConfiguration are stubs that answer NO_ERROR and keep nothing, and HttpQueryServiceConfiguration
 * answers ERROR_FILE_NOT_FOUND for every URL (dlls/httpapi/httpapi_main.c). So the reservation cannot be seen after
 * the install, nor its absence after the uninstall be told from "never there"; and HandleExisting's ignore/fail paths
 * (which need an existing reservation) and a rollback putting back an earlier reservation cannot be exercised. What
 * is shown: the scheduling half resolving the accounts and building the SDDL, the calls the deferred half makes with
 * that URL and SDDL, and Wine's answers to them (0 for set and delete).
 */
@Tag("interop")
class HttpUrlReservationWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir Path dir;

    static final String URL = "http://+:8080/ssprkit/";
    static final String SDDL = "D:(A;;0x20000000;;;S-1-1-0)(A;;0x10000000;;;S-1-5-18)";

    static final String SOURCE = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:http="http://wixtoolset.org/schemas/v4/wxs/http" xmlns:util="http://wixtoolset.org/schemas/v4/wxs/util">
              <Package Name="ssprkit UrlReservation" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{3C9E8F4B-5B0C-4E8F-9D6A-2F1E7A4B8C21}">
                <StandardDirectory Id="ProgramFiles64Folder"><Directory Id="INSTALLFOLDER" Name="ssprkit http">
                  <Component Id="Main">
                    <RegistryValue Root="HKLM" Key="Software\\ssprkit-http" Name="Installed" Value="1" Type="integer" KeyPath="yes"/>
                    <http:UrlReservation Id="Res" Url="%s">
                      <http:UrlAce Id="AceEveryone" SecurityPrincipal="Everyone" Rights="register"/>
                      <http:UrlAce Id="AceSystem" SecurityPrincipal="*S-1-5-18" Rights="all"/>
                    </http:UrlReservation>
                  </Component>
                </Directory></StandardDirectory>
                <!--extra-->
              </Package>
            </Wix>
            """.formatted(URL);

    private String run(String name, String... args) throws Exception {
        return MsiexecRun.run(wine, dir, name, args);
    }

    @Test
    void installAddsTheReservationAndUninstallRemovesIt() throws Exception {
        Path msi = CustomActionElementsTest.builtX64(dir, SOURCE, "urlacl");
        String install = run("install", "/i", msi.toString(), "/qn");
        assertTrue(install.startsWith("0\n"), install);
        List<String> sched = linesOf(install, "SchedHttpUrlReservationsInstall");
        has(sched, "reservation Res: Everyone (S-1-1-0) gets rights 0x20000000", install);
        has(sched, "reservation Res: *S-1-5-18 (S-1-5-18) gets rights 0x10000000", install);
        has(sched, "reservation Res: " + URL + " is not reserved now", install); // Wine's query: ERROR_FILE_NOT_FOUND
        has(sched, "reservation Res: to add " + URL + " with SDDL " + SDDL + " (HandleExisting 0)", install);
        List<String> exec = linesOf(install, "ExecHttpUrlReservations");
        has(exec, "HttpDeleteServiceConfiguration(" + URL + ") returned 0", install);
        has(exec, "HttpSetServiceConfiguration(" + URL + ", " + SDDL + ") returned 0", install);

        String uninstall = run("uninstall", "/x", msi.toString(), "/qn");
        assertTrue(uninstall.startsWith("0\n"), uninstall);
        has(linesOf(uninstall, "SchedHttpUrlReservationsUninstall"), "reservation Res: to remove " + URL, uninstall);
        List<String> remove = linesOf(uninstall, "ExecHttpUrlReservations");
        has(remove, "HttpDeleteServiceConfiguration(" + URL + ") returned 0", uninstall);
        assertTrue(remove.stream().noneMatch(l -> l.startsWith("HttpSetServiceConfiguration")), "uninstall adds nothing: " + remove);
    }

    /**
     * A failure later in the script (WiX's FailWhenDeferred, WIXFAILWHENDEFERRED=1) rolls the reservation back: the
     * rollback action scheduled before the install's (wixhttpca.cpp: RollbackHttpUrlReservationsInstall) removes the
     * URL's reservation again and, since there was none before the install, adds nothing; msiexec answers 1603
     * (ERROR_INSTALL_FAILURE; 67 through Wine's Unix exit status).
     */
    @Test
    void aFailedInstallRemovesTheReservationInItsRollback() throws Exception {
        Path msi = CustomActionElementsTest.builtX64(dir, SOURCE.replace("<!--extra-->", "<util:FailWhenDeferred/>"), "urlacl-fail");
        String install = run("fail", "/i", msi.toString(), "/qn", "WIXFAILWHENDEFERRED=1");
        assertTrue(install.startsWith((1603 & 0xFF) + "\n"), install);
        List<String> calls = linesOf(install, "ExecHttpUrlReservations").stream().filter(l -> l.startsWith("Http")).toList();
        assertEquals(List.of(
                "HttpDeleteServiceConfiguration(" + URL + ") returned 0",
                "HttpSetServiceConfiguration(" + URL + ", " + SDDL + ") returned 0",
                "HttpDeleteServiceConfiguration(" + URL + ") returned 0"), calls, install);
        assertTrue(install.indexOf("Wix4RollbackHttpUrlReservationsInstall_X64") < install.lastIndexOf("HttpDeleteServiceConfiguration"), install);
    }
}

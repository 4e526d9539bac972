package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.testkit.Wine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.ssprkit.wix.compile.ext.MsiexecRun.has;
import static dev.ssprkit.wix.compile.ext.MsiexecRun.linesOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * util:PermissionEx on a CreateFolder (WiX v4 namespace, x64), compiled by our compiler and run by Wine 8's msiexec.
 * Expected, from WiX's util:PermissionEx documentation and its util library: while the component is installed each
 * account is given its rights on the folder, added to the folder's DACL; the account is resolved on the target
 * machine (so a local account or group the build machine does not know works, and one the target does not know
 * fails the install); the DACL recorded before the install is written back if the install rolls back; nothing is
 * changed on uninstall (SchedSecureObjects runs under NOT REMOVE~="ALL"). Masks are WinNT.h's: GENERIC_READ
 * 0x80000000, GENERIC_WRITE 0x40000000, GENERIC_EXECUTE 0x20000000, GENERIC_ALL 0x10000000, FILE_LIST_DIRECTORY 0x1.
 *
 * <p>The accounts: {@code [LogonUser]} (formatted at install time to the Wine user, a local account Wine's
 * LookupAccountName resolves to S-1-5-21-0-0-0-1000), "Remote Desktop Users" (a built-in local group Wine knows by
 * name; not among the names WiX's action treats as well-known, so it takes the LookupAccountName path the issue's
 * "My App Managers" takes on Windows), "Users" (one of WiX's well-known names: a well-known SID, not inheritable here)
 * and Everyone through a property.
 *
 * <p>What Wine 8 cannot show: it keeps no access-control entries for files. SetNamedSecurityInfo answers 0, and
 * GetNamedSecurityInfo answers a DACL made from the folder's Unix mode (SYSTEM, the Unix user, Everyone), so the
 * entries for Remote Desktop Users, Users and the user are accepted and not visible afterwards; only Everyone's
 * GENERIC_ALL shows, as the Unix "other" bits becoming rwx (the DACL read back then holds (A;OICI;0x1301ff;;;WD)).
 * That Windows stores the entries, their inheritance flags and the DACL's protection is not shown. What is shown:
 * the rows scheduled, each account resolved or not (LookupAccountName's 1332 for an unknown group fails the install
 * with 1603), every SetNamedSecurityInfo answer, the DACL recorded before the install and the rollback writing it
 * back. Wine rolls back the folder's creation before our rollback runs (the folder existed before the install:
 * Windows would keep it), so the restore finds no folder and is logged as nothing to restore.
 */
@Tag("interop")
class SecureObjectsWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir Path dir;

    static final String SOURCE = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:util="http://wixtoolset.org/schemas/v4/wxs/util">
              <Package Name="ssprkit SecureObjects" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9}">
                <StandardDirectory Id="ProgramFiles64Folder"><Directory Id="INSTALLFOLDER" Name="ssprkit secure">
                  <Component Id="Main">
                    <RegistryValue Root="HKLM" Key="Software\\ssprkit-secure" Name="Installed" Value="1" Type="integer" KeyPath="yes"/>
                    <CreateFolder>
                      <util:PermissionEx User="[LogonUser]" GenericRead="yes" GenericWrite="yes"/>
                      <util:PermissionEx User="Remote Desktop Users" GenericRead="yes" GenericExecute="yes"/>
                      <util:PermissionEx User="Users" Read="yes" Inheritable="no"/>
                      <util:PermissionEx User="[EXTRA]" GenericAll="yes"/>
                    </CreateFolder>
                  </Component>
                </Directory></StandardDirectory>
                <Property Id="EXTRA" Value="Everyone"/>
              </Package>
            </Wix>
            """;

    private static final String FOLDER = "C:\\Program Files\\ssprkit secure\\";

    private String run(String name, String... args) throws Exception {
        return MsiexecRun.run(wine, dir, name, args);
    }

    @Test
    void installAddsEachAccountsEntryAndUninstallChangesNothing() throws Exception {
        Path msi = CustomActionElementsTest.builtX64(dir, SOURCE, "secure");
        String install = run("install", "/i", msi.toString(), "/qn");
        assertTrue(install.startsWith("0\n"), install);
        // the folder is made after SchedSecureObjectsRollback looked: nothing to record for it
        has(linesOf(install, "SchedSecureObjectsRollback"), "CreateFolder object INSTALLFOLDER (" + FOLDER + ") does not exist yet: nothing to restore on rollback", install);
        List<String> sched = linesOf(install, "SchedSecureObjects");
        String user = sched.stream().filter(l -> l.endsWith("to be allowed 0xc0000000, inheritable")).findFirst().orElseThrow(() -> new AssertionError(install));
        assertTrue(!user.contains("[LogonUser]") && !user.contains("): to be"), user); // formatted to the Wine user's name
        has(sched, "CreateFolder object INSTALLFOLDER (" + FOLDER + "): Remote Desktop Users to be allowed 0xa0000000, inheritable", install);
        has(sched, "CreateFolder object INSTALLFOLDER (" + FOLDER + "): Users to be allowed 0x00000001", install);
        has(sched, "CreateFolder object INSTALLFOLDER (" + FOLDER + "): Everyone to be allowed 0x10000000, inheritable", install);
        has(sched, "4 object permission(s) scheduled", install);
        List<String> exec = linesOf(install, "ExecSecureObjects");
        has(exec, FOLDER + ": Remote Desktop Users allowed 0xa0000000 (inheritable): SetNamedSecurityInfo 0", install);
        has(exec, FOLDER + ": Users allowed 0x00000001: SetNamedSecurityInfo 0", install);
        has(exec, FOLDER + ": Everyone allowed 0x10000000 (inheritable): SetNamedSecurityInfo 0", install);
        assertEquals(1, exec.stream().filter(l -> l.endsWith("allowed 0xc0000000 (inheritable): SetNamedSecurityInfo 0")).count(), install);
        assertEquals(4, exec.stream().filter(l -> l.startsWith(FOLDER + ": DACL now D:")).count(), install);
        // Wine's answer after Everyone's GENERIC_ALL: the Unix "other" bits as an Everyone entry (see the class comment)
        assertTrue(exec.stream().filter(l -> l.startsWith(FOLDER + ": DACL now ")).reduce((a, b) -> b).orElseThrow().contains("(A;OICI;0x1301ff;;;WD)"), install);

        String uninstall = run("uninstall", "/x", msi.toString(), "/qn");
        assertTrue(uninstall.startsWith("0\n"), uninstall);
        assertTrue(linesOf(uninstall, "SchedSecureObjects").isEmpty() && linesOf(uninstall, "ExecSecureObjects").isEmpty(), uninstall);
        assertTrue(linesOf(uninstall, "SchedSecureObjectsRollback").stream().anyMatch(l -> l.contains("DACL recorded for rollback: D:")), uninstall);
    }

    @Test
    void anAccountTheMachineDoesNotKnowFailsTheInstallAndTheRecordedDaclIsWrittenBack() throws Exception {
        String source = SOURCE.replace("ssprkit secure", "ssprkit secure2").replace("{0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9}", "{1A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9}");
        Path msi = CustomActionElementsTest.builtX64(dir, source, "secure2");
        Files.createDirectories(wine.cDrive("C:\\Program Files\\ssprkit secure2")); // exists before: its DACL is recorded
        String folder = "C:\\Program Files\\ssprkit secure2\\";
        String install = run("failed", "/i", msi.toString(), "/qn", "EXTRA=My App Managers");
        assertTrue(install.startsWith((1603 & 0xFF) + "\n"), install); // ERROR_INSTALL_FAILURE, modulo 256 from Wine's Unix process
        String recorded = linesOf(install, "SchedSecureObjectsRollback").stream().filter(l -> l.contains("DACL recorded for rollback: "))
                .map(l -> l.substring(l.indexOf("DACL recorded for rollback: ") + "DACL recorded for rollback: ".length())).findFirst()
                .orElseThrow(() -> new AssertionError(install));
        assertTrue(recorded.startsWith("D:"), recorded);
        has(linesOf(install, "SchedSecureObjects"), "CreateFolder object INSTALLFOLDER (" + folder + "): My App Managers to be allowed 0x10000000, inheritable", install);
        List<String> exec = linesOf(install, "ExecSecureObjects");
        has(exec, folder + ": the account My App Managers cannot be resolved", install);
        assertTrue(exec.stream().anyMatch(l -> l.startsWith("LookupAccountName failed") && l.endsWith("(error 1332)")), install); // ERROR_NONE_MAPPED
        List<String> rollback = linesOf(install, "ExecSecureObjectsRollback");
        assertTrue(rollback.stream().anyMatch(l -> l.startsWith(folder + ": DACL restored to " + recorded + ": SetNamedSecurityInfo ")), install);
    }
}

package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.testkit.Wine;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.ssprkit.wix.compile.ext.MsiexecRun.linesOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * util:User with util:GroupRef (WiX v4 namespace, x64), compiled by our compiler and run by Wine 8's msiexec. Expected,
 * from WiX's util:User documentation: a User in a Component is created when the component is installed, joins the
 * groups its GroupRefs name, gets "logon as a service" with LogonAsService="yes"; CreateUser="no" only gives rights and
 * groups to an account that exists; on uninstall the user goes (RemoveUser) or, when not created by the package, its
 * rights and memberships are taken back; a failed install undoes it all (CreateUserRollback). The password is a
 * property, as WiX's documentation advises.
 *
 * <p>What Wine 8 cannot show (tried): its netapi32 keeps users NetUserAdd creates in the memory of the process that
 * created them, and runs every custom action in a fresh one, so the created user is gone for the next action (the
 * uninstall's ConfigureUsers finds no user to remove, a rollback finds none to delete), LookupAccountName does not
 * know it (so LogonAsService is shown on the logged-on user, which Wine knows), and its group membership and LSA
 * rights calls answer success without keeping anything. So the outcomes here are the calls and their answers, read
 * from our lines in the verbose log, and msiexec's exit codes. Wine's verbose log ends with every session property,
 * MsiHiddenProperties or not (Windows masks those), so the author's own Hidden SVCPASS property is listed there by
 * Wine itself; no other line may hold the password.
 */
@Tag("interop")
class UserWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir Path dir;

    static final String PASSWORD = "Pw-4711-never-logged";

    static final String SOURCE = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:util="http://wixtoolset.org/schemas/v4/wxs/util">
              <Package Name="ssprkit User" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{3F5B7C3D-2E40-4F6B-8C9D-8E7F6A5B4C3F}">
                <StandardDirectory Id="ProgramFiles64Folder"><Directory Id="INSTALLFOLDER" Name="ssprkit user">
                  <Component Id="Main">
                    <RegistryValue Root="HKLM" Key="Software\\ssprkit-user" Name="Installed" Value="1" Type="integer" KeyPath="yes"/>
                    <util:User Id="SvcUser" Name="ssprkitsvc" Password="[SVCPASS]" PasswordNeverExpires="yes">
                      <util:GroupRef Id="Users"/>
                      <util:GroupRef Id="Admins"/>
                    </util:User>
                    <util:User Id="Me" Name="[LogonUser]" CreateUser="no" LogonAsService="yes">
                      <util:GroupRef Id="Users"/>
                    </util:User>
                  </Component>
                </Directory></StandardDirectory>
                <util:Group Id="Users" Name="Users"/>
                <util:Group Id="Admins" Name="Administrators"/>
                <util:FailWhenDeferred/>
                <Property Id="SVCPASS" Hidden="yes"/>
              </Package>
            </Wix>
            """;

    private static void passwordOnlyInWinesPropertyDump(String log) {
        List<String> holding = log.lines().filter(l -> l.contains(PASSWORD)).toList();
        assertEquals(List.of("Property(S): SVCPASS = " + PASSWORD), holding, "only Wine's dump of the author's own property holds it");
    }

    private String run(String name, String... args) throws Exception {
        return MsiexecRun.run(wine, dir, name, args);
    }

    @Test
    void installCreatesTheUserJoinsItsGroupsAndUninstallAndRollbackUndoIt() throws Exception {
        Path msi = dir.resolve("user.msi");
        BuildResult r = TestBuild.build(dir, SOURCE, msi, b -> b.platform("x64"));
        assertTrue(r.success(), r.diagnostics().toString());
        String me = wine.wine("cmd", "/c", "echo %USERNAME%").assertOk().stdout().strip();

        String install = run("install", "/i", msi.toString(), "/qn", "SVCPASS=" + PASSWORD);
        assertTrue(install.startsWith("0\n"), install);
        assertTrue(linesOf(install, "ConfigureUsers").contains("user ssprkitsvc: to create, 2 group(s) to join"), install);
        assertTrue(linesOf(install, "ConfigureUsers").contains("user " + me + ": not created (CreateUser=no), 1 group(s) to join"), install);
        List<String> created = linesOf(install, "CreateUser");
        for (String line : List.of("user ssprkitsvc created", "user ssprkitsvc: member of group Users", "user ssprkitsvc: member of group Administrators",
                "user " + me + ": SeServiceLogonRight granted", "user " + me + ": member of group Users")) {
            assertTrue(created.contains(line), line + " in " + created);
        }
        passwordOnlyInWinesPropertyDump(install);

        String uninstall = run("uninstall", "/x", msi.toString(), "/qn");
        assertTrue(uninstall.startsWith("0\n"), uninstall);
        // the created user lived in another process's memory (see above); the existing account gets its rights and group back
        assertTrue(linesOf(uninstall, "ConfigureUsers").contains("user ssprkitsvc does not exist: nothing to remove"), uninstall);
        List<String> removed = linesOf(uninstall, "RemoveUser");
        for (String line : List.of("user " + me + ": SeServiceLogonRight taken back", "user " + me + ": no longer a member of group Users")) {
            assertTrue(removed.contains(line), line + " in " + removed);
        }

        String failed = run("failed", "/i", msi.toString(), "/qn", "SVCPASS=" + PASSWORD, "WIXFAILWHENDEFERRED=1");
        assertTrue(failed.startsWith((1603 & 0xFF) + "\n"), failed); // ERROR_INSTALL_FAILURE, modulo 256 from Wine's Unix process
        assertTrue(linesOf(failed, "CreateUser").contains("user ssprkitsvc created"), failed);
        List<String> undone = linesOf(failed, "CreateUserRollback");
        for (String line : List.of("user ssprkitsvc does not exist (any more)", "user " + me + ": SeServiceLogonRight taken back",
                "user " + me + ": no longer a member of group Users")) {
            assertTrue(undone.contains(line), line + " in " + undone);
        }
        passwordOnlyInWinesPropertyDump(failed);
    }
}

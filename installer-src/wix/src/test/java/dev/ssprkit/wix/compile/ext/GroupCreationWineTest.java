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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WiX v6's util:Group in a Component (the reproducer r4b, with a Comment), compiled by our compiler and run by
 * Wine 8's msiexec. Expected, from WiX's util:Group documentation and its v6 util library: installing the component
 * creates the local group (ConfigureGroups schedules CreateGroupRollback and CreateGroup), uninstalling removes it
 * (the commit action RemoveGroup), a group that exists fails the install when FailIfExists="yes".
 *
 * <p>What Wine 8 cannot show: its netapi32 keeps no groups. NetLocalGroupGetInfo answers 0 (the group exists) for a
 * group never created, NetLocalGroupAdd and NetLocalGroupDel answer 0 without doing anything, and LookupAccountName
 * does not know the name afterwards (tried: a PermissionEx for the new group in the same package fails with 1332
 * under Wine). So whether a group exists is not observable; what is shown is the scheduling (which actions, for
 * which component states), the calls and Wine's answers, and, because Wine says every group exists, the rollback
 * leaving a group that "existed before" alone and FailIfExists failing the install.
 */
@Tag("interop")
class GroupCreationWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir Path dir;

    static final String SOURCE = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:util="http://wixtoolset.org/schemas/v4/wxs/util">
              <Package Name="ssprkit groups" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{5C4FB096-7E81-42A3-BEDF-4A5B6C7D8E9F}">
                <StandardDirectory Id="ProgramFiles64Folder"><Directory Id="INSTALLFOLDER" Name="ssprkit groups">
                  <Component Id="Main">
                    <RegistryValue Root="HKLM" Key="Software\\ssprkit-groups" Name="Installed" Value="1" Type="integer" KeyPath="yes"/>
                    <util:Group Id="Managers" Name="My App Managers" Comment="created by ssprkit tests"/>
                  </Component>
                </Directory></StandardDirectory>
              </Package>
            </Wix>
            """;

    private String run(String name, String... args) throws Exception {
        return MsiexecRun.run(wine, dir, name, args);
    }

    @Test
    void installCreatesAndUninstallRemovesTheGroup() throws Exception {
        Path msi = CustomActionElementsTest.builtX64(dir, SOURCE, "groups");
        String install = run("install", "/i", msi.toString(), "/qn");
        assertTrue(install.startsWith("0\n"), install);
        List<String> configure = linesOf(install, "ConfigureGroups");
        has(configure, "group My App Managers: NetLocalGroupGetInfo 0 (exists)", install); // Wine's answer for any name
        has(configure, "group My App Managers: to create (attributes 0x0)", install);
        has(linesOf(install, "CreateGroup"), "NetLocalGroupAdd My App Managers: 0", install);
        assertTrue(linesOf(install, "RemoveGroup").isEmpty(), install);

        String uninstall = run("uninstall", "/x", msi.toString(), "/qn");
        assertTrue(uninstall.startsWith("0\n"), uninstall);
        has(linesOf(uninstall, "ConfigureGroups"), "group My App Managers: to remove", uninstall);
        has(linesOf(uninstall, "RemoveGroup"), "NetLocalGroupDel My App Managers: 0", uninstall);
        assertTrue(linesOf(uninstall, "CreateGroup").isEmpty(), uninstall);
    }

    @Test
    void failIfExistsFailsTheInstallWhenTheGroupExists() throws Exception {
        String source = SOURCE.replace("Comment=\"created by ssprkit tests\"", "FailIfExists=\"yes\"")
                .replace("{5C4FB096-7E81-42A3-BEDF-4A5B6C7D8E9F}", "{6D50C1A7-8F92-43B4-8FE0-5B6C7D8E9FA0}");
        Path msi = CustomActionElementsTest.builtX64(dir, source, "groups-fail");
        String install = run("install-fail", "/i", msi.toString(), "/qn");
        assertTrue(install.startsWith((1603 & 0xFF) + "\n"), install); // ERROR_INSTALL_FAILURE, modulo 256 from Wine's Unix process
        has(linesOf(install, "ConfigureGroups"), "group My App Managers exists and FailIfExists is set", install);
        assertTrue(linesOf(install, "CreateGroup").isEmpty(), install);
    }
}

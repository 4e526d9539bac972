package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.testkit.Tool;
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
 * util:FileShare with util:FileSharePermission (WiX v4 namespace, x64), compiled by our compiler and run by Wine 8's
 * msiexec. Expected, from WiX's util:FileShare documentation: the component's directory is shared under Name while the
 * component is installed, with the rights each FileSharePermission gives its user; uninstalling removes the share; a
 * failed install removes a share it created (CreateSmbRollback). The masks are WinNT.h's: FILE_LIST_DIRECTORY (Read)
 * 0x1, READ_CONTROL (ReadPermission) 0x20000, GENERIC_READ 0x80000000, GENERIC_ALL 0x10000000.
 *
 * <p>What Wine 8 cannot show (tried, without Samba's libnetapi, which this machine does not have): its netapi32 has no
 * shares of its own. NetShareGetInfo answers 2310 (NERR_NetNameNotFound) for any name, NetShareAdd answers 50
 * (ERROR_NOT_SUPPORTED) and NetShareDel answers 0 without doing anything. So no share can be created or seen under
 * Wine, and an install that creates one fails (as it must: WiX's CreateSmb is Return="check"). What is shown: our log
 * lines of the calls and their answers, the security descriptor's entries (account and mask, resolved from the User
 * rows), the rollback dropping the share after the failed create, and, for the uninstall path, a copy of the package
 * with ConfigureSmbInstall taken out of its InstallExecuteSequence (msibuild, after our build), so that it installs
 * without trying to create the share, whose uninstall then schedules and runs DropSmb; both msiexec runs of that pair
 * exit 0. (VersionNT=400 on the command line, against WiX's "VersionNT > 400" condition, was tried first: Wine keeps
 * its own VersionNT, as Windows does.)
 */
@Tag("interop")
class FileShareWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir Path dir;

    static final String SOURCE = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:util="http://wixtoolset.org/schemas/v4/wxs/util">
              <Package Name="ssprkit FileShare" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{8E0A2182-7395-4EB0-91E2-D3CEBFA09182}">
                <StandardDirectory Id="ProgramFiles64Folder"><Directory Id="INSTALLFOLDER" Name="ssprkit share">
                  <Component Id="Main">
                    <RegistryValue Root="HKLM" Key="Software\\ssprkit-share" Name="Installed" Value="1" Type="integer" KeyPath="yes"/>
                    <CreateFolder/>
                    <util:FileShare Id="Data" Name="ssprkitdata" Description="ssprkit test share">
                      <util:FileSharePermission User="Everyone" Read="yes" GenericRead="yes" ReadPermission="yes"/>
                      <util:FileSharePermission User="Admins" GenericAll="yes"/>
                    </util:FileShare>
                  </Component>
                </Directory></StandardDirectory>
                <util:User Id="Everyone" Name="Everyone"/>
                <util:User Id="Admins" Name="Administrators"/>
              </Package>
            </Wix>
            """;

    private String run(String name, String... args) throws Exception {
        return MsiexecRun.run(wine, dir, name, args);
    }

    private Path build() throws Exception {
        return CustomActionElementsTest.builtX64(dir, SOURCE, "share");
    }

    @Test
    void installBuildsTheDescriptorCallsNetShareAddAndRollsBackWhenWineRefusesIt() throws Exception {
        Path msi = build();
        String install = run("install", "/i", msi.toString(), "/qn");
        assertTrue(install.startsWith((1603 & 0xFF) + "\n"), install); // ERROR_INSTALL_FAILURE, modulo 256 from Wine's Unix process
        has(linesOf(install, "ConfigureSmbInstall"), "share ssprkitdata (C:\\Program Files\\ssprkit share): to create, 2 permission(s)", install);
        List<String> create = linesOf(install, "CreateSmb");
        has(create, "share ssprkitdata: Everyone allowed 0x80020001", install);
        has(create, "share ssprkitdata: Administrators allowed 0x10000000", install);
        has(create, "NetShareGetInfo ssprkitdata: 2310", install);
        has(create, "NetShareAdd ssprkitdata (C:\\Program Files\\ssprkit share): 50", install);
        // CreateSmbRollback runs the DropSmb entry point
        has(linesOf(install, "DropSmb"), "NetShareDel ssprkitdata: 0", install);
    }

    @Test
    void uninstallDropsTheShare() throws Exception {
        Tool.require("msibuild");
        Path msi = build();
        Tool.run("msibuild", msi.toString(), "-q", "DELETE FROM `InstallExecuteSequence` WHERE `Action` = 'Wix4ConfigureSmbInstall_X64'").assertOk();
        String install = run("install-skipped", "/i", msi.toString(), "/qn");
        assertTrue(install.startsWith("0\n"), install);
        assertTrue(linesOf(install, "CreateSmb").isEmpty(), install);
        String uninstall = run("uninstall", "/x", msi.toString(), "/qn");
        assertTrue(uninstall.startsWith("0\n"), uninstall);
        has(linesOf(uninstall, "ConfigureSmbUninstall"), "share ssprkitdata (C:\\Program Files\\ssprkit share): to drop, 2 permission(s)", uninstall);
        has(linesOf(uninstall, "DropSmb"), "NetShareDel ssprkitdata: 0", uninstall);
        assertTrue(linesOf(uninstall, "CreateSmb").isEmpty(), uninstall); // DropSmbRollback is only run when the uninstall fails
    }
}

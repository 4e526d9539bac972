package dev.ssprkit.wix.compile.ext;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.ssprkit.wix.compile.ext.CustomActionElementsTest.condition;
import static dev.ssprkit.wix.compile.ext.CustomActionElementsTest.hasRow;
import static dev.ssprkit.wix.compile.ext.CustomActionElementsTest.sequence;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * util:FileShare and util:FileSharePermission compiled from WiX v3 and v4 sources, read back with msitools. Expected
 * values from WiX, not from our code: the columns of WiX v3 tables.xml (FileShare: FileShare, ShareName, Component_,
 * Description, Directory_, User_, Permissions; FileSharePermissions: FileShare_, User_, Permissions) and v4
 * UtilTableDefinitions (Wix4FileShare without User_ and Permissions; Wix4FileSharePermissions: Wix4FileShare_,
 * Wix4User_, Permissions); WiX's UtilExtensionFixture.CanBuildUsingFileShare (a share for Everyone with Read="yes" is
 * the row "ExampleFileShare\tEveryone\t1"; action types 1, 1, 11265, 11585 running DropSmb, 11265, 11585 running
 * CreateSmb); the util compiler's bit offsets (folder rights from bit 0, standard rights from 16, generic from 28),
 * which are WinNT.h's: WRITE_DAC (ChangePermission) 0x40000, GENERIC_ALL 0x10000000; WiX's util wixlib
 * (UtilExtension_Platform.wxi, v3 and v4): ConfigureSmbInstall after InstallFiles, ConfigureSmbUninstall after
 * RemoveFiles, both under "VersionNT > 400".
 */
@Tag("interop")
class FileShareElementsTest {
    @TempDir Path dir;

    static final String V4 = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:util="http://wixtoolset.org/schemas/v4/wxs/util">
              <Package Name="Shares v4" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{6C8E0F60-5173-4C9E-BFC0-B1AC9D8E7F6C}">
                <StandardDirectory Id="ProgramFiles64Folder"><Directory Id="INSTALLFOLDER" Name="Shares v4">
                  <Component Id="Main">
                    <RegistryValue Root="HKLM" Key="Software\\ssprkit-shares" Name="v" Value="1" Type="integer" KeyPath="yes"/>
                    <util:FileShare Id="Data" Name="[SHARENAME]" Description="An example file share">
                      <util:FileSharePermission User="Everyone" Read="yes"/>
                      <util:FileSharePermission User="Admins" ChangePermission="yes" GenericAll="yes"/>
                    </util:FileShare>
                  </Component>
                </Directory></StandardDirectory>
                <util:User Id="Everyone" Name="Everyone"/>
                <util:User Id="Admins" Name="Administrators"/>
                <Property Id="SHARENAME" Value="example"/>
                <Feature Id="Main"><ComponentRef Id="Main"/></Feature>
              </Package>
            </Wix>
            """;

    static final String V3 = """
            <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi" xmlns:util="http://schemas.microsoft.com/wix/UtilExtension">
              <Product Id="*" Name="Shares v3" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{7D9F1071-6284-4DAF-80D1-C2BDAE9F8071}">
                <Package InstallerVersion="500" Compressed="yes" InstallScope="perMachine" Platform="x64"/>
                <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFiles64Folder"><Directory Id="INSTALLFOLDER" Name="Shares v3">
                  <Component Id="Main" Guid="{A04F5162-7D8E-4F90-A1B2-C3D4E5F60718}">
                    <RegistryValue Root="HKLM" Key="Software\\ssprkit-shares3" Name="v" Value="1" Type="integer" KeyPath="yes"/>
                    <util:FileShare Id="Data" Name="example">
                      <util:FileSharePermission User="Everyone" Read="yes"/>
                    </util:FileShare>
                  </Component>
                </Directory></Directory></Directory>
                <util:User Id="Everyone" Name="Everyone"/>
                <Feature Id="Main" Level="1"><ComponentRef Id="Main"/></Feature>
              </Product>
            </Wix>
            """;

    private Path build(String source, String name) throws Exception {
        return CustomActionElementsTest.builtX64(dir, source, name);
    }

    @Test
    void v4RowsActionsAndPlacementAreWixOnes() throws Exception {
        Path msi = build(V4, "v4");
        hasRow(msi, "Wix4FileShare", "Data\t[SHARENAME]\tMain\tAn example file share\tINSTALLFOLDER");
        hasRow(msi, "Wix4FileSharePermissions", "Data\tEveryone\t1");
        hasRow(msi, "Wix4FileSharePermissions", "Data\tAdmins\t268697600");      // 0x10000000 + 0x40000
        hasRow(msi, "Wix4User", "Everyone\t\tEveryone\t\t\t\t0");                  // declared only: no component
        hasRow(msi, "CustomAction", "Wix4ConfigureSmbInstall_X64\t1\tWix4UtilCA_X64\tConfigureSmbInstall\t");
        hasRow(msi, "CustomAction", "Wix4ConfigureSmbUninstall_X64\t1\tWix4UtilCA_X64\tConfigureSmbUninstall\t");
        hasRow(msi, "CustomAction", "Wix4CreateSmb_X64\t11265\tWix4UtilCA_X64\tCreateSmb\t");
        hasRow(msi, "CustomAction", "Wix4CreateSmbRollback_X64\t11585\tWix4UtilCA_X64\tDropSmb\t");
        hasRow(msi, "CustomAction", "Wix4DropSmb_X64\t11265\tWix4UtilCA_X64\tDropSmb\t");
        hasRow(msi, "CustomAction", "Wix4DropSmbRollback_X64\t11585\tWix4UtilCA_X64\tCreateSmb\t");
        String seq = "InstallExecuteSequence";
        assertTrue(sequence(msi, seq, "Wix4ConfigureSmbInstall_X64") > sequence(msi, seq, "InstallFiles"));
        assertTrue(sequence(msi, seq, "Wix4ConfigureSmbUninstall_X64") > sequence(msi, seq, "RemoveFiles"));
        assertTrue(sequence(msi, seq, "Wix4ConfigureSmbUninstall_X64") < sequence(msi, seq, "InstallFiles"));
        assertTrue("VersionNT > 400".equals(condition(msi, seq, "Wix4ConfigureSmbInstall_X64")));
        assertTrue("VersionNT > 400".equals(condition(msi, seq, "Wix4ConfigureSmbUninstall_X64")));
    }

    @Test
    void v3RowsUseV3TablesAndNames() throws Exception {
        Path msi = build(V3, "v3");
        hasRow(msi, "FileShare", "Data\texample\tMain\t\tINSTALLFOLDER\t\t");       // User_ and Permissions left empty, as WiX v3 does
        hasRow(msi, "FileSharePermissions", "Data\tEveryone\t1");
        hasRow(msi, "CustomAction", "ConfigureSmbInstall_x64\t1\tWixCA_x64\tConfigureSmbInstall\t");
        hasRow(msi, "CustomAction", "ConfigureSmbUninstall_x64\t1\tWixCA_x64\tConfigureSmbUninstall\t");
        hasRow(msi, "CustomAction", "CreateSmb_64\t11265\tWixCA_x64\tCreateSmb\t");
        hasRow(msi, "CustomAction", "CreateSmbRollback_64\t11585\tWixCA_x64\tDropSmb\t");
        hasRow(msi, "CustomAction", "DropSmb_64\t11265\tWixCA_x64\tDropSmb\t");
        hasRow(msi, "CustomAction", "DropSmbRollback_64\t11585\tWixCA_x64\tCreateSmb\t");
        assertTrue(sequence(msi, "InstallExecuteSequence", "ConfigureSmbInstall_x64") > sequence(msi, "InstallExecuteSequence", "InstallFiles"));
    }

    private String errors(String source) throws Exception {
        return CustomActionElementsTest.x64Errors(dir, source);
    }

    @Test
    void badInputIsALocatedError() throws Exception {
        // a permission for a user no source defines: an unresolved reference at the permission (line 7 of p.wxs)
        String text = errors(V4.replace("User=\"Everyone\" Read", "User=\"Nobody\" Read"));
        assertTrue(text.contains("p.wxs:7:") && text.contains("Wix4User 'Nobody' is referenced here but not defined"), text);
        // WiX refuses GenericRead alone (the MSI null integer) and a share without permissions
        text = errors(V4.replace("Read=\"yes\"/>", "GenericRead=\"yes\"/>"));
        assertTrue(text.contains("p.wxs:7:") && text.contains("GenericRead alone"), text);
        text = errors(V3.replace("<util:FileSharePermission User=\"Everyone\" Read=\"yes\"/>", ""));
        assertTrue(text.contains("p.wxs:7:") && text.contains("util:FileSharePermission"), text);
        // a right the schema does not have, a missing Name, a missing User
        text = errors(V4.replace("Read=\"yes\"/>", "Read=\"yes\" Fly=\"yes\"/>"));
        assertTrue(text.contains("p.wxs:7:") && text.contains("has no attribute Fly"), text);
        text = errors(V4.replace(" Name=\"[SHARENAME]\"", ""));
        assertTrue(text.contains("p.wxs:6:") && text.contains("requires attribute Name"), text);
        text = errors(V4.replace("User=\"Everyone\" Read", "Read"));
        assertTrue(text.contains("p.wxs:7:") && text.contains("<util:FileSharePermission> requires attribute User"), text);
    }
}

package dev.ssprkit.wix.compile.ext;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.ssprkit.wix.compile.ext.CustomActionElementsTest.condition;
import static dev.ssprkit.wix.compile.ext.CustomActionElementsTest.hasRow;
import static dev.ssprkit.wix.compile.ext.CustomActionElementsTest.rows;
import static dev.ssprkit.wix.compile.ext.CustomActionElementsTest.sequence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * util:PermissionEx compiled from WiX v4 and v3 sources, read back with msitools. Expected values come from WiX, not
 * from our code:
 * <ul>
 * <li>the rows of WiX's own test, UtilExtensionFixture.CanBuildWithPermissionEx (v6.0.2, TestData/PermissionEx: a
 *     File, a CreateFolder, a ServiceInstall "testsvc", a RegistryKey with ForceCreateOnInstall and a RegistryValue,
 *     each with {@code User="Everyone" GenericAll="yes"}): {@code <object>\t<table>\t\tEveryone\t1\t268435456\t<component>}
 *     with tables File, CreateFolder (the Directory), ServiceInstall, Registry; WiX's ids there are its generated
 *     ones, so the source below names the File and Component, and the ServiceInstall's Id (WiX v4+ derives a missing
 *     one from the Name, CreateIdentifierFromFilename; our compiler generates a hashed one);</li>
 * <li>the columns of v4's UtilTableDefinitions.Wix4SecureObject (SecureObject, Table, Domain, User, Attributes,
 *     Permission, Component_) and v3's tables.xml SecureObjects (no Attributes); Attributes 0x1 = inheritable
 *     (SecureObjectsSymbol.cs), the default unless Inheritable="no" (UtilCompiler.ParsePermissionExElement);</li>
 * <li>the masks from WinNT.h through the compiler's bit offsets: GENERIC_READ 0x80000000 | GENERIC_WRITE 0x40000000 =
 *     -1073741824 in the signed column;</li>
 * <li>WiX's util wixlib (UtilExtension_Platform.wxi, v3 and v4): SchedSecureObjects immediate after InstallServices
 *     with {@code NOT REMOVE~="ALL" AND VersionNT > 400}, SchedSecureObjectsRollback immediate after
 *     UnpublishFeatures with {@code VersionNT > 400}, ExecSecureObjects deferred / ExecSecureObjectsRollback rollback,
 *     both Impersonate="no" HideTarget="yes" (types 1, 1, 11265, 11521); v3's x64 names SchedSecureObjects_x64 and
 *     ExecSecureObjects_64 on WixCA_x64 (caSuffix.wxi's Suffix and DeferredSuffix).</li>
 * </ul>
 * Before this change an account other than the well-known ones (the reproducer's "My App Managers", any Domain) was
 * WIX0133 "not supported yet", and well-known ones became MsiLockPermissionsEx rows.
 */
@Tag("interop")
class SecureObjectsElementsTest {
    @TempDir Path dir;

    static final String V4 = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:util="http://wixtoolset.org/schemas/v4/wxs/util">
              <Package Name="Secure v4" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{1E0B7C52-3A4D-4E6F-8A9B-0C1D2E3F4A5B}">
                <StandardDirectory Id="ProgramFiles64Folder"><Directory Id="INSTALLFOLDER" Name="Secure v4">
                  <Component Id="Main">
                    <File Id="Example" Source="app.exe">
                      <util:PermissionEx User="Everyone" GenericAll="yes" />
                    </File>
                    <CreateFolder>
                      <util:PermissionEx User="Everyone" GenericAll="yes" />
                      <util:PermissionEx User="My App Managers" GenericRead="yes" GenericWrite="yes" />
                      <util:PermissionEx User="svc-app" Domain="[DOMAIN]" GenericAll="yes" Inheritable="no" />
                    </CreateFolder>
                    <ServiceInstall Id="testsvc" Name="testsvc" Type="ownProcess" Start="disabled" ErrorControl="normal">
                      <util:PermissionEx User="Everyone" GenericAll="yes" />
                    </ServiceInstall>
                    <RegistryKey Id="ExampleRegistryKey" ForceCreateOnInstall="yes" Root="HKLM" Key="TestRegistryKey">
                      <util:PermissionEx User="Everyone" GenericAll="yes" />
                    </RegistryKey>
                    <RegistryValue Root="HKLM" Key="TestRegistryValueKey" Value="abc">
                      <PermissionEx User="Everyone" GenericAll="yes" xmlns="http://wixtoolset.org/schemas/v4/wxs/util" />
                    </RegistryValue>
                  </Component>
                </Directory></StandardDirectory>
                <Feature Id="Main"><ComponentRef Id="Main"/></Feature>
              </Package>
            </Wix>
            """;

    static final String V3 = """
            <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi" xmlns:util="http://schemas.microsoft.com/wix/UtilExtension">
              <Product Id="*" Name="Secure v3" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{2F1C8D63-4B5E-4F70-9BAC-1D2E3F4A5B6C}">
                <Package InstallerVersion="500" Compressed="yes" InstallScope="perMachine" Platform="x64"/>
                <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFiles64Folder"><Directory Id="INSTALLFOLDER" Name="Secure v3">
                  <Component Id="Main" Guid="{B15F6273-8E9F-4A01-B2C3-D4E5F6071829}">
                    <File Id="Example" Source="app.exe" KeyPath="yes"/>
                    <CreateFolder>
                      <util:PermissionEx User="My App Managers" GenericRead="yes" GenericWrite="yes"/>
                    </CreateFolder>
                  </Component>
                </Directory></Directory></Directory>
                <Feature Id="Main" Level="1"><ComponentRef Id="Main"/></Feature>
              </Product>
            </Wix>
            """;

    private Path build(String source, String name) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("app.exe"), "not really a program");
        return CustomActionElementsTest.builtX64(dir, source, name);
    }

    @Test
    void v4RowsActionsAndPlacementAreWixOnes() throws Exception {
        Path msi = build(V4, "v4");
        // WiX's fixture rows
        hasRow(msi, "Wix4SecureObject", "Example\tFile\t\tEveryone\t1\t268435456\tMain");
        hasRow(msi, "Wix4SecureObject", "INSTALLFOLDER\tCreateFolder\t\tEveryone\t1\t268435456\tMain");
        hasRow(msi, "Wix4SecureObject", "testsvc\tServiceInstall\t\tEveryone\t1\t268435456\tMain");
        hasRow(msi, "Wix4SecureObject", "ExampleRegistryKey\tRegistry\t\tEveryone\t1\t268435456\tMain");
        String registryValue = rows(msi, "Registry").lines().filter(l -> l.contains("\tTestRegistryValueKey\t")).map(l -> l.split("\t")[0])
                .findFirst().orElseThrow();
        hasRow(msi, "Wix4SecureObject", registryValue + "\tRegistry\t\tEveryone\t1\t268435456\tMain");
        // the reproducer's local group, and a domain account (formatted at install time), not inheritable
        hasRow(msi, "Wix4SecureObject", "INSTALLFOLDER\tCreateFolder\t\tMy App Managers\t1\t-1073741824\tMain");
        hasRow(msi, "Wix4SecureObject", "INSTALLFOLDER\tCreateFolder\t[DOMAIN]\tsvc-app\t0\t268435456\tMain");
        hasRow(msi, "CustomAction", "Wix4SchedSecureObjects_X64\t1\tWix4UtilCA_X64\tSchedSecureObjects\t");
        hasRow(msi, "CustomAction", "Wix4SchedSecureObjectsRollback_X64\t1\tWix4UtilCA_X64\tSchedSecureObjectsRollback\t");
        hasRow(msi, "CustomAction", "Wix4ExecSecureObjects_X64\t11265\tWix4UtilCA_X64\tExecSecureObjects\t");
        hasRow(msi, "CustomAction", "Wix4ExecSecureObjectsRollback_X64\t11521\tWix4UtilCA_X64\tExecSecureObjectsRollback\t");
        String seq = "InstallExecuteSequence";
        assertTrue(sequence(msi, seq, "Wix4SchedSecureObjects_X64") > sequence(msi, seq, "InstallServices"));
        assertTrue(sequence(msi, seq, "Wix4SchedSecureObjectsRollback_X64") > sequence(msi, seq, "UnpublishFeatures"));
        assertTrue(sequence(msi, seq, "Wix4SchedSecureObjectsRollback_X64") < sequence(msi, seq, "InstallFiles"));
        assertEquals("NOT REMOVE~=\"ALL\" AND VersionNT > 400", condition(msi, seq, "Wix4SchedSecureObjects_X64"));
        assertEquals("VersionNT > 400", condition(msi, seq, "Wix4SchedSecureObjectsRollback_X64"));
        assertFalse(CustomActionElementsTest.rows(msi, "_Tables").contains("MsiLockPermissionsEx"));
    }

    @Test
    void v3RowsUseV3TablesAndNames() throws Exception {
        Path msi = build(V3, "v3");
        hasRow(msi, "SecureObjects", "INSTALLFOLDER\tCreateFolder\t\tMy App Managers\t-1073741824\tMain");
        hasRow(msi, "CustomAction", "SchedSecureObjects_x64\t1\tWixCA_x64\tSchedSecureObjects\t");
        hasRow(msi, "CustomAction", "SchedSecureObjectsRollback_x64\t1\tWixCA_x64\tSchedSecureObjectsRollback\t");
        hasRow(msi, "CustomAction", "ExecSecureObjects_64\t11265\tWixCA_x64\tExecSecureObjects\t");
        hasRow(msi, "CustomAction", "ExecSecureObjectsRollback_64\t11521\tWixCA_x64\tExecSecureObjectsRollback\t");
        assertTrue(sequence(msi, "InstallExecuteSequence", "SchedSecureObjects_x64") > sequence(msi, "InstallExecuteSequence", "InstallServices"));
    }

    private String errors(String source) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("app.exe"), "not really a program");
        return CustomActionElementsTest.x64Errors(dir, source);
    }

    @Test
    void badInputIsALocatedError() throws Exception {
        // no User (WiX: ExpectedAttribute), at the element (line 6 of p.wxs)
        String text = errors(V4.replaceFirst("User=\"Everyone\" GenericAll", "GenericAll"));
        assertTrue(text.contains("p.wxs:6:") && text.contains("<util:PermissionEx> requires attribute User"), text);
        // GenericRead alone is the MSI null integer (WiX: GenericReadNotAllowed)
        text = errors(V4.replace("User=\"My App Managers\" GenericRead=\"yes\" GenericWrite=\"yes\"", "User=\"My App Managers\" GenericRead=\"yes\""));
        assertTrue(text.contains("p.wxs:10:") && text.contains("GenericRead alone"), text);
        // a right the folder schema does not have, at the attribute
        text = errors(V4.replace("GenericWrite=\"yes\" />", "GenericWrite=\"yes\" ServiceStart=\"yes\" />"));
        assertTrue(text.contains("p.wxs:10:") && text.contains("has no attribute ServiceStart"), text);
        // a RegistryKey without ForceCreateOnInstall has no Registry row to secure (WiX: InvalidRegistryObject)
        text = errors(V4.replace(" ForceCreateOnInstall=\"yes\"", ""));
        assertTrue(text.contains("p.wxs:17:") && text.contains("ForceCreateOnInstall"), text);
        // Inheritable is WiX v4's
        text = errors(V3.replace("GenericWrite=\"yes\"/>", "GenericWrite=\"yes\" Inheritable=\"no\"/>"));
        assertTrue(text.contains("p.wxs:8:") && text.contains("Inheritable"), text);
    }
}

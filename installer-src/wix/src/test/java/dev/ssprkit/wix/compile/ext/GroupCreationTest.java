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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WiX v6's util:Group inside a Component (creating the group), read back with msitools. Expected values come from WiX,
 * not from our code: WiX v6.0.2's own test UtilExtensionFixture (TestData/CreateGroup: the groups TEST_GROUP00, 01,
 * 08, 16, 32 and 65 below are copied from its PackageComponents.wxs, and their rows from the fixture's expected
 * list: Wix4Group {@code TEST_GROUP01\tComponent1\ttestName01\t}, Wix6Group {@code TEST_GROUP01\tTest Comment 1\t16},
 * the seven CustomAction rows with types 1, 1025, 1281, 3073, 3329, 1601, 3649); v6.0.2 UtilTableDefinitions
 * (Wix6Group: Group_, Comment, Attributes); UtilExtension_Platform.wxi (Wix6ConfigureGroups before InstallFiles under
 * "VersionNT > 400"). The reproducer (r4b, from Evolveum/midpoint-password-agent-ad): a group without Id in a
 * permanent component; until this change it was WIX0133 "not supported yet".
 */
@Tag("interop")
class GroupCreationTest {
    @TempDir Path dir;

    static final String V4 = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:util="http://wixtoolset.org/schemas/v4/wxs/util">
              <Package Name="Groups v6" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{3A2D9E74-5C6F-4081-9CBD-2E3F4A5B6C7D}">
                <StandardDirectory Id="ProgramFiles64Folder"><Directory Id="INSTALLFOLDER" Name="Groups v6">
                  <Component Id="Component1" Permanent="yes">
                    <RegistryValue Root="HKLM" Key="SOFTWARE\\R4b" Name="g" Value="1" Type="integer" KeyPath="yes" />
                    <util:Group Name="My App Managers" />
                    <util:Group Id="TEST_GROUP00" Name="testName00" Comment="Test Comment 1" FailIfExists="no" UpdateIfExists="no" RemoveOnUninstall="yes" CreateGroup="yes" Vital="yes" RemoveComment="no" />
                    <util:Group Id="TEST_GROUP01" Name="testName01" Comment="Test Comment 1" FailIfExists="yes" UpdateIfExists="no" RemoveOnUninstall="yes" CreateGroup="yes" Vital="yes" RemoveComment="no" />
                    <util:Group Id="TEST_GROUP08" Name="testName08" Comment="Test Comment 1" FailIfExists="no" UpdateIfExists="no" RemoveOnUninstall="yes" CreateGroup="no" Vital="yes" RemoveComment="no" />
                    <util:Group Id="TEST_GROUP16" Name="testName16" Comment="Test Comment 1" FailIfExists="no" UpdateIfExists="no" RemoveOnUninstall="yes" CreateGroup="yes" Vital="no" RemoveComment="no" />
                    <util:Group Id="TEST_GROUP32" Name="testName32"                          FailIfExists="no" UpdateIfExists="no" RemoveOnUninstall="yes" CreateGroup="yes" Vital="yes" RemoveComment="yes" />
                    <util:Group Id="TEST_GROUP65" Name="testName65" Comment="Test Comment 1" FailIfExists="yes" UpdateIfExists="no" RemoveOnUninstall="yes" CreateGroup="yes" Vital="yes" RemoveComment="no"  Domain="testDomain01"  />
                  </Component>
                </Directory></StandardDirectory>
                <util:Group Id="Existing" Name="Administrators"/>
              </Package>
            </Wix>
            """;

    @Test
    void rowsActionsAndPlacementAreWixV6Ones() throws Exception {
        Path msi = CustomActionElementsTest.builtX64(dir, V4, "groups");
        hasRow(msi, "Wix4Group", "TEST_GROUP00\tComponent1\ttestName00\t");
        hasRow(msi, "Wix4Group", "TEST_GROUP01\tComponent1\ttestName01\t");
        hasRow(msi, "Wix4Group", "TEST_GROUP65\tComponent1\ttestName65\ttestDomain01");
        hasRow(msi, "Wix4Group", "Existing\t\tAdministrators\t");   // declared only: no component, no Wix6Group row
        hasRow(msi, "Wix6Group", "TEST_GROUP00\tTest Comment 1\t0");
        hasRow(msi, "Wix6Group", "TEST_GROUP01\tTest Comment 1\t16");
        hasRow(msi, "Wix6Group", "TEST_GROUP08\tTest Comment 1\t512");
        hasRow(msi, "Wix6Group", "TEST_GROUP16\tTest Comment 1\t1024");
        hasRow(msi, "Wix6Group", "TEST_GROUP32\t\t2048");
        hasRow(msi, "Wix6Group", "TEST_GROUP65\tTest Comment 1\t16");
        // the reproducer's group: a generated id, the component, no comment, no attributes
        String id = rows(msi, "Wix4Group").lines().filter(l -> l.contains("\tMy App Managers\t")).map(l -> l.split("\t")[0]).findFirst().orElseThrow();
        hasRow(msi, "Wix4Group", id + "\tComponent1\tMy App Managers\t");
        hasRow(msi, "Wix6Group", id + "\t\t0");
        assertTrue(rows(msi, "Wix6Group").lines().noneMatch(l -> l.startsWith("Existing\t")));
        hasRow(msi, "CustomAction", "Wix6ConfigureGroups_X64\t1\tWix4UtilCA_X64\tConfigureGroups\t");
        hasRow(msi, "CustomAction", "Wix6CreateDomainGroup_X64\t1025\tWix4UtilCA_X64\tCreateGroup\t");
        hasRow(msi, "CustomAction", "Wix6CreateDomainGroupRollback_X64\t1281\tWix4UtilCA_X64\tCreateGroupRollback\t");
        hasRow(msi, "CustomAction", "Wix6CreateGroup_X64\t3073\tWix4UtilCA_X64\tCreateGroup\t");
        hasRow(msi, "CustomAction", "Wix6CreateGroupRollback_X64\t3329\tWix4UtilCA_X64\tCreateGroupRollback\t");
        hasRow(msi, "CustomAction", "Wix6RemoveDomainGroup_X64\t1601\tWix4UtilCA_X64\tRemoveGroup\t");
        hasRow(msi, "CustomAction", "Wix6RemoveGroup_X64\t3649\tWix4UtilCA_X64\tRemoveGroup\t");
        String seq = "InstallExecuteSequence";
        assertTrue(sequence(msi, seq, "Wix6ConfigureGroups_X64") < sequence(msi, seq, "InstallFiles"));
        assertEquals("VersionNT > 400", condition(msi, seq, "Wix6ConfigureGroups_X64"));
    }

    @Test
    void badInputIsALocatedError() throws Exception {
        // WiX: Comment and RemoveComment together (line 7 of p.wxs); what only a component's group does, outside one
        String text = CustomActionElementsTest.x64Errors(dir, V4
                .replace("RemoveOnUninstall=\"yes\" CreateGroup=\"yes\" Vital=\"yes\" RemoveComment=\"no\" />\n", "RemoveOnUninstall=\"yes\" CreateGroup=\"yes\" Vital=\"yes\" RemoveComment=\"yes\" />\n")
                .replace("<util:Group Id=\"Existing\" Name=\"Administrators\"/>", "<util:Group Id=\"Existing\" Name=\"Administrators\" FailIfExists=\"yes\"/>"));
        assertTrue(text.contains("p.wxs:7:") && text.contains("cannot have both Comment and RemoveComment"), text);
        assertTrue(text.contains("p.wxs:15:") && text.contains("FailIfExists='yes' is not valid: a util:Group outside a Component"), text);
        // WiX v3's namespace has no group creation
        text = CustomActionElementsTest.x64Errors(dir, """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi" xmlns:util="http://schemas.microsoft.com/wix/UtilExtension">
                  <Product Id="*" Name="Groups v3" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{4B3EAF85-6D70-4192-ADCE-3F4A5B6C7D8E}">
                    <Package InstallerVersion="500" Compressed="yes" InstallScope="perMachine" Platform="x64"/>
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFiles64Folder"><Directory Id="INSTALLFOLDER" Name="Groups v3">
                      <Component Id="Main" Guid="{C2607384-9FA0-4B12-83D4-E5F607182930}">
                        <RegistryValue Root="HKLM" Key="SOFTWARE\\g3" Name="g" Value="1" Type="integer" KeyPath="yes"/>
                        <util:Group Id="G" Name="My App Managers"/>
                      </Component>
                    </Directory></Directory></Directory>
                    <Feature Id="Main" Level="1"><ComponentRef Id="Main"/></Feature>
                  </Product>
                </Wix>
                """);
        assertTrue(text.contains("p.wxs:7:") && text.contains("util:Group inside a Component in WiX v3's namespace is not supported yet"), text);
    }
}

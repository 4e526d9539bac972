package dev.ssprkit.msi.layout;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The folders of the MSI SDK's "System Folder Properties" on a default English Windows: each property page gives the
 * folder ("ProgramFilesFolder ... on a 64-bit system ... C:\Program Files (x86)", "System64Folder ...
 * C:\Windows\System32", "SystemFolder ... on 64-bit ... C:\Windows\SysWOW64", "CommonAppDataFolder ...
 * C:\ProgramData", ProgramMenuFolder per-user/per-machine), and the ids WiX accepts for StandardDirectory.
 */
class StandardFoldersTest {
    @Test
    void programFilesDependOnTheWindowsThePackageSees() {
        assertEquals("Program Files", StandardFolders.path("ProgramFilesFolder", false, true));
        assertEquals("Program Files (x86)", StandardFolders.path("ProgramFilesFolder", true, true));
        assertEquals("Program Files", StandardFolders.path("ProgramFiles64Folder", true, true));
        assertEquals("Program Files (x86)/Common Files", StandardFolders.path("CommonFilesFolder", true, false));
        assertEquals("Program Files/Common Files", StandardFolders.path("CommonFiles64Folder", true, false));
    }

    @Test
    void systemFolders() {
        assertEquals("Windows/System32", StandardFolders.path("SystemFolder", false, true));
        assertEquals("Windows/SysWOW64", StandardFolders.path("SystemFolder", true, true));
        assertEquals("Windows/System32", StandardFolders.path("System64Folder", true, true));
        assertEquals("Windows", StandardFolders.path("WindowsFolder", true, true));
        assertEquals("Windows/Fonts", StandardFolders.path("FontsFolder", true, true));
        assertEquals("", StandardFolders.path("WindowsVolume", true, true));
    }

    @Test
    void perUserAndPerMachineFolders() {
        assertEquals("ProgramData", StandardFolders.path("CommonAppDataFolder", false, false));
        assertEquals("Users/User/AppData/Roaming", StandardFolders.path("AppDataFolder", false, true));
        assertEquals("Users/User/AppData/Local", StandardFolders.path("LocalAppDataFolder", false, false));
        assertEquals("Users/User/AppData/Roaming/Microsoft/Windows/Start Menu/Programs", StandardFolders.path("ProgramMenuFolder", false, false));
        assertEquals("ProgramData/Microsoft/Windows/Start Menu/Programs", StandardFolders.path("ProgramMenuFolder", false, true));
        assertEquals("Users/Public/Desktop", StandardFolders.path("DesktopFolder", true, true));
        assertEquals("Users/User/Desktop", StandardFolders.path("DesktopFolder", true, false));
        assertEquals("Users/User/AppData/Local/Temp", StandardFolders.path("TempFolder", true, false));
    }

    @Test
    void namesAndWixIds() {
        assertTrue(StandardFolders.isStandard("StartupFolder"));
        assertFalse(StandardFolders.isStandard("TARGETDIR"));
        assertFalse(StandardFolders.isStandard("ProgramFiles6432Folder")); // WiX's, not Windows Installer's
        assertNull(StandardFolders.path("INSTALLDIR", true, true));
        assertEquals(27, StandardFolders.NAMES.size());
        assertEquals(30, StandardFolders.WIX_NAMES.size());
        assertEquals("ProgramFiles64Folder", StandardFolders.resolveWixNeutral("ProgramFiles6432Folder", true));
        assertEquals("SystemFolder", StandardFolders.resolveWixNeutral("System6432Folder", false));
        assertEquals("INSTALLDIR", StandardFolders.resolveWixNeutral("INSTALLDIR", true));
    }

    @Test
    void aMergeModulesSuffixedStandardFolderIsThatFolder() {
        assertEquals("SystemFolder", InstallLayout.standardFolder("SystemFolder.11111111_2222_3333_4444_555555555555"));
        assertNull(InstallLayout.standardFolder("SystemFolder.notaguid"));
        assertNull(InstallLayout.standardFolder("INSTALLDIR.11111111_2222_3333_4444_555555555555"));
    }
}

package dev.ssprkit.wix.compile.files;

import java.util.Set;

/** The folder properties Windows Installer resolves itself; each may be named as a directory under TARGETDIR. */
public final class StandardDirectories {
    private StandardDirectories() {}

    public static final Set<String> NAMES = Set.of("AdminToolsFolder", "AppDataFolder", "CommonAppDataFolder",
            "CommonFiles64Folder", "CommonFilesFolder", "DesktopFolder", "FavoritesFolder", "FontsFolder",
            "LocalAppDataFolder", "MyPicturesFolder", "NetHoodFolder", "PersonalFolder", "PrintHoodFolder",
            "ProgramFiles64Folder", "ProgramFilesFolder", "ProgramMenuFolder", "RecentFolder", "SendToFolder",
            "StartMenuFolder", "StartupFolder", "System16Folder", "System64Folder", "SystemFolder", "TempFolder",
            "TemplateFolder", "WindowsFolder", "WindowsVolume", "ProgramFiles6432Folder", "CommonFiles6432Folder",
            "System6432Folder");

    /** WiX v4's platform-neutral names: the 64-bit folder on x64, the 32-bit one on x86. */
    public static String resolve(String id, boolean x64) {
        return switch (id) {
            case "ProgramFiles6432Folder" -> x64 ? "ProgramFiles64Folder" : "ProgramFilesFolder";
            case "CommonFiles6432Folder" -> x64 ? "CommonFiles64Folder" : "CommonFilesFolder";
            case "System6432Folder" -> x64 ? "System64Folder" : "SystemFolder";
            default -> id;
        };
    }
}

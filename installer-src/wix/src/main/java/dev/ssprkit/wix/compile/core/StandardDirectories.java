package dev.ssprkit.wix.compile.core;

import dev.ssprkit.wix.source.Platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The folder properties Windows Installer resolves itself, which sources may use as directories under TARGETDIR
 * without defining them, with the DefaultDir WiX v4+ gives their implicit rows (the value only matters for
 * administrative images). WiX v4's platform-neutral {@code ...6432Folder} names resolve per platform.
 */
public final class StandardDirectories {
    private static final Map<String, String> DEFAULT_DIR = new LinkedHashMap<>();

    static {
        String[][] rows = {
                {"AdminToolsFolder", "Admin"}, {"AppDataFolder", "AppData"}, {"CommonAppDataFolder", "CommApp"},
                {"CommonFilesFolder", "CFiles"}, {"CommonFiles64Folder", "CFiles64"}, {"DesktopFolder", "Desktop"},
                {"FavoritesFolder", "Favs"}, {"FontsFolder", "Fonts"}, {"LocalAppDataFolder", "LocalApp"},
                {"MyPicturesFolder", "Pictures"}, {"NetHoodFolder", "NetHood"}, {"PersonalFolder", "Personal"},
                {"PerUserProgramFilesFolder", "Programs"}, {"PrintHoodFolder", "Printers"},
                {"ProgramFilesFolder", "PFiles"}, {"ProgramFiles64Folder", "PFiles64"}, {"ProgramMenuFolder", "PMenu"},
                {"RecentFolder", "Recent"}, {"SendToFolder", "SendTo"}, {"StartMenuFolder", "StrtMenu"},
                {"StartupFolder", "StartUp"}, {"SystemFolder", "System"}, {"System16Folder", "System16"},
                {"System64Folder", "System64"}, {"TempFolder", "Temp"}, {"TemplateFolder", "Template"},
                {"WindowsFolder", "Windows"}, {"WindowsVolume", "WinVol"}};
        for (String[] r : rows) DEFAULT_DIR.put(r[0], r[1]);
    }

    /** Every standard folder name sources may use, the platform-neutral ones included. */
    public static final Set<String> NAMES;

    static {
        // the folders themselves are the msi module's (one list for the reader's layout and the compiler)
        java.util.Set<String> all = new java.util.TreeSet<>(dev.ssprkit.msi.layout.StandardFolders.WIX_NAMES);
        all.add("TARGETDIR");
        NAMES = Collections.unmodifiableSet(all);
    }

    private StandardDirectories() {}

    public static boolean isStandard(String id) {
        return NAMES.contains(id);
    }

    /** WiX v4's platform-neutral names: the 64-bit folder on x64 and arm64, the 32-bit one on x86. */
    public static String resolve(String id, Platform platform) {
        return dev.ssprkit.msi.layout.StandardFolders.resolveWixNeutral(id, platform != Platform.X86);
    }

    /**
     * A directory attribute ({@code Directory="ID"} or WiX v4's inline {@code Directory="ID:\\sub\\path\\"}), with
     * the 6432 names resolved and the sub-path's folders created; null when malformed (reported).
     */
    public static String attribute(dev.ssprkit.wix.compile.CompileContext ctx, dev.ssprkit.wix.compile.Attrs a, String name) {
        String[] sub = {null};
        String id = a.directory(name, false, sub);
        if (id == null) return null;
        id = resolve(id, ctx.platform());
        ctx.reference("Directory", id, a.at(name));
        if (sub[0] != null && !sub[0].isBlank()) id = Subdirectories.create(ctx, name, sub[0], a.at(name), id);
        return id;
    }

    /** The DefaultDir of a standard folder's implicit row ({@code SourceDir} for TARGETDIR). */
    public static String defaultDir(String id) {
        if (id.equals("TARGETDIR")) return "SourceDir";
        return DEFAULT_DIR.getOrDefault(id, ".");
    }

    /** Folders a per-user package may install into without elevation (the user's profile). */
    public static final Set<String> PER_USER = Set.of("AppDataFolder", "LocalAppDataFolder", "DesktopFolder",
            "FavoritesFolder", "MyPicturesFolder", "NetHoodFolder", "PersonalFolder", "PerUserProgramFilesFolder",
            "PrintHoodFolder", "ProgramMenuFolder", "RecentFolder", "SendToFolder", "StartMenuFolder",
            "StartupFolder", "TempFolder", "TemplateFolder");
}

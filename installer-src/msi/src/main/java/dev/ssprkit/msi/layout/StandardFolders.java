package dev.ssprkit.msi.layout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The folder properties Windows Installer sets itself (MSI SDK, "Property Reference" → "System Folder Properties"),
 * with the folder each one names on a default English Windows installation, relative to the system drive's root
 * ({@code C:\}) with '/' separators. A Directory row whose id is one of these resolves to that folder wherever it
 * sits in the Directory tree.
 *
 * <p>Which folder depends on the Windows an install sees: 32-bit Windows (or a 32-bit package's view) names
 * {@code ProgramFilesFolder} {@code Program Files}; 64-bit Windows names it {@code Program Files (x86)} and the
 * 64-bit folder {@code Program Files}. Per-user folders (ALLUSERS unset) are under the user's profile,
 * {@value #PROFILE}; per-machine installs (ALLUSERS=1) put the Start menu, desktop and templates in the all-users
 * locations instead.
 *
 * <p>This is the one list: the WiX compiler's directory ids ({@link #WIX_NAMES}, {@link #resolveWixNeutral}) and the
 * extraction layout both read it.
 */
public final class StandardFolders {
    /** The user profile folder that stands for "the installing user's" in paths. */
    public static final String PROFILE = "Users/User";
    private static final String ROAMING = PROFILE + "/AppData/Roaming";
    private static final String USER_START = ROAMING + "/Microsoft/Windows/Start Menu";
    private static final String ALL_START = "ProgramData/Microsoft/Windows/Start Menu";

    /** One standard folder property and where it points. */
    public record Folder(String property, String x86PerUser, String x64PerUser, String x86PerMachine, String x64PerMachine,
                         String description) {
        /** The folder's path under the system drive for this view of Windows. */
        public String path(boolean x64, boolean perMachine) {
            return x64 ? (perMachine ? x64PerMachine : x64PerUser) : (perMachine ? x86PerMachine : x86PerUser);
        }
    }

    private static final Map<String, Folder> FOLDERS = new LinkedHashMap<>();

    static {
        scope("AdminToolsFolder", USER_START + "/Programs/Administrative Tools", ALL_START + "/Programs/Administrative Tools", "administrative tools of the Start menu");
        same("AppDataFolder", ROAMING, "the user's roaming application data");
        same("CommonAppDataFolder", "ProgramData", "application data for all users");
        same("CommonFiles64Folder", "Program Files/Common Files", "64-bit shared components");
        arch("CommonFilesFolder", "Program Files/Common Files", "Program Files (x86)/Common Files", "32-bit shared components");
        scope("DesktopFolder", PROFILE + "/Desktop", "Users/Public/Desktop", "the desktop");
        same("FavoritesFolder", PROFILE + "/Favorites", "the user's favourites");
        same("FontsFolder", "Windows/Fonts", "the fonts folder");
        same("LocalAppDataFolder", PROFILE + "/AppData/Local", "the user's local (non-roaming) application data");
        same("MyPicturesFolder", PROFILE + "/Pictures", "the user's pictures");
        same("NetHoodFolder", ROAMING + "/Microsoft/Windows/Network Shortcuts", "network shortcuts");
        same("PersonalFolder", PROFILE + "/Documents", "the user's documents");
        same("PrintHoodFolder", ROAMING + "/Microsoft/Windows/Printer Shortcuts", "printer shortcuts");
        same("ProgramFiles64Folder", "Program Files", "64-bit programs");
        arch("ProgramFilesFolder", "Program Files", "Program Files (x86)", "32-bit programs");
        scope("ProgramMenuFolder", USER_START + "/Programs", ALL_START + "/Programs", "the Start menu's Programs");
        same("RecentFolder", ROAMING + "/Microsoft/Windows/Recent", "recently used items");
        same("SendToFolder", ROAMING + "/Microsoft/Windows/SendTo", "the Send To menu");
        scope("StartMenuFolder", USER_START, ALL_START, "the Start menu");
        scope("StartupFolder", USER_START + "/Programs/Startup", ALL_START + "/Programs/Startup", "programs started at log-on");
        same("System16Folder", "Windows/System", "16-bit system files");
        same("System64Folder", "Windows/System32", "64-bit system files");
        arch("SystemFolder", "Windows/System32", "Windows/SysWOW64", "32-bit system files");
        same("TempFolder", PROFILE + "/AppData/Local/Temp", "the user's temporary folder");
        scope("TemplateFolder", ROAMING + "/Microsoft/Windows/Templates", "ProgramData/Microsoft/Windows/Templates", "document templates");
        same("WindowsFolder", "Windows", "the Windows folder");
        same("WindowsVolume", "", "the root of the drive Windows is on");
    }

    /** Every standard folder property, as Windows Installer names it. */
    public static final Set<String> NAMES = Collections.unmodifiableSet(new TreeSet<>(FOLDERS.keySet()));

    /** WiX v4+'s platform-neutral ids, resolved by {@link #resolveWixNeutral} before they reach a table. */
    public static final Set<String> WIX_NEUTRAL = Set.of("ProgramFiles6432Folder", "CommonFiles6432Folder", "System6432Folder");

    /** The ids a WiX {@code StandardDirectory}/{@code Directory} may use for a standard folder. */
    public static final Set<String> WIX_NAMES;

    static {
        Set<String> all = new TreeSet<>(NAMES);
        all.addAll(WIX_NEUTRAL);
        WIX_NAMES = Collections.unmodifiableSet(all);
    }

    private StandardFolders() {}

    private static void same(String property, String path, String description) {
        FOLDERS.put(property, new Folder(property, path, path, path, path, description));
    }

    private static void arch(String property, String x86, String x64, String description) {
        FOLDERS.put(property, new Folder(property, x86, x64, x86, x64, description));
    }

    private static void scope(String property, String perUser, String perMachine, String description) {
        FOLDERS.put(property, new Folder(property, perUser, perUser, perMachine, perMachine, description));
    }

    /** True for a property Windows Installer sets to a system folder. */
    public static boolean isStandard(String property) {
        return FOLDERS.containsKey(property);
    }

    /** The folder, or null when {@code property} is not a standard folder. */
    public static Folder get(String property) {
        return FOLDERS.get(property);
    }

    /** The folder's path under the system drive ('/'-separated, "" for the drive root), or null when not standard. */
    public static String path(String property, boolean x64, boolean perMachine) {
        Folder f = FOLDERS.get(property);
        return f == null ? null : f.path(x64, perMachine);
    }

    /** WiX's neutral ids: the 64-bit folder for an x64 package, the 32-bit one otherwise; any other id unchanged. */
    public static String resolveWixNeutral(String id, boolean x64) {
        return switch (id) {
            case "ProgramFiles6432Folder" -> x64 ? "ProgramFiles64Folder" : "ProgramFilesFolder";
            case "CommonFiles6432Folder" -> x64 ? "CommonFiles64Folder" : "CommonFilesFolder";
            case "System6432Folder" -> x64 ? "System64Folder" : "SystemFolder";
            default -> id;
        };
    }
}

package dev.ssprkit.validate;

import java.util.Set;

/**
 * Names Windows Installer defines, collected from the SDK's Standard Actions Reference, Property Reference and
 * System Folder Properties pages. Rules consult these rather than spelling them again.
 */
public final class Knowledge {
    private Knowledge() {}

    /** System folder properties (usable as Directory keys). */
    public static final Set<String> FOLDER_PROPERTIES = Set.of(
            "TARGETDIR", "SourceDir", "AdminToolsFolder", "AppDataFolder", "CommonAppDataFolder", "CommonFiles64Folder",
            "CommonFilesFolder", "DesktopFolder", "FavoritesFolder", "FontsFolder", "LocalAppDataFolder", "MyPicturesFolder",
            "NetHoodFolder", "PersonalFolder", "PrintHoodFolder", "ProgramFiles64Folder", "ProgramFilesFolder",
            "ProgramMenuFolder", "RecentFolder", "SendToFolder", "StartMenuFolder", "StartupFolder", "System16Folder",
            "System64Folder", "SystemFolder", "TempFolder", "TemplateFolder", "WindowsFolder", "WindowsVolume");

    /** Folders in the user's profile (ICE38, ICE43, ICE57, ICE64, ICE90). */
    public static final Set<String> PROFILE_FOLDERS = Set.of(
            "AdminToolsFolder", "AppDataFolder", "DesktopFolder", "FavoritesFolder", "LocalAppDataFolder", "MyPicturesFolder",
            "NetHoodFolder", "PersonalFolder", "PrintHoodFolder", "ProgramMenuFolder", "RecentFolder", "SendToFolder",
            "StartMenuFolder", "StartupFolder", "TemplateFolder");

    /** Profile folders that do not follow ALLUSERS (ICE91's list). */
    public static final Set<String> PER_USER_ONLY_FOLDERS = Set.of(
            "AppDataFolder", "FavoritesFolder", "NetHoodFolder", "PersonalFolder", "PrintHoodFolder", "RecentFolder",
            "SendToFolder", "MyPicturesFolder", "LocalAppDataFolder");

    public static final Set<String> FOLDERS_64 = Set.of("ProgramFiles64Folder", "CommonFiles64Folder", "System64Folder");
    public static final Set<String> FOLDERS_32 = Set.of("ProgramFilesFolder", "CommonFilesFolder", "SystemFolder");

    /**
     * Folders a per-user package must not install to: the SDK's ICE 105 page lists exactly these. Program Files and
     * Common Files (32- and 64-bit) are not among them: a per-user installation of a dual-purpose package redirects
     * them to the user's own Programs folder (the SDK's Single Package Authoring page).
     */
    public static final Set<String> PER_MACHINE_FOLDERS = Set.of(
            "AdminToolsFolder", "CommonAppDataFolder", "FontsFolder", "System16Folder", "System64Folder", "SystemFolder",
            "TempFolder", "WindowsFolder", "WindowsVolume");

    /** The standard actions: the schema's list (msi.schema.StandardActions) and SEQUENCE, the top-level action ICEs know. */
    public static final Set<String> STANDARD_ACTIONS = java.util.stream.Stream.concat(
            dev.ssprkit.msi.schema.StandardActions.names().stream(), java.util.stream.Stream.of("SEQUENCE"))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * Actions that write the installation script: only between InstallInitialize and InstallFinalize (ICE27).
     * SetODBCFolders is not one: the SDK's SetODBCFolders Action page places it after CostFinalize and before
     * InstallValidate (WiX sequences it at 1100), which {@code Sequences.ORDER} checks.
     */
    public static final Set<String> SCRIPT_ACTIONS = Set.of(
            "AllocateRegistrySpace", "BindImage", "CreateFolders", "CreateShortcuts", "DeleteServices", "DuplicateFiles",
            "InstallFiles", "InstallODBC", "InstallServices", "InstallSFPCatalogFile", "MoveFiles", "MsiConfigureServices",
            "MsiPublishAssemblies", "MsiUnpublishAssemblies", "PatchFiles", "ProcessComponents", "PublishComponents",
            "PublishFeatures", "PublishProduct", "RegisterClassInfo", "RegisterComPlus", "RegisterExtensionInfo",
            "RegisterFonts", "RegisterMIMEInfo", "RegisterProduct", "RegisterProgIdInfo", "RegisterTypeLibraries",
            "RegisterUser", "RemoveDuplicateFiles", "RemoveEnvironmentStrings", "RemoveFiles", "RemoveFolders",
            "RemoveIniValues", "RemoveODBC", "RemoveRegistryValues", "RemoveShortcuts", "SelfRegModules",
            "SelfUnregModules", "StartServices", "StopServices", "UnpublishComponents",
            "UnpublishFeatures", "UnregisterClassInfo", "UnregisterComPlus", "UnregisterExtensionInfo",
            "UnregisterFonts", "UnregisterMIMEInfo", "UnregisterProgIdInfo", "UnregisterTypeLibraries",
            "WriteEnvironmentStrings", "WriteIniValues", "WriteRegistryValues");

    /** Properties the installer defines or reserves (Property Reference), excluding the folder properties. */
    public static final Set<String> SYSTEM_PROPERTIES = Set.of(
            "ACTION", "ADDDEFAULT", "ADDLOCAL", "ADDSOURCE", "AdminProperties", "AdminUser", "ADVERTISE", "AFTERREBOOT",
            "ALLUSERS", "ARPAUTHORIZEDCDFPREFIX", "ARPCOMMENTS", "ARPCONTACT", "ARPHELPLINK", "ARPHELPTELEPHONE",
            "ARPINSTALLLOCATION", "ARPNOMODIFY", "ARPNOREMOVE", "ARPNOREPAIR", "ARPPRODUCTICON", "ARPREADME",
            "ARPSIZE", "ARPSYSTEMCOMPONENT", "ARPURLINFOABOUT", "ARPURLUPDATEINFO", "COMPADDDEFAULT", "COMPADDLOCAL",
            "COMPADDSOURCE", "CompanyName", "ComputerName", "CostingComplete", "CustomActionData", "Date",
            "DefaultUIFont", "DISABLEADVTSHORTCUTS", "DISABLEMEDIA", "DISABLEROLLBACK", "EXECUTEACTION", "EXECUTEMODE",
            "FILEADDDEFAULT", "FILEADDLOCAL", "FILEADDSOURCE", "Installed", "INSTALLLEVEL", "Intel", "Intel64",
            "IsAdminPackage", "LIMITUI", "LogonUser", "Manufacturer", "MEDIAPACKAGEPATH", "MsiAMD64", "MSIARPSETTINGSIDENTIFIER",
            "MSIFASTINSTALL", "MsiHiddenProperties", "MSIINSTALLPERUSER", "MsiLogFileLocation", "MsiLogging",
            "MsiNetAssemblySupport", "MSINEWINSTANCE", "MsiNTProductType", "MsiNTSuiteBackOffice", "MsiNTSuiteDataCenter",
            "MsiNTSuiteEnterprise", "MsiNTSuitePersonal", "MsiNTSuiteSmallBusiness", "MsiNTSuiteSmallBusinessRestricted",
            "MsiNTSuiteWebServer", "MsiPatchRemovalList", "MSIPATCHREMOVE", "MSIRESTARTMANAGERCONTROL",
            "MsiRunningElevated", "MsiSystemRebootPending", "MsiWin32AssemblySupport", "NOCOMPANYNAME", "NOUSERNAME",
            "OLEAdvtSupport", "OriginalDatabase", "OutOfDiskSpace", "OutOfNoRbDiskSpace", "PATCH", "PATCHNEWPACKAGECODE",
            "PATCHNEWSUMMARYCOMMENTS", "PATCHNEWSUMMARYSUBJECT", "PhysicalMemory", "PIDKEY", "PIDTemplate", "Preselected",
            "PRIMARYFOLDER", "PrimaryVolumePath", "PrimaryVolumeSpaceAvailable", "PrimaryVolumeSpaceRemaining",
            "PrimaryVolumeSpaceRequired", "Privileged", "ProductCode", "ProductID", "ProductLanguage", "ProductName",
            "ProductState", "ProductVersion", "PROMPTROLLBACKCOST", "REBOOT", "REBOOTPROMPT", "RedirectedDllSupport",
            "REINSTALL", "REINSTALLMODE", "RemoveAdminTS", "REMOVE", "ReplacedInUseFiles", "RestrictedUserControl",
            "RESUME", "RollbackDisabled", "ROOTDRIVE", "ScreenX", "ScreenY", "SecureCustomProperties", "ServicePackLevel",
            "ServicePackLevelMinor", "SEQUENCE", "SharedWindows", "ShellAdvtSupport", "SHORTFILENAMES", "SourcedirProduct",
            "SOURCELIST", "SystemLanguageID", "TARGETDIR", "TerminalServer", "TextHeight", "Time", "TRANSFORMS",
            "TRANSFORMSATSOURCE", "TRANSFORMSSECURE", "TTCSupport", "UILevel", "UpdateStarted", "UpgradeCode",
            "UPGRADINGPRODUCTCODE", "UserLanguageID", "USERNAME", "UserSID", "Version9X", "VersionDatabase", "VersionMsi",
            "VersionNT", "VersionNT64", "VirtualMemory", "WindowsBuild", "Win32AssemblySupport");

    /** Properties that must not be authored in the Property table (ICE87): they are set by the command line. */
    public static final Set<String> NOT_AUTHORED = Set.of(
            "ACTION", "ADDDEFAULT", "ADDLOCAL", "ADDSOURCE", "ADVERTISE", "COMPADDDEFAULT", "COMPADDLOCAL", "COMPADDSOURCE",
            "FILEADDDEFAULT", "FILEADDLOCAL", "FILEADDSOURCE", "PATCH", "REINSTALL", "REMOVE", "MSIPATCHREMOVE");
}

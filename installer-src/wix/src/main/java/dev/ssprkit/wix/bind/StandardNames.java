package dev.ssprkit.wix.bind;

import dev.ssprkit.wix.compile.core.StandardActionNames;

import java.util.Set;

/**
 * Names Windows Installer itself defines, which a merge module shares with every package instead of owning: the
 * standard actions (the SDK's "Standard Actions Reference") and the properties of the SDK's "Property Reference"
 * that the installer sets or reads (TARGETDIR, ProductCode, VersionNT, ALLUSERS...). Modularization leaves them alone.
 * Folder properties such as ProgramFilesFolder are not among them: a module aliases those to its own names.
 */
final class StandardNames {
    private StandardNames() {}

    private static final Set<String> PROPERTIES = Set.of(
            "~", "ACTION", "ADDDEFAULT", "ADDLOCAL", "ADDDSOURCE", "AdminProperties", "AdminUser", "ADVERTISE",
            "AFTERREBOOT", "AllowProductCodeMismatches", "AllowProductVersionMajorMismatches", "ALLUSERS", "Alpha",
            "ApiPatchingSymbolFlags", "ARPAUTHORIZEDCDFPREFIX", "ARPCOMMENTS", "ARPCONTACT", "ARPHELPLINK",
            "ARPHELPTELEPHONE", "ARPINSTALLLOCATION", "ARPNOMODIFY", "ARPNOREMOVE", "ARPNOREPAIR", "ARPPRODUCTIONICON",
            "ARPREADME", "ARPSIZE", "ARPSYSTEMCOMPONENT", "ARPULRINFOABOUT", "ARPURLUPDATEINFO", "AVAILABLEFREEREG",
            "BorderSize", "BorderTop", "CaptionHeight", "CCP_DRIVE", "ColorBits", "COMPADDLOCAL", "COMPADDSOURCE",
            "COMPANYNAME", "ComputerName", "CostingComplete", "Date", "DefaultUIFont", "DISABLEADVTSHORTCUTS",
            "DISABLEMEDIA", "DISABLEROLLBACK", "DiskPrompt", "DontRemoveTempFolderWhenFinished", "EnableUserControl",
            "EXECUTEACTION", "EXECUTEMODE", "FASTOEM", "FILEADDDEFAULT", "FILEADDLOCAL", "FILEADDSOURCE",
            "IncludeWholeFilesOnly", "Installed", "INSTALLLEVEL", "Intel", "Intel64", "IsAdminPackage", "LeftUnit",
            "LIMITUI", "ListOfPatchGUIDsToReplace", "ListOfTargetProductCode", "LOGACTION", "LogonUser", "Manufacturer",
            "MEDIAPACKAGEPATH", "MediaSourceDir", "MinimumRequiredMsiVersion", "MsiAMD64", "MSIAPRSETTINGSIDENTIFIER",
            "MSICHECKCRCS", "MSIDISABLERMRESTART", "MSIENFORCEUPGRADECOMPONENTRULES", "MSIFASTINSTALL",
            "MsiFileToUseToCreatePatchTables", "MsiHiddenProperties", "MSIINSTALLPERUSER", "MSIINSTANCEGUID",
            "MsiLogFileLocation", "MsiLogging", "MsiNetAssemblySupport", "MSINEWINSTANCE", "MSINODISABLEMEDIA",
            "MsiNTProductType", "MsiNTSuiteBackOffice", "MsiNTSuiteDataCenter", "MsiNTSuiteEnterprise",
            "MsiNTSuiteSmallBusiness", "MsiNTSuiteSmallBusinessRestricted", "MsiNTSuiteWebServer", "MsiNTSuitePersonal",
            "MsiPatchRemovalList", "MSIPATCHREMOVE", "MSIRESTARTMANAGERCONTROL", "MsiRestartManagerSessionKey",
            "MSIRMSHUTDOWN", "MsiRunningElevated", "MsiUIHideCancel", "MsiUIProgressOnly", "MsiUISourceResOnly",
            "MsiSystemRebootPending", "MsiWin32AssemblySupport", "NOCOMPANYNAME", "NOUSERNAME", "OLEAdvtSupport",
            "OptimizePatchSizeForLargeFiles", "OriginalDatabase", "OutOfDiskSpace", "OutOfNoRbDiskSpace",
            "ParentOriginalDatabase", "ParentProductCode", "PATCH", "PATCH_CACHE_DIR", "PATCH_CACHE_ENABLED", "PatchGUID",
            "PATCHNEWPACKAGECODE", "PATCHNEWSUMMARYCOMMENTS", "PATCHNEWSUMMARYSUBJECT", "PatchOutputPath",
            "PatchSourceList", "PhysicalMemory", "PIDKEY", "PIDTemplate", "Preselected", "PRIMARYFOLDER",
            "PrimaryVolumePath", "PrimaryVolumeSpaceAvailable", "PrimaryVolumeSpaceRemaining", "PrimaryVolumeSpaceRequired",
            "Privileged", "ProductCode", "ProductID", "ProductLanguage", "ProductName", "ProductState", "ProductVersion",
            "PROMPTROLLBACKCOST", "REBOOT", "REBOOTPROMPT", "RedirectedDllSupport", "REINSTALL", "REINSTALLMODE",
            "RemoveAdminTS", "REMOVE", "ReplacedInUseFiles", "RestrictedUserControl", "RESUME", "RollbackDisabled",
            "ROOTDRIVE", "ScreenX", "ScreenY", "SecureCustomProperties", "ServicePackLevel", "ServicePackLevelMinor",
            "SEQUENCE", "SharedWindows", "ShellAdvtSupport", "SHORTFILENAMES", "SourceDir", "SOURCELIST",
            "SystemLanguageID", "TARGETDIR", "TerminalServer", "TextHeight", "Time", "TRANSFORMS", "TRANSFORMSATSOURCE",
            "TRANSFORMSSECURE", "TTCSupport", "UILevel", "UpdateStarted", "UpgradeCode", "UPGRADINGPRODUCTCODE",
            "UserLanguageID", "USERNAME", "UserSID", "Version9X", "VersionDatabase", "VersionMsi", "VersionNT",
            "VersionNT64", "VirtualMemory", "WindowsBuild", "WindowsVolume");

    static boolean isStandardAction(String name) {
        return StandardActionNames.isStandard(name);
    }

    static boolean isStandardProperty(String name) {
        return PROPERTIES.contains(name);
    }
}

package dev.ssprkit.wix.compile.core;

import java.util.Set;

/** The standard actions of Windows Installer (the SDK's standard actions reference), which sequence elements name. */
public final class StandardActionNames {
    private StandardActionNames() {}

    public static final Set<String> ALL = Set.of("AllocateRegistrySpace", "AppSearch", "BindImage", "CCPSearch",
            "CostFinalize", "CostInitialize", "CreateFolders", "CreateShortcuts", "DeleteServices", "DisableRollback",
            "DuplicateFiles", "ExecuteAction", "FileCost", "FindRelatedProducts", "ForceReboot", "InstallAdminPackage",
            "InstallExecute", "InstallExecuteAgain", "InstallFiles", "InstallFinalize", "InstallInitialize",
            "InstallODBC", "InstallServices", "InstallSFPCatalogFile", "InstallValidate", "IsolateComponents",
            "LaunchConditions", "MigrateFeatureStates", "MoveFiles", "MsiConfigureServices", "MsiPublishAssemblies",
            "MsiUnpublishAssemblies", "PatchFiles", "ProcessComponents", "PublishComponents", "PublishFeatures",
            "PublishProduct", "RegisterClassInfo", "RegisterComPlus", "RegisterExtensionInfo", "RegisterFonts",
            "RegisterMIMEInfo", "RegisterProduct", "RegisterProgIdInfo", "RegisterTypeLibraries", "RegisterUser",
            "RemoveDuplicateFiles", "RemoveEnvironmentStrings", "RemoveExistingProducts", "RemoveFiles",
            "RemoveFolders", "RemoveIniValues", "RemoveODBC", "RemoveRegistryValues", "RemoveShortcuts",
            "ResolveSource", "RMCCPSearch", "ScheduleReboot", "SelfRegModules", "SelfUnregModules", "SetODBCFolders",
            "StartServices", "StopServices", "UnpublishComponents", "UnpublishFeatures", "UnregisterClassInfo",
            "UnregisterComPlus", "UnregisterExtensionInfo", "UnregisterFonts", "UnregisterMIMEInfo",
            "UnregisterProgIdInfo", "UnregisterTypeLibraries", "ValidateProductID", "WriteEnvironmentStrings",
            "WriteIniValues", "WriteRegistryValues");

    public static boolean isStandard(String action) {
        return ALL.contains(action);
    }

    /** The five sequence tables, by the element names sources write (v3 AdvtExecuteSequence, v4 AdvertiseExecuteSequence). */
    public static String tableOf(String element) {
        return switch (element) {
            case "InstallExecuteSequence", "InstallUISequence", "AdminExecuteSequence", "AdminUISequence" -> element;
            case "AdvtExecuteSequence", "AdvertiseExecuteSequence" -> "AdvtExecuteSequence";
            default -> null;
        };
    }
}

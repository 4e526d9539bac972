package dev.ssprkit.wix.bind;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suggested sequence numbers of the standard actions per sequence table (the Windows Installer SDK's suggested
 * sequences, which WiX uses), and which actions a package gets because it has rows in a table (WiX schedules
 * InstallFiles because there are files, WriteRegistryValues because there is registry, and so on).
 */
final class StandardActionTable {
    private StandardActionTable() {}

    private static final Map<String, Map<String, Integer>> SEQUENCES = new LinkedHashMap<>();

    private static void table(String name, String spec) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String pair : spec.trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            m.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)));
        }
        SEQUENCES.put(name, m);
    }

    static {
        table("InstallExecuteSequence", "FindRelatedProducts=25 AppSearch=50 LaunchConditions=100 CCPSearch=500 RMCCPSearch=600 "
                + "ValidateProductID=700 CostInitialize=800 FileCost=900 IsolateComponents=950 CostFinalize=1000 SetODBCFolders=1100 "
                + "MigrateFeatureStates=1200 InstallValidate=1400 InstallInitialize=1500 AllocateRegistrySpace=1550 ProcessComponents=1600 "
                + "UnpublishComponents=1700 MsiUnpublishAssemblies=1750 UnpublishFeatures=1800 StopServices=1900 DeleteServices=2000 "
                + "UnregisterComPlus=2100 SelfUnregModules=2200 UnregisterTypeLibraries=2300 RemoveODBC=2400 UnregisterFonts=2500 "
                + "RemoveRegistryValues=2600 UnregisterClassInfo=2700 UnregisterExtensionInfo=2800 UnregisterProgIdInfo=2900 "
                + "UnregisterMIMEInfo=3000 RemoveIniValues=3100 RemoveShortcuts=3200 RemoveEnvironmentStrings=3300 "
                + "RemoveDuplicateFiles=3400 RemoveFiles=3500 RemoveFolders=3600 CreateFolders=3700 MoveFiles=3800 InstallFiles=4000 "
                + "PatchFiles=4090 DuplicateFiles=4210 BindImage=4300 CreateShortcuts=4500 RegisterClassInfo=4600 "
                + "RegisterExtensionInfo=4700 RegisterProgIdInfo=4800 RegisterMIMEInfo=4900 WriteRegistryValues=5000 "
                + "WriteIniValues=5100 WriteEnvironmentStrings=5200 RegisterFonts=5300 InstallODBC=5400 RegisterTypeLibraries=5500 "
                + "SelfRegModules=5600 RegisterComPlus=5700 InstallServices=5800 MsiConfigureServices=5850 StartServices=5900 "
                + "RegisterUser=6000 RegisterProduct=6100 PublishComponents=6200 MsiPublishAssemblies=6250 PublishFeatures=6300 "
                + "PublishProduct=6400 InstallExecute=6500 InstallExecuteAgain=6550 InstallFinalize=6600");
        table("InstallUISequence", "FindRelatedProducts=25 AppSearch=50 LaunchConditions=100 CCPSearch=500 RMCCPSearch=600 "
                + "ValidateProductID=700 CostInitialize=800 FileCost=900 IsolateComponents=950 CostFinalize=1000 "
                + "MigrateFeatureStates=1200 ExecuteAction=1300");
        table("AdminExecuteSequence", "LaunchConditions=100 CostInitialize=800 FileCost=900 CostFinalize=1000 InstallValidate=1400 "
                + "InstallInitialize=1500 InstallAdminPackage=3900 InstallFiles=4000 PatchFiles=4090 InstallFinalize=6600");
        table("AdminUISequence", "LaunchConditions=100 CostInitialize=800 FileCost=900 CostFinalize=1000 ExecuteAction=1300");
        table("AdvtExecuteSequence", "CostInitialize=800 CostFinalize=1000 InstallValidate=1400 InstallInitialize=1500 "
                + "CreateShortcuts=4500 RegisterClassInfo=4600 RegisterExtensionInfo=4700 RegisterProgIdInfo=4800 "
                + "RegisterMIMEInfo=4900 PublishComponents=6200 MsiPublishAssemblies=6250 PublishFeatures=6300 PublishProduct=6400 "
                + "InstallFinalize=6600");
    }

    /** The suggested number of a standard action in a sequence table, or null when it has none there. */
    static Integer sequence(String table, String action) {
        Map<String, Integer> m = SEQUENCES.get(table);
        return m == null ? null : m.get(action);
    }

    /**
     * The conditions WiX gives standard actions it schedules itself (WiX v4 WindowsInstallerStandard.cs, v3
     * actions.xml): the service actions only on NT, MsiConfigureServices from Vista on, the CCP searches and
     * InstallExecute(Again) only when not installed.
     */
    private static final Map<String, String> CONDITIONS = Map.of(
            "InstallExecuteSequence/StopServices", "VersionNT",
            "InstallExecuteSequence/DeleteServices", "VersionNT",
            "InstallExecuteSequence/InstallServices", "VersionNT",
            "InstallExecuteSequence/StartServices", "VersionNT",
            "InstallExecuteSequence/MsiConfigureServices", "VersionNT>=600",
            "InstallExecuteSequence/CCPSearch", "NOT Installed",
            "InstallExecuteSequence/RMCCPSearch", "NOT Installed",
            "InstallUISequence/CCPSearch", "NOT Installed",
            "InstallUISequence/RMCCPSearch", "NOT Installed",
            "InstallExecuteSequence/InstallExecute", "NOT Installed");

    /** The condition of a standard action WiX schedules by itself, or null. */
    static String condition(String table, String action) {
        if (table.equals("InstallExecuteSequence") && action.equals("InstallExecuteAgain")) return "NOT Installed";
        return CONDITIONS.get(table + "/" + action);
    }

    /** The actions every product package has, per table. */
    static final Map<String, List<String>> ALWAYS = Map.of(
            "AdminExecuteSequence", List.of("CostFinalize", "CostInitialize", "FileCost", "InstallAdminPackage", "InstallFiles", "InstallFinalize", "InstallInitialize", "InstallValidate"),
            "AdminUISequence", List.of("CostFinalize", "CostInitialize", "ExecuteAction", "FileCost"),
            "AdvtExecuteSequence", List.of("CostFinalize", "CostInitialize", "InstallInitialize", "InstallFinalize", "InstallValidate", "PublishFeatures", "PublishProduct"),
            "InstallExecuteSequence", List.of("CostFinalize", "CostInitialize", "FileCost", "InstallFinalize", "InstallInitialize", "InstallValidate",
                    "ProcessComponents", "PublishFeatures", "PublishProduct", "RegisterProduct", "RegisterUser", "UnpublishFeatures", "ValidateProductID"),
            "InstallUISequence", List.of("CostFinalize", "CostInitialize", "ExecuteAction", "FileCost", "ValidateProductID"));

    /** Table → actions ("Table/Action") its rows call for. */
    static final Map<String, List<String>> BY_TABLE = new HashMap<>();

    private static void needs(String table, String... actions) {
        BY_TABLE.put(table, List.of(actions));
    }

    static {
        needs("AppSearch", "InstallExecuteSequence/AppSearch", "InstallUISequence/AppSearch");
        needs("CCPSearch", "InstallExecuteSequence/AppSearch", "InstallExecuteSequence/CCPSearch", "InstallExecuteSequence/RMCCPSearch",
                "InstallUISequence/AppSearch", "InstallUISequence/CCPSearch", "InstallUISequence/RMCCPSearch");
        needs("Class", "AdvtExecuteSequence/RegisterClassInfo", "InstallExecuteSequence/RegisterClassInfo", "InstallExecuteSequence/UnregisterClassInfo");
        needs("Complus", "InstallExecuteSequence/RegisterComPlus", "InstallExecuteSequence/UnregisterComPlus");
        needs("Component", "InstallExecuteSequence/CreateFolders", "InstallExecuteSequence/RemoveFolders");
        needs("CreateFolder", "InstallExecuteSequence/CreateFolders", "InstallExecuteSequence/RemoveFolders");
        needs("DuplicateFile", "InstallExecuteSequence/DuplicateFiles", "InstallExecuteSequence/RemoveDuplicateFiles");
        needs("Environment", "InstallExecuteSequence/WriteEnvironmentStrings", "InstallExecuteSequence/RemoveEnvironmentStrings");
        needs("Extension", "AdvtExecuteSequence/RegisterExtensionInfo", "InstallExecuteSequence/RegisterExtensionInfo", "InstallExecuteSequence/UnregisterExtensionInfo");
        needs("File", "InstallExecuteSequence/InstallFiles", "InstallExecuteSequence/RemoveFiles");
        needs("Font", "InstallExecuteSequence/RegisterFonts", "InstallExecuteSequence/UnregisterFonts");
        needs("SelfReg", "InstallExecuteSequence/SelfRegModules", "InstallExecuteSequence/SelfUnregModules");
        needs("BindImage", "InstallExecuteSequence/BindImage");
        needs("IniFile", "InstallExecuteSequence/WriteIniValues", "InstallExecuteSequence/RemoveIniValues");
        needs("RemoveIniFile", "InstallExecuteSequence/WriteIniValues", "InstallExecuteSequence/RemoveIniValues");
        needs("IsolatedComponent", "InstallExecuteSequence/IsolateComponents");
        needs("LaunchCondition", "InstallExecuteSequence/LaunchConditions", "InstallUISequence/LaunchConditions");
        needs("MIME", "AdvtExecuteSequence/RegisterMIMEInfo", "InstallExecuteSequence/RegisterMIMEInfo", "InstallExecuteSequence/UnregisterMIMEInfo");
        needs("MoveFile", "InstallExecuteSequence/MoveFiles");
        needs("MsiAssembly", "AdvtExecuteSequence/MsiPublishAssemblies", "InstallExecuteSequence/MsiPublishAssemblies", "InstallExecuteSequence/MsiUnpublishAssemblies");
        needs("MsiServiceConfig", "InstallExecuteSequence/MsiConfigureServices");
        needs("MsiServiceConfigFailureActions", "InstallExecuteSequence/MsiConfigureServices");
        needs("ODBCDataSource", "InstallExecuteSequence/SetODBCFolders", "InstallExecuteSequence/InstallODBC", "InstallExecuteSequence/RemoveODBC");
        needs("ODBCDriver", "InstallExecuteSequence/SetODBCFolders", "InstallExecuteSequence/InstallODBC", "InstallExecuteSequence/RemoveODBC");
        needs("ODBCTranslator", "InstallExecuteSequence/SetODBCFolders", "InstallExecuteSequence/InstallODBC", "InstallExecuteSequence/RemoveODBC");
        needs("ProgId", "AdvtExecuteSequence/RegisterProgIdInfo", "InstallExecuteSequence/RegisterProgIdInfo", "InstallExecuteSequence/UnregisterProgIdInfo");
        needs("PublishComponent", "AdvtExecuteSequence/PublishComponents", "InstallExecuteSequence/PublishComponents", "InstallExecuteSequence/UnpublishComponents");
        needs("Registry", "InstallExecuteSequence/WriteRegistryValues", "InstallExecuteSequence/RemoveRegistryValues");
        needs("RemoveRegistry", "InstallExecuteSequence/WriteRegistryValues", "InstallExecuteSequence/RemoveRegistryValues");
        needs("RemoveFile", "InstallExecuteSequence/RemoveFiles");
        needs("ServiceControl", "InstallExecuteSequence/StartServices", "InstallExecuteSequence/StopServices", "InstallExecuteSequence/DeleteServices");
        needs("ServiceInstall", "InstallExecuteSequence/InstallServices");
        needs("Shortcut", "AdvtExecuteSequence/CreateShortcuts", "InstallExecuteSequence/CreateShortcuts", "InstallExecuteSequence/RemoveShortcuts");
        needs("TypeLib", "InstallExecuteSequence/RegisterTypeLibraries", "InstallExecuteSequence/UnregisterTypeLibraries");
        needs("Upgrade", "InstallExecuteSequence/FindRelatedProducts", "InstallUISequence/FindRelatedProducts");
    }

    /** The five tables in their canonical order. */
    static final List<String> TABLES = List.of("InstallExecuteSequence", "InstallUISequence", "AdminExecuteSequence", "AdminUISequence", "AdvtExecuteSequence");

    static boolean isStandard(String action) {
        for (Map<String, Integer> m : SEQUENCES.values()) if (m.containsKey(action)) return true;
        return Set.of("RemoveExistingProducts", "ScheduleReboot", "ForceReboot", "ResolveSource", "DisableRollback",
                "InstallSFPCatalogFile").contains(action);
    }
}

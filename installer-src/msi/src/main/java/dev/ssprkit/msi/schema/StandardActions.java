package dev.ssprkit.msi.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Windows Installer's standard actions, and where WiX puts them.
 *
 * <p>Where each fact comes from:
 * <ul>
 *   <li>The action names: the SDK's "Standard Actions Reference"
 *       (https://learn.microsoft.com/windows/win32/msi/standard-actions-reference), including the three top-level
 *       actions ADMIN, ADVERTISE and INSTALL that no sequence table lists.</li>
 *   <li>The default sequence number and condition per sequence table: what WiX assigns when a source references a
 *       standard action without a number, or schedules it by itself. WiX v4+ keeps them in
 *       {@code src/api/wix/WixToolset.Data/WindowsInstaller/WindowsInstallerStandard.cs}; WiX v3's
 *       {@code src/tools/wix/Data/actions.xml} has the same numbers and conditions, except that v3 gives
 *       AllocateRegistrySpace the condition {@code NOT Installed}. Checked against WiX- and wixl-built packages by
 *       {@code StandardActionsTest}.</li>
 *   <li>Which actions WiX schedules without being asked: WiX v4+'s binder
 *       ({@code src/wix/WixToolset.Core.WindowsInstaller/Bind/SequenceActionsCommand.cs}) adds a fixed set to every
 *       package and one set per kind of row the package has; here each is written as the tables whose rows bring
 *       the action in. WiX 3 did not yet bring CreateFolders/RemoveFolders in for Component rows alone.</li>
 * </ul>
 * Actions the SDK has but WiX gives no default (RemoveExistingProducts, ScheduleReboot, ForceReboot,
 * DisableRollback, ResolveSource, InstallSFPCatalogFile) must be placed by the author.
 */
public final class StandardActions {
    /** The five sequence tables the installer runs. */
    public enum SequenceTable {
        INSTALL_EXECUTE("InstallExecuteSequence"), INSTALL_UI("InstallUISequence"), ADMIN_EXECUTE("AdminExecuteSequence"),
        ADMIN_UI("AdminUISequence"), ADVT_EXECUTE("AdvtExecuteSequence");

        private final String tableName;

        SequenceTable(String tableName) {
            this.tableName = tableName;
        }

        /** The table's name in the database. */
        public String tableName() {
            return tableName;
        }

        /** The sequence table of that name, or null. */
        public static SequenceTable fromTableName(String name) {
            for (SequenceTable t : values()) if (t.tableName.equals(name)) return t;
            return null;
        }
    }

    /**
     * Where WiX puts a standard action in one sequence table.
     *
     * @param condition   the condition WiX writes with it, or null
     * @param always      WiX schedules it in every package
     * @param whenRowsIn  otherwise WiX schedules it when any of these tables has rows (empty: only when the source
     *                    references the action). {@link #UPGRADE_MIGRATES_FEATURES} stands for an Upgrade row with
     *                    the MigrateFeatures attribute.
     */
    public record Placement(String action, SequenceTable table, int sequence, String condition, boolean always, List<String> whenRowsIn) {
        public Placement {
            whenRowsIn = List.copyOf(whenRowsIn);
        }
    }

    /**
     * Not a table: what a caller adds to the table names given to {@link #scheduledAutomatically} when an Upgrade
     * row has the MigrateFeatures attribute (1), the case in which WiX schedules MigrateFeatureStates.
     */
    public static final String UPGRADE_MIGRATES_FEATURES = "Upgrade(MigrateFeatures)";

    private static final String NOT_INSTALLED = "NOT Installed";
    private static final List<String> ODBC = List.of("ODBCDataSource", "ODBCTranslator", "ODBCDriver");
    private static final Set<String> TOP_LEVEL = Set.of("ADMIN", "ADVERTISE", "INSTALL");
    /** Standard actions WiX has no number for. */
    private static final List<String> AUTHOR_PLACED = List.of(
            "DisableRollback", "ForceReboot", "InstallSFPCatalogFile", "RemoveExistingProducts", "ResolveSource", "ScheduleReboot");

    private static final Map<SequenceTable, List<Placement>> PLACEMENTS = new EnumMap<>(SequenceTable.class);
    private static final Set<String> NAMES = new LinkedHashSet<>();

    private StandardActions() {}

    private static void always(SequenceTable t, int sequence, String action) {
        put(new Placement(action, t, sequence, null, true, List.of()));
    }

    private static void rows(SequenceTable t, int sequence, String action, String... tables) {
        put(new Placement(action, t, sequence, null, false, List.of(tables)));
    }

    private static void rows(SequenceTable t, int sequence, String action, String condition, List<String> tables) {
        put(new Placement(action, t, sequence, condition, false, tables));
    }

    /** Placed only when the source references it. */
    private static void authored(SequenceTable t, int sequence, String action, String condition) {
        put(new Placement(action, t, sequence, condition, false, List.of()));
    }

    private static void put(Placement p) {
        PLACEMENTS.computeIfAbsent(p.table(), k -> new ArrayList<>()).add(p);
    }

    static {
        SequenceTable t = SequenceTable.INSTALL_EXECUTE;
        rows(t, 25, "FindRelatedProducts", "Upgrade");
        rows(t, 50, "AppSearch", "AppSearch", "CCPSearch");
        rows(t, 100, "LaunchConditions", "LaunchCondition");
        rows(t, 500, "CCPSearch", NOT_INSTALLED, List.of("CCPSearch"));
        rows(t, 600, "RMCCPSearch", NOT_INSTALLED, List.of("CCPSearch"));
        always(t, 700, "ValidateProductID");
        always(t, 800, "CostInitialize");
        always(t, 900, "FileCost");
        rows(t, 950, "IsolateComponents", "IsolatedComponent");
        always(t, 1000, "CostFinalize");
        rows(t, 1100, "SetODBCFolders", null, ODBC);
        rows(t, 1200, "MigrateFeatureStates", UPGRADE_MIGRATES_FEATURES);
        always(t, 1400, "InstallValidate");
        always(t, 1500, "InstallInitialize");
        authored(t, 1550, "AllocateRegistrySpace", null);
        always(t, 1600, "ProcessComponents");
        rows(t, 1700, "UnpublishComponents", "PublishComponent");
        rows(t, 1750, "MsiUnpublishAssemblies", "MsiAssembly");
        always(t, 1800, "UnpublishFeatures");
        rows(t, 1900, "StopServices", "VersionNT", List.of("ServiceControl"));
        rows(t, 2000, "DeleteServices", "VersionNT", List.of("ServiceControl"));
        rows(t, 2100, "UnregisterComPlus", "Complus");
        rows(t, 2200, "SelfUnregModules", "SelfReg");
        rows(t, 2300, "UnregisterTypeLibraries", "TypeLib");
        rows(t, 2400, "RemoveODBC", null, ODBC);
        rows(t, 2500, "UnregisterFonts", "Font");
        rows(t, 2600, "RemoveRegistryValues", "Registry", "RemoveRegistry");
        rows(t, 2700, "UnregisterClassInfo", "Class");
        rows(t, 2800, "UnregisterExtensionInfo", "Extension");
        rows(t, 2900, "UnregisterProgIdInfo", "ProgId");
        rows(t, 3000, "UnregisterMIMEInfo", "MIME");
        rows(t, 3100, "RemoveIniValues", "IniFile");
        rows(t, 3200, "RemoveShortcuts", "Shortcut");
        rows(t, 3300, "RemoveEnvironmentStrings", "Environment");
        rows(t, 3400, "RemoveDuplicateFiles", "DuplicateFile");
        rows(t, 3500, "RemoveFiles", "File", "RemoveFile");
        rows(t, 3600, "RemoveFolders", "Component", "CreateFolder");
        rows(t, 3700, "CreateFolders", "Component", "CreateFolder");
        rows(t, 3800, "MoveFiles", "MoveFile");
        // DuplicateFiles copies installed files, so WiX brings InstallFiles in with it.
        rows(t, 4000, "InstallFiles", "File", "DuplicateFile");
        authored(t, 4090, "PatchFiles", null);
        rows(t, 4210, "DuplicateFiles", "DuplicateFile");
        rows(t, 4300, "BindImage", "BindImage");
        rows(t, 4500, "CreateShortcuts", "Shortcut");
        rows(t, 4600, "RegisterClassInfo", "Class");
        rows(t, 4700, "RegisterExtensionInfo", "Extension");
        rows(t, 4800, "RegisterProgIdInfo", "ProgId");
        rows(t, 4900, "RegisterMIMEInfo", "MIME");
        rows(t, 5000, "WriteRegistryValues", "Registry", "RemoveRegistry");
        rows(t, 5100, "WriteIniValues", "IniFile");
        rows(t, 5200, "WriteEnvironmentStrings", "Environment");
        rows(t, 5300, "RegisterFonts", "Font");
        rows(t, 5400, "InstallODBC", null, ODBC);
        rows(t, 5500, "RegisterTypeLibraries", "TypeLib");
        rows(t, 5600, "SelfRegModules", "SelfReg");
        rows(t, 5700, "RegisterComPlus", "Complus");
        rows(t, 5800, "InstallServices", "VersionNT", List.of("ServiceInstall"));
        rows(t, 5850, "MsiConfigureServices", "VersionNT>=600", List.of("MsiServiceConfig", "MsiServiceConfigFailureActions"));
        rows(t, 5900, "StartServices", "VersionNT", List.of("ServiceControl"));
        always(t, 6000, "RegisterUser");
        always(t, 6100, "RegisterProduct");
        rows(t, 6200, "PublishComponents", "PublishComponent");
        rows(t, 6250, "MsiPublishAssemblies", "MsiAssembly");
        always(t, 6300, "PublishFeatures");
        always(t, 6400, "PublishProduct");
        authored(t, 6500, "InstallExecute", NOT_INSTALLED);
        authored(t, 6550, "InstallExecuteAgain", NOT_INSTALLED);
        always(t, 6600, "InstallFinalize");

        t = SequenceTable.INSTALL_UI;
        rows(t, 25, "FindRelatedProducts", "Upgrade");
        rows(t, 50, "AppSearch", "AppSearch", "CCPSearch");
        rows(t, 100, "LaunchConditions", "LaunchCondition");
        rows(t, 500, "CCPSearch", NOT_INSTALLED, List.of("CCPSearch"));
        rows(t, 600, "RMCCPSearch", NOT_INSTALLED, List.of("CCPSearch"));
        always(t, 700, "ValidateProductID");
        always(t, 800, "CostInitialize");
        always(t, 900, "FileCost");
        authored(t, 950, "IsolateComponents", null);
        always(t, 1000, "CostFinalize");
        rows(t, 1200, "MigrateFeatureStates", UPGRADE_MIGRATES_FEATURES);
        always(t, 1300, "ExecuteAction");

        t = SequenceTable.ADMIN_EXECUTE;
        authored(t, 100, "LaunchConditions", null);
        always(t, 800, "CostInitialize");
        always(t, 900, "FileCost");
        always(t, 1000, "CostFinalize");
        always(t, 1400, "InstallValidate");
        always(t, 1500, "InstallInitialize");
        always(t, 3900, "InstallAdminPackage");
        always(t, 4000, "InstallFiles");
        authored(t, 4090, "PatchFiles", null);
        always(t, 6600, "InstallFinalize");

        t = SequenceTable.ADMIN_UI;
        authored(t, 100, "LaunchConditions", null);
        always(t, 800, "CostInitialize");
        always(t, 900, "FileCost");
        always(t, 1000, "CostFinalize");
        always(t, 1300, "ExecuteAction");

        t = SequenceTable.ADVT_EXECUTE;
        always(t, 800, "CostInitialize");
        always(t, 1000, "CostFinalize");
        always(t, 1400, "InstallValidate");
        always(t, 1500, "InstallInitialize");
        rows(t, 4500, "CreateShortcuts", "Shortcut");
        rows(t, 4600, "RegisterClassInfo", "Class");
        rows(t, 4700, "RegisterExtensionInfo", "Extension");
        rows(t, 4800, "RegisterProgIdInfo", "ProgId");
        rows(t, 4900, "RegisterMIMEInfo", "MIME");
        rows(t, 6200, "PublishComponents", "PublishComponent");
        rows(t, 6250, "MsiPublishAssemblies", "MsiAssembly");
        always(t, 6300, "PublishFeatures");
        always(t, 6400, "PublishProduct");
        always(t, 6600, "InstallFinalize");

        NAMES.addAll(TOP_LEVEL);
        for (List<Placement> list : PLACEMENTS.values()) {
            list.sort((a, b) -> Integer.compare(a.sequence(), b.sequence()));
            for (Placement p : list) NAMES.add(p.action());
        }
        NAMES.addAll(AUTHOR_PLACED);
    }

    /** Every standard action of the SDK. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(NAMES);
    }

    public static boolean isStandard(String action) {
        return NAMES.contains(action);
    }

    /** ADMIN, ADVERTISE and INSTALL: the top-level actions that run a sequence table rather than sit in one. */
    public static boolean isTopLevel(String action) {
        return TOP_LEVEL.contains(action);
    }

    /** Where WiX puts {@code action} in {@code table} when no number is given; empty if it has no default there. */
    public static Optional<Placement> defaultPlacement(SequenceTable table, String action) {
        for (Placement p : PLACEMENTS.get(table)) if (p.action().equals(action)) return Optional.of(p);
        return Optional.empty();
    }

    /** Every standard action WiX has a default for in {@code table}, by sequence number. */
    public static List<Placement> defaults(SequenceTable table) {
        return Collections.unmodifiableList(PLACEMENTS.get(table));
    }

    /**
     * The standard actions WiX schedules in {@code table} by itself, by sequence number: for a package, the ones it
     * always adds and those {@code tablesWithRows} bring in; for a merge module only the latter, which go into the
     * module's Module*Sequence table with the same numbers.
     *
     * @param tablesWithRows the tables that have rows, plus {@link #UPGRADE_MIGRATES_FEATURES} when it applies
     */
    public static List<Placement> scheduledAutomatically(SequenceTable table, Set<String> tablesWithRows, boolean mergeModule) {
        List<Placement> out = new ArrayList<>();
        for (Placement p : PLACEMENTS.get(table)) {
            boolean brought = false;
            for (String t : p.whenRowsIn()) brought |= tablesWithRows.contains(t);
            if (brought || (p.always() && !mergeModule)) out.add(p);
        }
        return out;
    }
}

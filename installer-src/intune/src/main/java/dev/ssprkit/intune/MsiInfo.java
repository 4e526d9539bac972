package dev.ssprkit.intune;

import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.Table;

import java.util.Locale;
import java.util.Set;

/**
 * The {@code MsiInfo} block of Detection.xml (Microsoft's tool fills it only on Windows; we read the package with our
 * own reader). Element names and order as in the format's public descriptions. How each flag is derived is our
 * reading of the package — Microsoft's rules are not published:
 * <ul>
 *   <li>execution context: ALLUSERS = 1 → System, 2 → Any (dual purpose), otherwise User;</li>
 *   <li>requires reboot: a ForceReboot or ScheduleReboot action in InstallExecuteSequence, or REBOOT = Force;</li>
 *   <li>services / ODBC: rows in ServiceInstall / ODBCDataSource;</li>
 *   <li>system registry keys: a Registry row under HKCR or HKLM (or -1 in a per-machine package);</li>
 *   <li>system folders: a Directory row naming Windows' own folders (SystemFolder, System64Folder, WindowsFolder,
 *       FontsFolder...; Program Files is not one: Microsoft's tool says false for a package installing there).</li>
 * </ul>
 */
public record MsiInfo(String productCode, String productVersion, String packageCode, String publisher, String upgradeCode,
                      ExecutionContext executionContext, boolean requiresLogon, boolean requiresReboot, boolean isMachineInstall,
                      boolean isUserInstall, boolean includesServices, boolean includesOdbcDataSource, boolean containsSystemRegistryKeys,
                      boolean containsSystemFolders, String productName) {

    public enum ExecutionContext { System, User, Any }

    private static final Set<String> SYSTEM_FOLDERS = Set.of("SystemFolder", "System64Folder", "System16Folder", "System6432Folder",
            "WindowsFolder", "WindowsVolume", "FontsFolder");

    public static MsiInfo of(Database db) {
        String allUsers = property(db, "ALLUSERS");
        ExecutionContext context = "1".equals(allUsers) ? ExecutionContext.System : "2".equals(allUsers) ? ExecutionContext.Any : ExecutionContext.User;
        boolean machine = context != ExecutionContext.User;
        String reboot = property(db, "REBOOT");
        Table seq = db.tableOrNull("InstallExecuteSequence");
        boolean requiresReboot = (seq != null && (seq.find("ForceReboot") != null || seq.find("ScheduleReboot") != null))
                || (reboot != null && reboot.toUpperCase(Locale.ROOT).startsWith("F"));
        boolean systemKeys = false;
        Table registry = db.tableOrNull("Registry");
        if (registry != null) {
            for (Row r : registry.rows()) {
                Integer root = r.integer("Root");
                if (root != null && (root == 0 || root == 2 || (root == -1 && machine))) systemKeys = true;
            }
        }
        boolean systemFolders = false;
        Table dirs = db.tableOrNull("Directory");
        if (dirs != null) for (Row d : dirs.rows()) if (SYSTEM_FOLDERS.contains((String) d.get(0))) systemFolders = true;
        return new MsiInfo(property(db, "ProductCode"), property(db, "ProductVersion"), db.summary().revisionNumber,
                property(db, "Manufacturer"), property(db, "UpgradeCode"), context, context == ExecutionContext.User, requiresReboot,
                machine, context != ExecutionContext.System, hasRows(db, "ServiceInstall"), hasRows(db, "ODBCDataSource"), systemKeys,
                systemFolders, property(db, "ProductName"));
    }

    /** Graph's win32LobAppMsiInformation.packageType: perMachine, perUser or dualPurpose. */
    public String graphPackageType() {
        return switch (executionContext) {
            case System -> "perMachine";
            case User -> "perUser";
            case Any -> "dualPurpose";
        };
    }

    private static boolean hasRows(Database db, String table) {
        Table t = db.tableOrNull(table);
        return t != null && !t.rows().isEmpty();
    }

    private static String property(Database db, String name) {
        Table t = db.tableOrNull("Property");
        Row r = t == null ? null : t.find(name);
        return r == null ? null : r.string("Value");
    }
}

package dev.ssprkit.builder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The standard actions of the five sequence tables, with the sequence numbers WiX and the SDK's sample sequences
 * use. An action whose table is not used by the package is left out (as WiX does), except the always-present core.
 */
public final class StandardSequences {
    /** One scheduled action: name, sequence number, and the table whose presence requires it (null = always). */
    public record Action(String name, int sequence, String requiredTable) {}

    private StandardSequences() {}

    private static Action a(String name, int seq) {
        return new Action(name, seq, null);
    }

    private static Action a(String name, int seq, String table) {
        return new Action(name, seq, table);
    }

    public static final List<Action> INSTALL_EXECUTE = List.of(
            a("FindRelatedProducts", 25, "Upgrade"), a("AppSearch", 50, "AppSearch"), a("LaunchConditions", 100, "LaunchCondition"),
            a("ValidateProductID", 700), a("CostInitialize", 800), a("FileCost", 900), a("CostFinalize", 1000),
            a("MigrateFeatureStates", 1200, "Upgrade"), a("InstallValidate", 1400), a("InstallInitialize", 1500),
            a("ProcessComponents", 1600), a("UnpublishFeatures", 1800),
            a("StopServices", 1900, "ServiceControl"), a("DeleteServices", 2000, "ServiceControl"),
            a("RemoveRegistryValues", 2600, "Registry"), a("RemoveShortcuts", 3200, "Shortcut"),
            a("RemoveEnvironmentStrings", 3300, "Environment"), a("RemoveFiles", 3500),
            a("RemoveFolders", 3600, "CreateFolder"), a("CreateFolders", 3700, "CreateFolder"),
            a("InstallFiles", 4000, "File"), a("CreateShortcuts", 4500, "Shortcut"),
            a("WriteRegistryValues", 5000, "Registry"), a("WriteEnvironmentStrings", 5200, "Environment"),
            a("InstallServices", 5800, "ServiceInstall"), a("StartServices", 5900, "ServiceControl"),
            a("RegisterUser", 6000), a("RegisterProduct", 6100), a("PublishFeatures", 6300), a("PublishProduct", 6400),
            a("InstallFinalize", 6600));

    public static final List<Action> INSTALL_UI = List.of(
            a("FindRelatedProducts", 25, "Upgrade"), a("AppSearch", 50, "AppSearch"), a("LaunchConditions", 100, "LaunchCondition"),
            a("ValidateProductID", 700), a("CostInitialize", 800), a("FileCost", 900), a("CostFinalize", 1000),
            a("MigrateFeatureStates", 1200, "Upgrade"), a("ExecuteAction", 1300));

    public static final List<Action> ADMIN_EXECUTE = List.of(
            a("CostInitialize", 800), a("FileCost", 900), a("CostFinalize", 1000), a("InstallValidate", 1400),
            a("InstallInitialize", 1500), a("InstallAdminPackage", 3900), a("InstallFiles", 4000, "File"),
            a("InstallFinalize", 6600));

    public static final List<Action> ADMIN_UI = List.of(
            a("CostInitialize", 800), a("FileCost", 900), a("CostFinalize", 1000), a("ExecuteAction", 1300));

    public static final List<Action> ADVT_EXECUTE = List.of(
            a("CostInitialize", 800), a("CostFinalize", 1000), a("InstallValidate", 1400), a("InstallInitialize", 1500),
            a("CreateShortcuts", 4500, "Shortcut"), a("PublishFeatures", 6300), a("PublishProduct", 6400),
            a("InstallFinalize", 6600));

    /** The actions of one standard list that apply to a package using {@code tables}. */
    public static List<Action> applicable(List<Action> actions, Set<String> tables) {
        List<Action> out = new ArrayList<>();
        for (Action a : actions) if (a.requiredTable() == null || tables.contains(a.requiredTable())) out.add(a);
        return out;
    }
}

package dev.ssprkit.wix.model;

import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.msi.schema.TableSchema;

import java.util.Map;
import java.util.Set;

/**
 * The merge-module tables (the SDK's "Merge Module Database Tables"), as modules built by WiX store them: only
 * {@code Action} is the key of a ModuleXxxSequence table, whose action columns are 64 characters. The columns are
 * declared once, in the standard schema; this class says which of them a merge copies, keeps or leaves out.
 */
public final class ModuleTables {
    private ModuleTables() {}

    /** The five sequence tables and the module table that feeds each, in the order WiX lists them. */
    public static final Map<String, String> SEQUENCES = Map.of(
            "AdminExecuteSequence", "ModuleAdminExecuteSequence",
            "AdminUISequence", "ModuleAdminUISequence",
            "AdvtExecuteSequence", "ModuleAdvtExecuteSequence",
            "InstallExecuteSequence", "ModuleInstallExecuteSequence",
            "InstallUISequence", "ModuleInstallUISequence");

    /** Tables only a module has; a merge never copies them into the package (the SDK's table list). */
    public static final Set<String> MODULE_ONLY = Set.of("ModuleAdminExecuteSequence", "ModuleAdminUISequence",
            "ModuleAdvtExecuteSequence", "ModuleAdvtUISequence", "ModuleInstallExecuteSequence", "ModuleInstallUISequence",
            "ModuleIgnoreTable", "ModuleConfiguration", "ModuleSubstitution");

    /** Module tables the SDK says are merged into the installation database (they record what was merged). */
    public static final Set<String> KEPT_AFTER_MERGE = Set.of("ModuleSignature", "ModuleComponents", "ModuleDependency", "ModuleExclusion");

    /** The declaration of a merge-module table (the standard schema declares them all), or null. */
    public static TableSchema get(String table) {
        return StandardSchema.get(table);
    }

    public static TableSchema require(String table) {
        TableSchema t = get(table);
        if (t == null) throw new IllegalArgumentException("no merge-module table " + table);
        return t;
    }
}

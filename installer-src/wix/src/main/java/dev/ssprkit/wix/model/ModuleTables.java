package dev.ssprkit.wix.model;

import dev.ssprkit.msi.schema.Col;
import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.msi.schema.TableSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.ssprkit.msi.schema.Category.CONDITION;
import static dev.ssprkit.msi.schema.Category.IDENTIFIER;
import static dev.ssprkit.msi.schema.Category.TEXT;
import static dev.ssprkit.msi.schema.Category.VERSION;
import static dev.ssprkit.msi.schema.Col.i2;
import static dev.ssprkit.msi.schema.Col.i4;
import static dev.ssprkit.msi.schema.Col.l;
import static dev.ssprkit.msi.schema.Col.s;

/**
 * The merge-module tables (the SDK's "Merge Module Database Tables"), as modules built by WiX store them: only
 * {@code Action} is the key of a ModuleXxxSequence table, whose action columns are 64 characters. {@link #get} prefers
 * the standard schema's declaration once it has one, so this class only fills the gap until it does.
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

    private static final Map<String, TableSchema> TABLES = new LinkedHashMap<>();

    private static void table(String name, Col... cols) {
        List<Column> columns = new ArrayList<>();
        for (Col c : cols) columns.add(c.build());
        TABLES.put(name, new TableSchema(name, columns));
    }

    private static void sequence(String name) {
        table(name,
                s("Action", 64).key().cat(IDENTIFIER).doc("Action to insert into sequence."),
                i2("Sequence").nullable().range(-4, 32767).doc("Standard actions only: the suggested sequence number."),
                s("BaseAction", 64).nullable().cat(IDENTIFIER).ref(name).doc("Action this one is placed before or after."),
                i2("After").nullable().range(0, 1).doc("0 before BaseAction, 1 after it."),
                s("Condition", 255).nullable().cat(CONDITION).doc("Condition that skips the action when false."));
    }

    static {
        table("ModuleSignature",
                s("ModuleID", 72).key().cat(IDENTIFIER).doc("Module name with its GUID (Name.GUID)."),
                i2("Language").key().doc("Default decimal language of the module."),
                s("Version", 32).cat(VERSION).doc("Version of the module."));
        table("ModuleComponents",
                s("Component", 72).key().cat(IDENTIFIER).ref("Component").doc("A component of the module."),
                s("ModuleID", 72).key().cat(IDENTIFIER).ref("ModuleSignature").doc("The module the component is in."),
                i2("Language").key().ref("ModuleSignature", 2).doc("Language of the module."));
        table("ModuleDependency",
                s("ModuleID", 72).key().cat(IDENTIFIER).ref("ModuleSignature").doc("The module with the dependency."),
                i2("ModuleLanguage").key().ref("ModuleSignature", 2).doc("Language of that module."),
                s("RequiredID", 72).key().doc("ModuleID of the required module."),
                i2("RequiredLanguage").key().doc("Language of the required module."),
                s("RequiredVersion", 32).nullable().cat(VERSION).doc("Version of the required module (null: any)."));
        table("ModuleExclusion",
                s("ModuleID", 72).key().cat(IDENTIFIER).ref("ModuleSignature").doc("The module with the exclusion."),
                i2("ModuleLanguage").key().ref("ModuleSignature", 2).doc("Language of that module."),
                s("ExcludedID", 72).key().doc("ModuleID of the excluded module."),
                i2("ExcludedLanguage").key().doc("Language excluded (negative: all but that one, 0: all)."),
                s("ExcludedMinVersion", 32).nullable().cat(VERSION).doc("Lowest excluded version."),
                s("ExcludedMaxVersion", 32).nullable().cat(VERSION).doc("Highest excluded version."));
        table("ModuleIgnoreTable",
                s("Table", 72).key().cat(IDENTIFIER).doc("Table of the module not merged into the package."));
        table("ModuleConfiguration",
                s("Name", 72).key().cat(IDENTIFIER).doc("Name of the configurable item."),
                i2("Format").range(0, 3).doc("0 Text, 1 Key, 2 Integer, 3 Bitfield."),
                s("Type", 72).nullable().cat(TEXT).doc("Semantic type, for a merge tool's user interface."),
                l("ContextData", 0).nullable().cat(TEXT).doc("Semantic context, for a merge tool's user interface."),
                l("DefaultValue", 0).nullable().cat(TEXT).doc("Value used when the merge tool provides none."),
                i4("Attributes").nullable().range(0, 3).doc("1 KeyNoOrphan, 2 NonNullable."),
                l("DisplayName", 72).nullable().cat(TEXT).doc("Name shown by a merge tool."),
                l("Description", 0).nullable().cat(TEXT).doc("Description shown by a merge tool."),
                s("HelpLocation", 0).nullable().cat(TEXT).doc("Help file or URL."),
                s("HelpKeyword", 0).nullable().cat(TEXT).doc("Help keyword."));
        table("ModuleSubstitution",
                s("Table", 72).key().cat(IDENTIFIER).doc("Table of the module whose field is configured."),
                s("Row", 0).key().cat(TEXT).doc("Primary keys of the row, separated by semicolons."),
                s("Column", 72).key().cat(IDENTIFIER).doc("Column of the configured field."),
                l("Value", 0).nullable().cat(TEXT).doc("Template: [=Item] is replaced by the item's value."));
        for (String t : SEQUENCES.values()) sequence(t);
        sequence("ModuleAdvtUISequence");
    }

    /** The declaration of a merge-module table (the standard schema's when it has one), or null. */
    public static TableSchema get(String table) {
        TableSchema standard = StandardSchema.get(table);
        return standard != null ? standard : TABLES.get(table);
    }

    public static TableSchema require(String table) {
        TableSchema t = get(table);
        if (t == null) throw new IllegalArgumentException("no merge-module table " + table);
        return t;
    }

    /** Whether {@code table} is one of the merge-module tables. */
    public static boolean isModuleTable(String table) {
        return TABLES.containsKey(table);
    }
}

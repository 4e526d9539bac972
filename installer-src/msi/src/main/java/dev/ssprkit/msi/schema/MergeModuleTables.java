package dev.ssprkit.msi.schema;

import static dev.ssprkit.msi.schema.Category.*;
import static dev.ssprkit.msi.schema.Col.*;
import static dev.ssprkit.msi.schema.TableDeclarations.id;

/**
 * The tables only a merge module (.msm) carries: its identity, components, dependencies and exclusions, its own
 * sequence tables (actions placed relative to others), configurable items, and tables the merge tool ignores.
 * A package that merged modules keeps ModuleSignature, ModuleComponents and ModuleDependency.
 */
final class MergeModuleTables {
    /** The sequence tables of a module, one per sequence table of a package. */
    static final String[] SEQUENCE_TABLES = {
            "ModuleInstallExecuteSequence", "ModuleInstallUISequence", "ModuleAdminExecuteSequence",
            "ModuleAdminUISequence", "ModuleAdvtExecuteSequence", "ModuleAdvtUISequence"};

    private MergeModuleTables() {}

    static void declare(TableDeclarations t) {
        t.table("ModuleSignature",
                id("ModuleID").key().doc("Module identifier: a name, a dot and the module's GUID with _ for -."),
                i2("Language").key().doc("Language ID of the module."),
                s("Version", 32).cat(VERSION).doc("Module version."));
        t.table("ModuleComponents",
                id("Component").key().ref("Component").doc("Component the module contains."),
                id("ModuleID").key().ref("ModuleSignature").doc("Module that contains it."),
                i2("Language").key().ref("ModuleSignature", 2).doc("Language of that module."));
        t.table("ModuleDependency",
                id("ModuleID").key().ref("ModuleSignature").doc("Module that has the dependency."),
                i2("ModuleLanguage").key().ref("ModuleSignature", 2).doc("Language of that module."),
                s("RequiredID", 72).key().doc("Module that must also be merged."),
                i2("RequiredLanguage").key().doc("Language the required module must have (0 any; a negative ID excludes it)."),
                s("RequiredVersion", 32).nullable().cat(VERSION).doc("Lowest version of the required module."));
        t.table("ModuleExclusion",
                id("ModuleID").key().ref("ModuleSignature").doc("Module that excludes another."),
                i2("ModuleLanguage").key().ref("ModuleSignature", 2).doc("Language of that module."),
                s("ExcludedID", 72).key().doc("Module that must not be merged with it."),
                i2("ExcludedLanguage").key().doc("Language of the excluded module (0 any; a negative ID means all but it)."),
                s("ExcludedMinVersion", 32).nullable().cat(VERSION).doc("Lowest excluded version."),
                s("ExcludedMaxVersion", 32).nullable().cat(VERSION).doc("Highest excluded version."));
        for (String name : SEQUENCE_TABLES) {
            t.table(name,
                    s("Action", 64).key().cat(IDENTIFIER).doc("Action to schedule."),
                    i2("Sequence").nullable().range(-4, 32767).doc("Sequence number; empty when placed relative to BaseAction."),
                    s("BaseAction", 64).nullable().cat(IDENTIFIER).ref(name).doc("Action this one is placed next to."),
                    i2("After").nullable().range(0, 1).doc("0 before BaseAction, 1 after it."),
                    s("Condition", 255).nullable().cat(CONDITION).doc("The action is skipped when this is false."));
        }
        t.table("ModuleIgnoreTable",
                id("Table").key().doc("Table of the module the merge tool leaves out."));
        t.table("ModuleConfiguration",
                id("Name").key().doc("Name of the configurable item."),
                i2("Format").range(0, 3).doc("0 text, 1 key of a table row, 2 integer, 3 bit field."),
                s("Type", 72).nullable().cat(TEXT).doc("Semantic type or referenced table, as the format needs."),
                l("ContextData", 0).nullable().cat(TEXT).doc("Allowed values or other context for the merge tool."),
                l("DefaultValue", 0).nullable().cat(TEXT).doc("Value used when the consumer gives none."),
                i4("Attributes").nullable().range(0, 3).doc("1 the value may be left empty, 2 not shown to the user."),
                l("DisplayName", 72).nullable().cat(TEXT).doc("Name shown by the merge tool."),
                l("Description", 0).nullable().cat(TEXT).doc("Description shown by the merge tool."),
                s("HelpLocation", 0).nullable().cat(TEXT).doc("Help file or page."),
                s("HelpKeyword", 0).nullable().cat(TEXT).doc("Keyword in that help."));
        t.table("ModuleSubstitution",
                id("Table").key().doc("Table of the cell to fill in."),
                s("Row", 0).key().cat(TEXT).doc("Primary key of the row, its parts separated by ;."),
                id("Column").key().doc("Column of the cell."),
                l("Value", 0).nullable().cat(TEXT).doc("Template with [=Item] references to configurable items."));
    }
}

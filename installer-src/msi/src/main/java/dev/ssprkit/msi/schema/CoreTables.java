package dev.ssprkit.msi.schema;

import static dev.ssprkit.msi.schema.Category.*;
import static dev.ssprkit.msi.schema.Col.*;
import static dev.ssprkit.msi.schema.TableDeclarations.component;
import static dev.ssprkit.msi.schema.TableDeclarations.feature;
import static dev.ssprkit.msi.schema.TableDeclarations.id;

/**
 * The tables every product uses: properties, the directory/component/feature tree, media, the sequence tables,
 * custom actions and their binaries, errors, upgrades and launch conditions, and {@code _Validation} itself.
 */
final class CoreTables {
    /**
     * The {@code _Validation.Category} values the SDK's own {@code _Validation} lists, in its order (as WiX-built
     * packages carry it). {@code KeyFormatted} and {@code URL}, in older packages, are not in it.
     */
    static final String VALIDATION_CATEGORIES = "Text;Formatted;Template;Condition;Guid;Path;Version;Language;Identifier;"
            + "Binary;UpperCase;LowerCase;Filename;Paths;AnyPath;WildCardFilename;RegPath;CustomSource;Property;Cabinet;"
            + "Shortcut;FormattedSDDLText;Integer;DoubleInteger;TimeDate;DefaultDir";

    /** The five sequence tables the installer runs, plus AdvtUISequence, which it ignores but tools still create. */
    static final String[] SEQUENCE_TABLES = {
            "InstallExecuteSequence", "InstallUISequence", "AdminExecuteSequence", "AdminUISequence",
            "AdvtExecuteSequence", "AdvtUISequence"};

    private CoreTables() {}

    static void declare(TableDeclarations t) {
        t.table("_Validation",
                s("Table", 32).key().cat(IDENTIFIER).doc("Table the row describes."),
                s("Column", 32).key().cat(IDENTIFIER).doc("Column of that table the row describes."),
                s("Nullable", 4).set("Y;N").doc("Y when the column may be empty, N when it may not."),
                i4("MinValue").nullable().range(-2147483647, 2147483647).doc("Smallest value an integer column accepts."),
                i4("MaxValue").nullable().range(-2147483647, 2147483647).doc("Largest value an integer column accepts."),
                s("KeyTable", 255).nullable().cat(IDENTIFIER).doc("Tables (separated by ;) a foreign-key column points into."),
                i2("KeyColumn").nullable().range(1, 32).doc("Which column (1-based) of KeyTable the foreign key matches."),
                s("Category", 32).nullable().set(VALIDATION_CATEGORIES).doc("Data type of a string column's values."),
                s("Set", 255).nullable().cat(TEXT).doc("The only values allowed, separated by ;."),
                s("Description", 255).nullable().cat(TEXT).doc("What the column holds, for people reading the table."));
        t.table("Property",
                id("Property").key().doc("Property name; public properties are all upper case."),
                l("Value", 0).cat(TEXT).doc("Default value; a property without a value is simply left out."));
        t.table("Directory",
                id("Directory").key().doc("Directory key; also the property that holds its resolved path."),
                id("Directory_Parent").nullable().ref("Directory").doc("Parent directory; empty (or itself) for a root."),
                l("DefaultDir", 255).cat(DEFAULT_DIR).doc("Name under the parent: target[:source], each as short|long."));
        t.table("Component",
                id("Component").key().doc("Component key."),
                s("ComponentId", 38).nullable().cat(GUID).doc("Component code that identifies this component everywhere."),
                id("Directory_").ref("Directory").doc("Directory the component installs into."),
                i2("Attributes").doc("Bit flags: run location, registry key path, 64-bit, permanent and so on."),
                s("Condition", 255).nullable().cat(CONDITION).doc("When false, the component is not installed."),
                id("KeyPath").nullable().ref("File;Registry;ODBCDataSource").doc("File, registry or ODBC row whose presence tells that the component is installed."));
        t.table("Feature",
                s("Feature", 38).key().cat(IDENTIFIER).doc("Feature key."),
                feature("Feature_Parent").nullable().doc("Parent feature; empty for a top-level feature."),
                l("Title", 64).nullable().cat(TEXT).doc("Short name shown in the selection tree."),
                l("Description", 255).nullable().cat(TEXT).doc("Longer text shown for the selected feature."),
                i2("Display").nullable().range(0, 32767).doc("Position in the tree; odd expands, even collapses, 0 hides."),
                i2("Level").range(0, 32767).doc("Install level; the feature installs when it is at most INSTALLLEVEL, 0 disables it."),
                id("Directory_").nullable().cat(UPPER_CASE).ref("Directory").doc("Directory the user may change for this feature."),
                i2("Attributes").set("0;1;2;4;5;6;8;9;10;16;17;18;20;21;22;24;25;26;32;33;34;36;37;38;48;49;50;52;53;54")
                        .doc("Bit flags: favor source or parent, advertising, disallowing absent."));
        t.table("FeatureComponents",
                feature("Feature_").key().doc("Feature that installs the component."),
                component().key().doc("Component the feature installs."));
        t.table("Condition",
                feature("Feature_").key().doc("Feature whose level the condition changes."),
                i2("Level").key().range(0, 32767).doc("Level the feature gets when the condition is true."),
                s("Condition", 255).nullable().cat(CONDITION).doc("Expression that decides whether Level applies."));
        t.table("Media",
                i2("DiskId").key().range(1, 32767).doc("Disk number; files are taken from the first disk whose LastSequence covers them."),
                i4("LastSequence").range(0, 2147483647).doc("Sequence number of the last file on this disk."),
                l("DiskPrompt", 64).nullable().cat(TEXT).doc("Disk name shown when the installer asks for the disk."),
                s("Cabinet", 255).nullable().cat(CABINET).doc("Cabinet holding the files; a leading # means a stream in the package."),
                s("VolumeLabel", 32).nullable().cat(TEXT).doc("Volume label the disk must have."),
                s("Source", 72).nullable().cat(PROPERTY).doc("Source location for patched files on this disk."));
        t.table("Upgrade",
                s("UpgradeCode", 38).key().cat(GUID).doc("Upgrade code of the related products to find."),
                s("VersionMin", 20).key().nullable().cat(TEXT).doc("Lowest product version of the range."),
                s("VersionMax", 20).key().nullable().cat(TEXT).doc("Highest product version of the range."),
                s("Language", 255).key().nullable().cat(LANGUAGE).doc("Languages (comma-separated) to include or exclude."),
                i4("Attributes").key().range(0, 2147483647).doc("Bit flags: detect only, inclusive bounds, exclude languages, continue on failure."),
                s("Remove", 255).nullable().cat(FORMATTED).doc("Features of the found product to remove; empty removes all."),
                s("ActionProperty", 72).cat(UPPER_CASE).doc("Public property that receives the product codes found."));
        t.table("LaunchCondition",
                s("Condition", 255).key().cat(CONDITION).doc("Expression that must be true for the installation to go on."),
                l("Description", 255).cat(FORMATTED).doc("Message shown when the condition is false."));
        t.table("Error",
                i2("Error").key().range(0, 32767).doc("Error or message number."),
                l("Message", 0).nullable().cat(TEMPLATE).doc("Message text with [1]-style placeholders."));
        t.table("ActionText",
                id("Action").key().doc("Action the text belongs to."),
                l("Description", 0).nullable().cat(TEXT).doc("What the progress dialog and the log say while the action runs."),
                l("Template", 0).nullable().cat(TEMPLATE).doc("Template for the action's progress details."));
        t.table("CustomAction",
                id("Action").key().doc("Custom action name, used in the sequence tables."),
                i2("Type").range(1, 32767).doc("Custom action type: code kind, source location and execution flags."),
                s("Source", 72).nullable().cat(CUSTOM_SOURCE).doc("Binary, File, Directory or Property row the code comes from."),
                s("Target", 255).nullable().cat(FORMATTED).doc("Entry point, command line, script or value, depending on the type."),
                i4("ExtendedType").nullable().range(0, 2147483647).doc("More type flags (patch uninstall)."));
        t.table("MsiEmbeddedChainer",
                id("MsiEmbeddedChainer").key().doc("Chainer key."),
                s("Condition", 255).nullable().cat(CONDITION).doc("The chainer runs only when this is true."),
                s("CommandLine", 255).nullable().cat(FORMATTED).doc("Arguments passed to the chainer."),
                s("Source", 72).cat(CUSTOM_SOURCE).doc("Binary, File or Property row that provides the chainer."),
                i2("Type").set("2;18;50").doc("Where the chainer comes from: 2 Binary, 18 File, 50 Property."));
        t.table("Binary",
                id("Name").key().doc("Binary key, referenced by custom actions and controls."),
                v("Data").doc("The bytes: DLL, script, bitmap, icon..."));
        t.table("Icon",
                id("Name").key().doc("Icon key, with the file extension of the icon's file."),
                v("Data").doc("Icon bytes: an .ico, or a PE file holding icons."));
        for (String name : SEQUENCE_TABLES) {
            t.table(name,
                    id("Action").key().doc("Standard action, custom action or dialog to run."),
                    s("Condition", 255).nullable().cat(CONDITION).doc("The action is skipped when this is false."),
                    i2("Sequence").nullable().range(-4, 32767).doc("Position in the run; negative numbers mark the exit dialogs."));
        }
    }
}

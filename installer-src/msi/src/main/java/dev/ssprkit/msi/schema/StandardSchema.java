package dev.ssprkit.msi.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.ssprkit.msi.schema.Category.*;
import static dev.ssprkit.msi.schema.Col.*;

/**
 * The standard tables a product package needs, declared once from the Windows Installer SDK's table reference
 * (https://learn.microsoft.com/windows/win32/msi/database-tables). The writer, the reader, the {@code _Validation}
 * rows and the validator all read these declarations; nothing else spells a column.
 *
 * <p>Sequence-number columns ({@code File.Sequence}, {@code Media.LastSequence}) are 4-byte as in the SDK's
 * "large package" schema (and as WiX and wixl write them).
 */
public final class StandardSchema {
    private static final Map<String, TableSchema> TABLES = new TreeMap<>();

    private StandardSchema() {}

    private static void table(String name, Col... cols) {
        List<Column> columns = new ArrayList<>();
        for (Col c : cols) columns.add(c.build());
        TABLES.put(name, new TableSchema(name, columns));
    }

    private static Col id(String name) {
        return s(name, 72).cat(IDENTIFIER);
    }

    private static void sequenceTable(String name) {
        table(name,
                id("Action").key().doc("Name of action to invoke, either in the engine or the handler DLL."),
                s("Condition", 255).nullable().cat(CONDITION).doc("Optional expression which skips the action if evaluates to expFalse."),
                i2("Sequence").nullable().range(-4, 32767).doc("Number that determines the sort order in which the actions are to be executed."));
    }

    static {
        table("_Validation",
                s("Table", 32).key().cat(IDENTIFIER).doc("Name of table"),
                s("Column", 32).key().cat(IDENTIFIER).doc("Name of column"),
                s("Nullable", 4).set("Y;N").doc("Whether the column is nullable"),
                i4("MinValue").nullable().range(-2147483647, 2147483647).doc("Minimum value allowed"),
                i4("MaxValue").nullable().range(-2147483647, 2147483647).doc("Maximum value allowed"),
                s("KeyTable", 255).nullable().cat(IDENTIFIER).doc("For foreign key, Name of table to which data must link"),
                i2("KeyColumn").nullable().range(1, 32).doc("Column to which foreign key connects"),
                s("Category", 32).nullable().doc("String category"),
                s("Set", 255).nullable().cat(TEXT).doc("Set of values that are permitted"),
                s("Description", 255).nullable().cat(TEXT).doc("Description of column"));
        table("Property",
                id("Property").key().doc("Name of property, uppercase if settable by launcher or loader."),
                l("Value", 0).cat(TEXT).doc("String value for property.  Never null or empty."));
        table("Directory",
                id("Directory").key().doc("Unique identifier for directory entry, primary key."),
                id("Directory_Parent").nullable().ref("Directory").doc("Reference to the entry in this table specifying the default parent directory."),
                l("DefaultDir", 255).cat(DEFAULT_DIR).doc("The default sub-path under parent's path."));
        table("Component",
                id("Component").key().doc("Primary key used to identify a particular component record."),
                s("ComponentId", 38).nullable().cat(GUID).doc("A string GUID unique to this component, version, and language."),
                id("Directory_").ref("Directory").doc("Required key of a Directory table record."),
                i2("Attributes").doc("Remote execution option, one of irsEnum"),
                s("Condition", 255).nullable().cat(CONDITION).doc("A conditional statement that will disable this component if the specified condition evaluates to the 'True' state."),
                id("KeyPath").nullable().ref("File;Registry;ODBCDataSource").doc("Either the primary key into the File table, Registry table, or ODBCDataSource table."));
        table("Feature",
                s("Feature", 38).key().cat(IDENTIFIER).doc("Primary key used to identify a particular feature record."),
                s("Feature_Parent", 38).nullable().cat(IDENTIFIER).ref("Feature").doc("Optional key of a parent record in the same table."),
                l("Title", 64).nullable().cat(TEXT).doc("Short text identifying a visible feature item."),
                l("Description", 255).nullable().cat(TEXT).doc("Longer descriptive text describing a visible feature item."),
                i2("Display").nullable().range(0, 32767).doc("Numeric sort order, used to force a specific display ordering."),
                i2("Level").range(0, 32767).doc("The install level at which record will be initially selected."),
                id("Directory_").nullable().cat(UPPER_CASE).ref("Directory").doc("The name of the Directory that can be configured by the UI."),
                i2("Attributes").set("0;1;2;4;5;6;8;9;10;16;17;18;20;21;22;24;25;26;32;33;34;36;37;38;48;49;50;52;53;54").doc("Feature attributes"));
        table("FeatureComponents",
                s("Feature_", 38).key().cat(IDENTIFIER).ref("Feature").doc("Foreign key into Feature table."),
                id("Component_").key().ref("Component").doc("Foreign key into Component table."));
        table("File",
                id("File").key().doc("Primary key, non-localized token, must match identifier in cabinet."),
                id("Component_").ref("Component").doc("Foreign key referencing Component that controls the file."),
                l("FileName", 255).cat(FILENAME).doc("File name used for installation, may be localized."),
                i4("FileSize").range(0, 2147483647).doc("Size of file in bytes (long integer)."),
                s("Version", 72).nullable().cat(VERSION).ref("File").doc("Version string for versioned files;  Blank for unversioned files."),
                s("Language", 20).nullable().cat(LANGUAGE).doc("List of decimal language Ids, comma-separated if more than one."),
                i2("Attributes").nullable().range(0, 32767).doc("Integer containing bit flags representing file attributes."),
                i4("Sequence").range(1, 2147483647).doc("Sequence with respect to the media images; order must track cabinet order."));
        table("Media",
                i2("DiskId").key().range(1, 32767).doc("Primary key, integer to determine sort order for table."),
                i4("LastSequence").range(0, 2147483647).doc("File sequence number for the last file for this media."),
                l("DiskPrompt", 64).nullable().cat(TEXT).doc("Disk name: the visible text actually printed on the disk."),
                s("Cabinet", 255).nullable().cat(CABINET).doc("If some or all of the files stored on the media are compressed in a cabinet, the name of that cabinet."),
                s("VolumeLabel", 32).nullable().cat(TEXT).doc("Volume label to identify disk."),
                s("Source", 72).nullable().cat(PROPERTY).doc("The property defining the location of the cabinet file."));
        table("MsiFileHash",
                id("File_").key().ref("File").doc("Primary key, foreign key into File table referencing file with this hash"),
                i2("Options").range(0, 0).doc("Various options and attributes for this hash."),
                i4("HashPart1").doc("Size of file in bytes (long integer)."),
                i4("HashPart2").doc("Size of file in bytes (long integer)."),
                i4("HashPart3").doc("Size of file in bytes (long integer)."),
                i4("HashPart4").doc("Size of file in bytes (long integer)."));
        table("Registry",
                id("Registry").key().doc("Primary key, non-localized token."),
                i2("Root").range(-1, 3).doc("The predefined root key for the registry value, one of rrkEnum."),
                l("Key", 255).cat(REG_PATH).doc("The key for the registry value."),
                l("Name", 255).nullable().cat(FORMATTED).doc("The registry value name."),
                l("Value", 0).nullable().cat(FORMATTED).doc("The registry value."),
                id("Component_").ref("Component").doc("Foreign key into the Component table referencing component that controls the installing of the registry value."));
        table("RemoveRegistry",
                id("RemoveRegistry").key().doc("Primary key, non-localized token."),
                i2("Root").range(-1, 3).doc("The predefined root key for the registry value, one of rrkEnum"),
                l("Key", 255).cat(REG_PATH).doc("The key for the registry value."),
                l("Name", 255).nullable().cat(FORMATTED).doc("The registry value name."),
                id("Component_").ref("Component").doc("Foreign key into the Component table referencing component that controls the deletion of the registry value."));
        table("RemoveFile",
                id("FileKey").key().doc("Primary key used to identify a particular file entry"),
                id("Component_").ref("Component").doc("Foreign key referencing Component that controls the file to be removed."),
                l("FileName", 255).nullable().cat(WILD_CARD_FILENAME).doc("Name of the file to be removed."),
                id("DirProperty").doc("Name of a property whose value is assumed to resolve to the full pathname to the folder of the file to be removed."),
                i2("InstallMode").set("1;2;3").doc("Installation option, one of iimEnum."));
        table("CreateFolder",
                id("Directory_").key().ref("Directory").doc("Primary key, could be foreign key into the Directory table."),
                id("Component_").key().ref("Component").doc("Foreign key into the Component table."));
        table("Upgrade",
                s("UpgradeCode", 38).key().cat(GUID).doc("The UpgradeCode GUID belonging to the products in this set."),
                s("VersionMin", 20).key().nullable().cat(TEXT).doc("The minimum ProductVersion of the products in this set."),
                s("VersionMax", 20).key().nullable().cat(TEXT).doc("The maximum ProductVersion of the products in this set."),
                s("Language", 255).key().nullable().cat(LANGUAGE).doc("A comma-separated list of languages for either products in this set or products not in this set."),
                i4("Attributes").key().range(0, 2147483647).doc("The attributes of this product set."),
                s("Remove", 255).nullable().cat(FORMATTED).doc("The list of features to remove when uninstalling a product from this set."),
                s("ActionProperty", 72).cat(UPPER_CASE).doc("The property to set when a product in this set is found."));
        table("LaunchCondition",
                s("Condition", 255).key().cat(CONDITION).doc("Expression which must evaluate to TRUE in order for install to commence."),
                l("Description", 255).cat(FORMATTED).doc("Localizable text to display when condition fails and install must abort."));
        table("CustomAction",
                id("Action").key().doc("Primary key, name of action, normally appears in sequence table unless private use."),
                i2("Type").range(1, 32767).doc("The numeric custom action type, consisting of source location, code type, entry, option flags."),
                s("Source", 72).nullable().cat(CUSTOM_SOURCE).doc("The table reference of the source of the code."),
                s("Target", 255).nullable().cat(FORMATTED).doc("Execution parameter, depends on the type of custom action"),
                i4("ExtendedType").nullable().range(0, 2147483647).doc("A numeric custom action type that extends code type or option flags of the Type column."));
        table("Binary",
                id("Name").key().doc("Unique key identifying the binary data."),
                v("Data").doc("The unformatted binary data."));
        table("Icon",
                id("Name").key().doc("Primary key. Name of the icon file."),
                v("Data").doc("Binary stream. The binary icon data in PE (.DLL or .EXE) or icon (.ICO) format."));
        table("Shortcut",
                id("Shortcut").key().doc("Primary key, non-localized token."),
                id("Directory_").ref("Directory").doc("Foreign key into the Directory table denoting the directory where the shortcut file is created."),
                l("Name", 128).cat(FILENAME).doc("The name of the shortcut to be created."),
                id("Component_").ref("Component").doc("Foreign key into the Component table denoting the component whose selection gates the shortcut creation/deletion."),
                s("Target", 72).cat(SHORTCUT).doc("The shortcut target."),
                s("Arguments", 255).nullable().cat(FORMATTED).doc("The command-line arguments for the shortcut."),
                l("Description", 255).nullable().cat(TEXT).doc("The description for the shortcut."),
                i2("Hotkey").nullable().range(0, 32767).doc("The hotkey for the shortcut."),
                id("Icon_").nullable().ref("Icon").doc("Foreign key into the File table denoting the external icon file for the shortcut."),
                i2("IconIndex").nullable().range(-32767, 32767).doc("The icon index for the shortcut."),
                i2("ShowCmd").nullable().set("1;3;7").doc("The show command for the application window."),
                id("WkDir").nullable().doc("Name of property defining location of working directory."),
                s("DisplayResourceDLL", 255).nullable().cat(FORMATTED).doc("The Formatted string providing the full path to the language neutral file containing the MUI Manifest."),
                i2("DisplayResourceId").nullable().range(0, 32767).doc("The display name index for the shortcut."),
                s("DescriptionResourceDLL", 255).nullable().cat(FORMATTED).doc("The Formatted string providing the full path to the language neutral file containing the MUI Manifest."),
                i2("DescriptionResourceId").nullable().range(0, 32767).doc("The description name index for the shortcut."));
        table("Environment",
                s("Environment", 72).key().cat(IDENTIFIER).doc("Unique identifier for the environmental variable setting"),
                l("Name", 255).cat(TEXT).doc("The name of the environmental value."),
                l("Value", 255).nullable().cat(FORMATTED).doc("The value to set in the environmental settings."),
                id("Component_").ref("Component").doc("Foreign key into the Component table referencing component that controls the installing of the environmental value."));
        table("ServiceInstall",
                id("ServiceInstall").key().doc("Primary key, non-localized token."),
                s("Name", 255).cat(FORMATTED).doc("Internal Name of the Service"),
                l("DisplayName", 255).nullable().cat(FORMATTED).doc("External Name of the Service"),
                i4("ServiceType").range(-2147483647, 2147483647).doc("Type of the service"),
                i4("StartType").range(0, 4).doc("Type of the service"),
                i4("ErrorControl").range(-2147483647, 2147483647).doc("Severity of error if service fails to start"),
                s("LoadOrderGroup", 255).nullable().cat(FORMATTED).doc("LoadOrderGroup"),
                s("Dependencies", 255).nullable().cat(FORMATTED).doc("Other services this depends on to start.  Separate by [~], and end with [~][~]"),
                s("StartName", 255).nullable().cat(FORMATTED).doc("User or object name to run service as"),
                s("Password", 255).nullable().cat(FORMATTED).doc("password to run service with.  (with StartName)"),
                s("Arguments", 255).nullable().cat(FORMATTED).doc("Arguments to include in every start of the service, passed to WinMain"),
                id("Component_").ref("Component").doc("Required foreign key into the Component Table that controls the startup of the service"),
                l("Description", 255).nullable().cat(TEXT).doc("Description of service."));
        table("ServiceControl",
                id("ServiceControl").key().doc("Primary key, non-localized token."),
                l("Name", 255).cat(FORMATTED).doc("Name of a service. /, \\, comma and space are invalid"),
                i2("Event").range(0, 187).doc("Bit field:  Install:  0x1 = Start, 0x2 = Stop, 0x8 = Delete, Uninstall: 0x10 = Start, 0x20 = Stop, 0x80 = Delete"),
                l("Arguments", 255).nullable().cat(FORMATTED).doc("Arguments for the service.  Separate by [~]."),
                i2("Wait").nullable().range(0, 1).doc("Boolean for whether to wait for the service to fully start"),
                id("Component_").ref("Component").doc("Required foreign key into the Component Table that controls the startup of the service"));
        table("Error",
                i2("Error").key().range(0, 32767).doc("Integer error number, obtained from header file IError(...) macros."),
                l("Message", 0).nullable().cat(TEMPLATE).doc("Error formatting template, obtained from user ed. or localizers."));
        sequenceTable("InstallExecuteSequence");
        sequenceTable("InstallUISequence");
        sequenceTable("AdminExecuteSequence");
        sequenceTable("AdminUISequence");
        sequenceTable("AdvtExecuteSequence");
        table("AppSearch",
                id("Property").key().doc("The property associated with a Signature"),
                id("Signature_").key().ref("Signature;RegLocator;IniLocator;DrLocator;CompLocator").doc("The Signature_ represents a unique file signature and is also the foreign key in the Signature,  RegLocator, IniLocator, CompLocator and the DrLocator tables."));
        table("RegLocator",
                id("Signature_").key().doc("The table key. The Signature_ represents a unique file signature and is also the foreign key in the Signature table."),
                i2("Root").range(0, 3).doc("The predefined root key for the registry value, one of rrkEnum."),
                s("Key", 255).cat(REG_PATH).doc("The key for the registry value."),
                s("Name", 255).nullable().cat(FORMATTED).doc("The registry value name."),
                i2("Type").nullable().range(0, 18).doc("An integer value that determines if the registry value is a filename or a directory location or to be used as raw value w/o interpretation."));
        table("Signature",
                id("Signature").key().doc("The table key. The Signature represents a unique file signature."),
                s("FileName", 255).cat(FILENAME).doc("The name of the file. This may contain a \"short name|long name\" pair."),
                s("MinVersion", 20).nullable().cat(TEXT).doc("The minimum version of the file."),
                s("MaxVersion", 20).nullable().cat(TEXT).doc("The maximum version of the file."),
                i4("MinSize").nullable().range(0, 2147483647).doc("The minimum size of the file."),
                i4("MaxSize").nullable().range(0, 2147483647).doc("The maximum size of the file."),
                i4("MinDate").nullable().range(0, 2147483647).doc("The minimum creation date of the file."),
                i4("MaxDate").nullable().range(0, 2147483647).doc("The maximum creation date of the file."),
                s("Languages", 255).nullable().cat(LANGUAGE).doc("The languages supported by the file."));
        table("Condition",
                s("Feature_", 38).key().cat(IDENTIFIER).ref("Feature").doc("Reference to a Feature entry in Feature table."),
                i2("Level").key().range(0, 32767).doc("New selection Level to set in Feature table if Condition evaluates to TRUE."),
                s("Condition", 255).nullable().cat(CONDITION).doc("Expression evaluated to determine if Level in the Feature table is to change."));
        table("DrLocator",
                id("Signature_").key().doc("The Signature_ represents a unique file signature and is also the foreign key in the Signature table."),
                id("Parent").key().nullable().doc("The parent file signature. It is also a foreign key in the Signature table."),
                s("Path", 255).key().nullable().cat(ANY_PATH).doc("The path on the user system."),
                i2("Depth").nullable().range(0, 32767).doc("The depth below the path to which the Signature_ is recursively searched."));
        table("CompLocator",
                id("Signature_").key().doc("The table key. The Signature_ represents a unique file signature."),
                s("ComponentId", 38).cat(GUID).doc("A string GUID unique to this component, version, and language."),
                i2("Type").nullable().range(0, 1).doc("A boolean value that determines if the registry value is a filename or a directory location."));
        userInterfaceTables();
        securityAndServiceTables();
        table("SoftwareIdentificationTag",
                id("File_").key().ref("File").doc("File that installs the ISO/IEC 19770-2 software identification tag."),
                l("Regid", 0).cat(TEXT).doc("Registration id of the tag's creator."),
                l("TagId", 0).cat(TEXT).doc("Unique id of the tag."),
                l("PersistentId", 0).nullable().cat(TEXT).doc("Id that stays the same across versions."),
                l("Alias", 0).nullable().cat(TEXT).doc("Alias of the tag."));
    }

    /** The dialog tables (SDK: "User Interface Tables"); descriptions are ours. */
    private static void userInterfaceTables() {
        table("Dialog",
                id("Dialog").key().doc("Dialog name."),
                i2("HCentering").range(0, 100).doc("Horizontal position of the dialog's center, 0 (left) to 100 (right) percent of the screen."),
                i2("VCentering").range(0, 100).doc("Vertical position of the dialog's center, 0 (top) to 100 (bottom) percent of the screen."),
                i2("Width").range(0, 32767).doc("Width in installer units."),
                i2("Height").range(0, 32767).doc("Height in installer units."),
                i4("Attributes").nullable().range(0, 2147483647).doc("Dialog attribute bits."),
                l("Title", 128).nullable().cat(FORMATTED).doc("Title bar text."),
                s("Control_First", 50).cat(IDENTIFIER).ref("Control", 2).doc("Control that has the focus when the dialog opens."),
                s("Control_Default", 50).nullable().cat(IDENTIFIER).ref("Control", 2).doc("Control activated by Enter."),
                s("Control_Cancel", 50).nullable().cat(IDENTIFIER).ref("Control", 2).doc("Control activated by Escape."));
        table("Control",
                id("Dialog_").key().ref("Dialog").doc("Dialog the control is on."),
                s("Control", 50).key().cat(IDENTIFIER).doc("Control name, unique within the dialog."),
                s("Type", 20).cat(IDENTIFIER).doc("Control type."),
                i2("X").range(0, 32767).doc("Left edge in installer units."),
                i2("Y").range(0, 32767).doc("Top edge in installer units."),
                i2("Width").range(0, 32767).doc("Width in installer units."),
                i2("Height").range(0, 32767).doc("Height in installer units."),
                i4("Attributes").nullable().range(0, 2147483647).doc("Control attribute bits."),
                id("Property").nullable().doc("Property the control shows or sets."),
                l("Text", 0).nullable().cat(FORMATTED).doc("Text shown by the control."),
                s("Control_Next", 50).nullable().cat(IDENTIFIER).ref("Control", 2).doc("Next control in the tab order."),
                l("Help", 50).nullable().cat(TEXT).doc("Tooltip and help text, separated by |."));
        table("ControlEvent",
                id("Dialog_").key().ref("Dialog").doc("Dialog of the control."),
                s("Control_", 50).key().cat(IDENTIFIER).ref("Control", 2).doc("Control that publishes the event."),
                s("Event", 50).key().cat(FORMATTED).doc("Control event, or [Property] to set a property."),
                s("Argument", 255).key().cat(FORMATTED).doc("Argument of the event or the property's new value."),
                s("Condition", 255).key().nullable().cat(CONDITION).doc("When the event is published."),
                i2("Ordering").nullable().range(0, 2147483647).doc("Order among the control's events."));
        table("ControlCondition",
                id("Dialog_").key().ref("Dialog").doc("Dialog of the control."),
                s("Control_", 50).key().cat(IDENTIFIER).ref("Control", 2).doc("Control the condition changes."),
                s("Action", 50).key().set("Default;Disable;Enable;Hide;Show").doc("What happens to the control when the condition is true."),
                s("Condition", 255).key().cat(CONDITION).doc("Condition."));
        table("EventMapping",
                id("Dialog_").key().ref("Dialog").doc("Dialog of the control."),
                s("Control_", 50).key().cat(IDENTIFIER).ref("Control", 2).doc("Control that subscribes."),
                s("Event", 50).key().cat(IDENTIFIER).doc("Event subscribed to."),
                s("Attribute", 50).cat(IDENTIFIER).doc("Control attribute the event's argument sets."));
        table("TextStyle",
                id("TextStyle").key().cat(TEXT).doc("Style name, used as {\\Name} or {&Name} in control texts."),
                s("FaceName", 32).cat(TEXT).doc("Font face."),
                i2("Size").range(0, 32767).doc("Font size in points."),
                i4("Color").nullable().range(0, 16777215).doc("Text color, 0x00BBGGRR."),
                i2("StyleBits").nullable().range(0, 15).doc("Bold 1, italic 2, underline 4, strike-out 8."));
        table("UIText",
                id("Key").key().doc("Text id."),
                l("Text", 255).nullable().cat(TEXT).doc("Localized text."));
        table("ActionText",
                id("Action").key().doc("Action the text describes."),
                l("Description", 0).nullable().cat(TEXT).doc("Shown while the action runs."),
                l("Template", 0).nullable().cat(TEMPLATE).doc("Formats the action's progress data."));
        table("Error",
                i2("Error").key().range(0, 32767).doc("Error number."),
                l("Message", 0).nullable().cat(TEMPLATE).doc("Error message template."));
        table("RadioButton",
                id("Property").key().doc("Property the group sets."),
                i2("Order").key().range(1, 32767).doc("Position of the button in the group."),
                s("Value", 64).cat(FORMATTED).doc("Value the button gives the property."),
                i2("X").range(0, 32767).doc("Left edge relative to the group."),
                i2("Y").range(0, 32767).doc("Top edge relative to the group."),
                i2("Width").range(0, 32767).doc("Width."),
                i2("Height").range(0, 32767).doc("Height."),
                l("Text", 0).nullable().cat(TEXT).doc("Button text, or the Binary of its bitmap or icon."),
                l("Help", 50).nullable().cat(TEXT).doc("Tooltip and help text, separated by |."));
        for (String list : new String[] {"ComboBox", "ListBox"}) {
            table(list,
                    id("Property").key().doc("Property the list sets."),
                    i2("Order").key().range(1, 32767).doc("Position of the item."),
                    s("Value", 64).cat(FORMATTED).doc("Value the item gives the property."),
                    l("Text", 64).nullable().cat(TEXT).doc("Item text."));
        }
        table("ListView",
                id("Property").key().doc("Property the list sets."),
                i2("Order").key().range(1, 32767).doc("Position of the item."),
                s("Value", 64).cat(FORMATTED).doc("Value the item gives the property."),
                l("Text", 64).nullable().cat(TEXT).doc("Item text."),
                id("Binary_").nullable().ref("Binary").doc("Icon of the item."));
        table("CheckBox",
                id("Property").key().doc("Property the check box sets."),
                s("Value", 64).nullable().cat(FORMATTED).doc("Value the property takes when checked."));
        table("Billboard",
                s("Billboard", 50).key().cat(IDENTIFIER).doc("Billboard name."),
                s("Feature_", 38).cat(IDENTIFIER).ref("Feature").doc("Feature whose installation shows the billboard."),
                s("Action", 50).nullable().cat(IDENTIFIER).doc("Action during which the billboard shows."),
                i2("Ordering").nullable().range(0, 32767).doc("Order among the action's billboards."));
        table("BBControl",
                s("Billboard_", 50).key().cat(IDENTIFIER).ref("Billboard").doc("Billboard the control is on."),
                s("BBControl", 50).key().cat(IDENTIFIER).doc("Control name."),
                s("Type", 50).cat(IDENTIFIER).doc("Control type."),
                i2("X").range(0, 32767).doc("Left edge."),
                i2("Y").range(0, 32767).doc("Top edge."),
                i2("Width").range(0, 32767).doc("Width."),
                i2("Height").range(0, 32767).doc("Height."),
                i4("Attributes").nullable().range(0, 2147483647).doc("Control attribute bits."),
                l("Text", 50).nullable().cat(TEXT).doc("Text shown by the control."));
    }

    /** Security descriptors, access lists and service configuration (SDK: LockPermissions, Windows Installer 5.0 tables). */
    private static void securityAndServiceTables() {
        table("LockPermissions",
                id("LockObject").key().doc("Key of the row in Table the permission applies to."),
                s("Table", 32).key().cat(IDENTIFIER).doc("Table of the secured object."),
                s("Domain", 255).key().nullable().cat(FORMATTED).doc("Domain of the account."),
                s("User", 255).key().cat(FORMATTED).doc("Account granted the permission."),
                i4("Permission").nullable().range(-2147483647, 2147483647).doc("Access mask."));
        table("MsiLockPermissionsEx",
                id("MsiLockPermissionsEx").key().doc("Row id."),
                id("LockObject").doc("Key of the row in Table the descriptor applies to."),
                s("Table", 32).set("CreateFolder;File;Registry;ServiceInstall").cat(IDENTIFIER).doc("Table of the secured object."),
                l("SDDLText", 0).cat(FORMATTED_SDDL).doc("Security descriptor in SDDL."),
                s("Condition", 255).nullable().cat(CONDITION).doc("When the descriptor is applied."));
        table("MsiServiceConfig",
                id("MsiServiceConfig").key().doc("Row id."),
                s("Name", 255).cat(FORMATTED).doc("Service name."),
                i2("Event").range(0, 7).doc("Install 1, uninstall 2, reinstall 4."),
                i4("ConfigType").range(-2147483647, 2147483647).doc("Which setting ChangeServiceConfig2 changes."),
                l("Argument", 0).nullable().cat(FORMATTED).doc("The setting's value."),
                id("Component_").ref("Component").doc("Component the configuration belongs to."));
        table("MsiServiceConfigFailureActions",
                id("MsiServiceConfigFailureActions").key().doc("Row id."),
                s("Name", 255).cat(FORMATTED).doc("Service name."),
                i2("Event").range(0, 7).doc("Install 1, uninstall 2, reinstall 4."),
                i4("ResetPeriod").nullable().range(0, 2147483647).doc("Seconds without failure after which the failure count resets."),
                l("RebootMessage", 255).nullable().cat(FORMATTED).doc("Message broadcast before a reboot action."),
                l("Command", 255).nullable().cat(FORMATTED).doc("Command run by a run-command action."),
                s("Actions", 0).nullable().cat(FORMATTED).doc("Failure actions separated by [~]."),
                s("DelayActions", 0).nullable().cat(FORMATTED).doc("Milliseconds before each action, separated by [~]."),
                id("Component_").ref("Component").doc("Component the configuration belongs to."));
    }

    /** The declared schema of a standard table, or null when the table is not one we declare. */
    public static TableSchema get(String table) {
        return TABLES.get(table);
    }

    public static TableSchema require(String table) {
        TableSchema t = TABLES.get(table);
        if (t == null) throw new IllegalArgumentException("no standard table " + table + "; known: " + TABLES.keySet());
        return t;
    }

    public static Map<String, TableSchema> all() {
        return Collections.unmodifiableMap(TABLES);
    }
}

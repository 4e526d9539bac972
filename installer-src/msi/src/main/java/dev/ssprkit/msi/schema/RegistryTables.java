package dev.ssprkit.msi.schema;

import static dev.ssprkit.msi.schema.Category.*;
import static dev.ssprkit.msi.schema.Col.*;
import static dev.ssprkit.msi.schema.TableDeclarations.component;
import static dev.ssprkit.msi.schema.TableDeclarations.id;

/** What an installation writes into the system besides files: registry values, environment variables, shortcuts. */
final class RegistryTables {
    private RegistryTables() {}

    static void declare(TableDeclarations t) {
        t.table("Registry",
                id("Registry").key().doc("Row key."),
                i2("Root").range(-1, 3).doc("Hive: -1 per-user or per-machine by ALLUSERS, 0 HKCR, 1 HKCU, 2 HKLM, 3 HKU."),
                l("Key", 255).cat(REG_PATH).doc("Key path under the hive."),
                l("Name", 255).nullable().cat(FORMATTED).doc("Value name; empty for the default value, +, - or * for key actions."),
                l("Value", 0).nullable().cat(FORMATTED).doc("Data; #, #x, #% and [~] prefixes select the value type."),
                component().doc("Component that writes the value."));
        t.table("RemoveRegistry",
                id("RemoveRegistry").key().doc("Row key."),
                i2("Root").range(-1, 3).doc("Hive, numbered as in Registry.Root."),
                l("Key", 255).cat(REG_PATH).doc("Key path under the hive."),
                l("Name", 255).nullable().cat(FORMATTED).doc("Value to delete; - deletes the whole key."),
                component().doc("Component whose installation deletes the value."));
        t.table("Environment",
                id("Environment").key().doc("Row key."),
                l("Name", 255).cat(TEXT).doc("Variable name, with prefixes (=, +, -, !, *) that say how to set or remove it."),
                l("Value", 255).nullable().cat(FORMATTED).doc("Value; [~] marks where an existing value is kept when appending."),
                component().doc("Component that sets the variable."));
        t.table("Shortcut",
                id("Shortcut").key().doc("Row key."),
                id("Directory_").ref("Directory").doc("Folder the shortcut is created in."),
                l("Name", 128).cat(FILENAME).doc("Shortcut name, as short|long."),
                component().doc("Component whose installation creates the shortcut."),
                s("Target", 72).cat(SHORTCUT).doc("A feature (advertised shortcut) or a formatted path."),
                s("Arguments", 255).nullable().cat(FORMATTED).doc("Command-line arguments."),
                l("Description", 255).nullable().cat(TEXT).doc("Tooltip text."),
                i2("Hotkey").nullable().range(0, 32767).doc("Keyboard shortcut (virtual key and modifiers)."),
                id("Icon_").nullable().ref("Icon").doc("Icon of the shortcut."),
                i2("IconIndex").nullable().range(-32767, 32767).doc("Which icon of the icon file."),
                i2("ShowCmd").nullable().set("1;3;7").doc("Window state: 1 normal, 3 maximized, 7 minimized."),
                id("WkDir").nullable().doc("Property or directory holding the working folder."),
                s("DisplayResourceDLL", 255).nullable().cat(FORMATTED).doc("Module holding the localized display name."),
                i2("DisplayResourceId").nullable().range(0, 32767).doc("Resource number of the display name."),
                s("DescriptionResourceDLL", 255).nullable().cat(FORMATTED).doc("Module holding the localized description."),
                i2("DescriptionResourceId").nullable().range(0, 32767).doc("Resource number of the description."));
        t.table("MsiShortcutProperty",
                id("MsiShortcutProperty").key().doc("Row key."),
                id("Shortcut_").ref("Shortcut").doc("Shortcut the property is set on."),
                s("PropertyKey", 0).cat(FORMATTED).doc("Property key, as {fmtid} pid."),
                s("PropVariantValue", 0).cat(FORMATTED).doc("Value of the property."));
    }
}

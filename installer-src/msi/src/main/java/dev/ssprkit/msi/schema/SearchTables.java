package dev.ssprkit.msi.schema;

import static dev.ssprkit.msi.schema.Category.*;
import static dev.ssprkit.msi.schema.Col.*;
import static dev.ssprkit.msi.schema.TableDeclarations.guid;
import static dev.ssprkit.msi.schema.TableDeclarations.id;

/** Searches run by AppSearch and CCPSearch: the file signatures and where to look (registry, folders, .ini, components). */
final class SearchTables {
    /** The tables a search's Signature_ key may name. */
    private static final String LOCATORS = "Signature;RegLocator;IniLocator;DrLocator;CompLocator";

    private SearchTables() {}

    static void declare(TableDeclarations t) {
        t.table("AppSearch",
                id("Property").key().doc("Property set to what the search finds."),
                id("Signature_").key().ref(LOCATORS).doc("Search to run: a key of Signature or of one of the locator tables."));
        t.table("CCPSearch",
                id("Signature_").key().ref(LOCATORS).doc("Search whose success sets CCP_SUCCESS (compliance checking)."));
        t.table("Signature",
                id("Signature").key().doc("Signature key, also used by the locator tables."),
                s("FileName", 255).cat(TEXT).doc("Name of the file to find, as short|long."),
                s("MinVersion", 20).nullable().cat(TEXT).doc("Lowest acceptable file version."),
                s("MaxVersion", 20).nullable().cat(TEXT).doc("Highest acceptable file version."),
                i4("MinSize").nullable().range(0, 2147483647).doc("Smallest acceptable size in bytes."),
                i4("MaxSize").nullable().range(0, 2147483647).doc("Largest acceptable size in bytes."),
                i4("MinDate").nullable().range(0, 2147483647).doc("Earliest acceptable modification time (DOS date and time)."),
                i4("MaxDate").nullable().range(0, 2147483647).doc("Latest acceptable modification time (DOS date and time)."),
                s("Languages", 255).nullable().cat(LANGUAGE).doc("Language IDs the file must have, comma-separated."));
        t.table("RegLocator",
                id("Signature_").key().doc("Search key; a Signature row of the same key makes it a file search."),
                i2("Root").range(0, 3).doc("Hive: 0 HKCR, 1 HKCU, 2 HKLM, 3 HKU."),
                s("Key", 255).cat(REG_PATH).doc("Key path under the hive."),
                s("Name", 255).nullable().cat(FORMATTED).doc("Value to read; empty for the default value."),
                i2("Type").nullable().range(0, 18).doc("0 directory, 1 file, 2 raw value; +16 reads the 64-bit view."));
        t.table("DrLocator",
                id("Signature_").key().doc("Search key; a Signature row of the same key makes it a file search."),
                id("Parent").key().nullable().doc("Search whose result is the folder to start from."),
                s("Path", 255).key().nullable().cat(ANY_PATH).doc("Folder (or path under Parent) to search."),
                i2("Depth").nullable().range(0, 32767).doc("How many levels of subfolders to search."));
        t.table("CompLocator",
                id("Signature_").key().doc("Search key; a Signature row of the same key makes it a file search."),
                guid("ComponentId").doc("Component code whose installed key path is looked up."),
                i2("Type").nullable().range(0, 1).doc("0 the key path's folder, 1 the key path file."));
        t.table("IniLocator",
                id("Signature_").key().doc("Search key; a Signature row of the same key makes it a file search."),
                s("FileName", 255).cat(FILENAME).doc(".ini file in the Windows folder, as short|long."),
                s("Section", 96).cat(TEXT).doc("Section to read."),
                s("Key", 128).cat(TEXT).doc("Key to read."),
                i2("Field").nullable().range(0, 32767).doc("Which comma-separated field of the value; 0 for all of it."),
                i2("Type").nullable().range(0, 2).doc("0 directory, 1 file, 2 raw value."));
    }
}

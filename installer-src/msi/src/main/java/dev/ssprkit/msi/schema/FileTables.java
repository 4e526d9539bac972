package dev.ssprkit.msi.schema;

import static dev.ssprkit.msi.schema.Category.*;
import static dev.ssprkit.msi.schema.Col.*;
import static dev.ssprkit.msi.schema.TableDeclarations.component;
import static dev.ssprkit.msi.schema.TableDeclarations.feature;
import static dev.ssprkit.msi.schema.TableDeclarations.file;
import static dev.ssprkit.msi.schema.TableDeclarations.id;

/**
 * Files and folders: what is copied, duplicated, moved, removed, registered or bound; .ini files; disk-cost
 * reservations; file protection catalogs; .NET and Win32 assemblies; and the permissions set on what is installed.
 */
final class FileTables {
    private FileTables() {}

    static void declare(TableDeclarations t) {
        t.table("File",
                id("File").key().doc("File key; also the file's name inside the cabinet."),
                component().doc("Component that installs the file."),
                l("FileName", 255).cat(FILENAME).doc("Installed name, as short|long."),
                i4("FileSize").range(0, 2147483647).doc("Size in bytes."),
                s("Version", 72).nullable().cat(VERSION).ref("File").doc("Version of a versioned file, or a companion file's key."),
                s("Language", 20).nullable().cat(LANGUAGE).doc("Language IDs of the file, comma-separated."),
                i2("Attributes").nullable().range(0, 32767).doc("Bit flags: read-only, hidden, vital, compressed, patch added..."),
                i4("Sequence").range(1, 2147483647).doc("Order on the media; must follow the order of the cabinets' files."));
        t.table("MsiFileHash",
                file("File_").key().doc("Unversioned file the hash belongs to."),
                i2("Options").range(0, 32767).doc("Reserved; 0."),
                i4("HashPart1").doc("First 32 bits of the file's MD5 hash."),
                i4("HashPart2").doc("Second 32 bits of the MD5 hash."),
                i4("HashPart3").doc("Third 32 bits of the MD5 hash."),
                i4("HashPart4").doc("Last 32 bits of the MD5 hash."));
        t.table("RemoveFile",
                id("FileKey").key().doc("Row key."),
                component().doc("Component whose install or removal triggers the deletion."),
                l("FileName", 255).nullable().cat(WILD_CARD_FILENAME).doc("Files to delete (wildcards allowed); empty removes the folder itself."),
                id("DirProperty").doc("Property holding the folder's full path."),
                i2("InstallMode").set("1;2;3").doc("1 on install, 2 on removal, 3 on both."));
        t.table("CreateFolder",
                id("Directory_").key().ref("Directory").doc("Folder to create (or to keep as the component's key)."),
                component().key().doc("Component that owns the folder."));
        t.table("DuplicateFile",
                id("FileKey").key().doc("Row key."),
                component().doc("Component that installs the copy."),
                file("File_").doc("Installed file to copy."),
                l("DestName", 255).nullable().cat(FILENAME).doc("Name of the copy; empty keeps the original name."),
                id("DestFolder").nullable().doc("Property holding the folder of the copy; empty uses the original's folder."));
        t.table("MoveFile",
                id("FileKey").key().doc("Row key."),
                component().doc("Component whose installation moves or copies the files."),
                l("SourceName", 255).nullable().cat(TEXT).doc("Files to take (wildcards allowed)."),
                l("DestName", 255).nullable().cat(FILENAME).doc("Name at the destination; empty keeps the name."),
                id("SourceFolder").nullable().doc("Property holding the source folder."),
                id("DestFolder").doc("Property holding the destination folder."),
                i2("Options").range(0, 1).doc("1 moves, 0 copies."));
        t.table("BindImage",
                file("File_").key().doc("Executable or DLL to bind to its imports."),
                s("Path", 255).nullable().cat(PATHS).doc("Folders (separated by ;) searched for the imported DLLs."));
        t.table("SelfReg",
                file("File_").key().doc("Module registered by calling its DllRegisterServer."),
                i2("Cost").nullable().range(0, 32767).doc("Bytes the registration adds to the registry."));
        t.table("Font",
                file("File_").key().doc("Font file to register."),
                s("FontTitle", 128).nullable().cat(TEXT).doc("Registered font name; empty for a TrueType font, which names itself."));
        t.table("IniFile",
                id("IniFile").key().doc("Row key."),
                l("FileName", 255).cat(FILENAME).doc(".ini file name, as short|long."),
                id("DirProperty").nullable().doc("Property holding the folder of the .ini file; empty for the Windows folder."),
                l("Section", 96).cat(FORMATTED).doc("Section to write into."),
                l("Key", 128).cat(FORMATTED).doc("Key to write."),
                l("Value", 255).cat(FORMATTED).doc("Value to write."),
                i2("Action").set("0;1;3").doc("0 add line, 1 create line only if absent, 3 add a comma-separated tag."),
                component().doc("Component that writes the entry."));
        t.table("RemoveIniFile",
                id("RemoveIniFile").key().doc("Row key."),
                l("FileName", 255).cat(FILENAME).doc(".ini file name, as short|long."),
                id("DirProperty").nullable().doc("Property holding the folder of the .ini file; empty for the Windows folder."),
                l("Section", 96).cat(FORMATTED).doc("Section the entry is in."),
                l("Key", 128).cat(FORMATTED).doc("Key of the entry."),
                l("Value", 255).nullable().cat(FORMATTED).doc("Value or tag to remove (for action 4)."),
                i2("Action").set("2;4").doc("2 deletes the line, 4 deletes one comma-separated tag."),
                component().doc("Component whose installation removes the entry."));
        t.table("ReserveCost",
                id("ReserveKey").key().doc("Row key."),
                component().doc("Component the reservation counts for."),
                id("ReserveFolder").nullable().doc("Property or directory naming the folder the space is reserved in."),
                i4("ReserveLocal").range(0, 2147483647).doc("Bytes reserved when the component runs locally."),
                i4("ReserveSource").range(0, 2147483647).doc("Bytes reserved when it runs from source."));
        t.table("SFPCatalog",
                s("SFPCatalog", 255).key().cat(FILENAME).doc("Catalog file name."),
                v("Catalog").doc("The catalog's bytes."),
                s("Dependency", 0).nullable().cat(FORMATTED).doc("Catalogs this one depends on."));
        t.table("FileSFPCatalog",
                file("File_").key().doc("File protected by the catalog."),
                s("SFPCatalog_", 255).key().cat(FILENAME).ref("SFPCatalog").doc("Catalog that lists the file."));
        t.table("MsiSFCBypass",
                file("File_").key().doc("File installed past Windows File Protection (Windows Me only)."));
        t.table("IsolatedComponent",
                id("Component_Shared").key().ref("Component").doc("Shared component (a DLL) to install privately."),
                id("Component_Application").key().ref("Component").doc("Component of the application that gets the private copy."));
        t.table("MsiAssembly",
                component().key().doc("Component that installs the assembly."),
                feature("Feature_").doc("Feature that installs the component, used to install on demand."),
                file("File_Manifest").nullable().doc("File holding the assembly's manifest."),
                file("File_Application").nullable().doc("File of the application for a private assembly; empty for the global cache."),
                i2("Attributes").nullable().doc("0 for a .NET assembly, 1 for a Win32 assembly."));
        t.table("MsiAssemblyName",
                component().key().doc("Component that installs the assembly."),
                s("Name", 255).key().cat(TEXT).doc("Name part of the strong name (name, version, culture, publicKeyToken...)."),
                s("Value", 255).cat(TEXT).doc("Value of that part."));
        t.table("LockPermissions",
                id("LockObject").key().doc("Key of the row in Table that is secured."),
                s("Table", 32).key().cat(IDENTIFIER).set("Directory;File;Registry").doc("Table of the secured object."),
                s("Domain", 255).key().nullable().cat(FORMATTED).doc("Domain of the user."),
                s("User", 255).key().cat(FORMATTED).doc("User or group granted the rights."),
                i4("Permission").nullable().range(-2147483647, 2147483647).doc("Access mask granted."));
        t.table("MsiLockPermissionsEx",
                id("MsiLockPermissionsEx").key().doc("Row key."),
                id("LockObject").doc("Key of the row in Table that is secured."),
                s("Table", 32).cat(IDENTIFIER).set("CreateFolder;File;Registry;ServiceInstall").doc("Table of the secured object."),
                s("SDDLText", 0).cat(FORMATTED_SDDL).doc("Security descriptor in SDDL."),
                s("Condition", 255).nullable().cat(CONDITION).doc("The descriptor is applied only when this is true."));
    }
}

package dev.ssprkit.msi.schema;

import static dev.ssprkit.msi.schema.Category.*;
import static dev.ssprkit.msi.schema.Col.*;
import static dev.ssprkit.msi.schema.TableDeclarations.component;
import static dev.ssprkit.msi.schema.TableDeclarations.feature;
import static dev.ssprkit.msi.schema.TableDeclarations.guid;
import static dev.ssprkit.msi.schema.TableDeclarations.id;

/**
 * COM and shell registration the installer writes itself (and can advertise): classes, AppIDs, ProgIDs, file
 * extensions with their verbs and MIME types, type libraries, COM+ applications and qualified components.
 */
final class ComTables {
    private ComTables() {}

    static void declare(TableDeclarations t) {
        t.table("AppId",
                guid("AppId").key().doc("AppID GUID."),
                s("RemoteServerName", 255).nullable().cat(FORMATTED).doc("Machine the server runs on."),
                s("LocalService", 255).nullable().cat(TEXT).doc("Service that hosts the server."),
                s("ServiceParameters", 255).nullable().cat(TEXT).doc("Arguments passed to that service."),
                s("DllSurrogate", 255).nullable().cat(TEXT).doc("Surrogate process for an in-process server; empty for the default."),
                i2("ActivateAtStorage").nullable().range(0, 1).doc("1 to activate on the machine holding the object's storage."),
                i2("RunAsInteractiveUser").nullable().range(0, 1).doc("1 to run as the logged-on user."));
        t.table("Class",
                guid("CLSID").key().doc("Class ID."),
                s("Context", 32).key().cat(IDENTIFIER).doc("Server context: LocalServer, LocalServer32, InprocServer or InprocServer32."),
                component().key().doc("Component whose key file is the server."),
                s("ProgId_Default", 255).nullable().cat(TEXT).ref("ProgId").doc("ProgID registered as the class's default."),
                l("Description", 255).nullable().cat(TEXT).doc("Class description."),
                guid("AppId_").nullable().ref("AppId").doc("AppID of the server."),
                s("FileTypeMask", 255).nullable().cat(TEXT).doc("File type patterns (offset,cb,mask,value), separated by ;."),
                id("Icon_").nullable().ref("Icon").doc("Default icon of the class."),
                i2("IconIndex").nullable().range(-32767, 32767).doc("Which icon of the icon file."),
                s("DefInprocHandler", 32).nullable().cat(FILENAME).set("1;2;3").doc("Default in-process handler: 1 ole2.dll, 2 ole32.dll, 3 both, or a file name."),
                s("Argument", 255).nullable().cat(FORMATTED).doc("Arguments appended to the server's command line."),
                feature("Feature_").doc("Feature that installs the class when advertised."),
                i2("Attributes").nullable().max(32767).doc("1 to register the server path relative (no folder)."));
        t.table("ProgId",
                s("ProgId", 255).key().cat(TEXT).doc("Program ID."),
                s("ProgId_Parent", 255).nullable().cat(TEXT).ref("ProgId").doc("ProgID this one is the version-independent name of."),
                guid("Class_").nullable().ref("Class").doc("Class the ProgID names."),
                l("Description", 255).nullable().cat(TEXT).doc("Friendly name."),
                id("Icon_").nullable().ref("Icon").doc("Icon of the ProgID."),
                i2("IconIndex").nullable().range(-32767, 32767).doc("Which icon of the icon file."));
        t.table("Extension",
                s("Extension", 255).key().cat(TEXT).doc("File extension, without the dot."),
                component().key().doc("Component whose key file is the handler."),
                s("ProgId_", 255).nullable().cat(TEXT).ref("ProgId").doc("ProgID the extension is associated with."),
                s("MIME_", 64).nullable().cat(TEXT).ref("MIME").doc("Content type of the extension."),
                feature("Feature_").doc("Feature that installs the handler when advertised."));
        t.table("Verb",
                s("Extension_", 255).key().cat(TEXT).ref("Extension").doc("Extension the verb is registered for."),
                s("Verb", 32).key().cat(TEXT).doc("Verb name, such as open or print."),
                i2("Sequence").nullable().range(0, 32767).doc("Order of the verbs; the lowest becomes the default."),
                l("Command", 255).nullable().cat(FORMATTED).doc("Text shown in the context menu."),
                l("Argument", 255).nullable().cat(FORMATTED).doc("Arguments passed to the handler."));
        t.table("MIME",
                s("ContentType", 64).key().cat(TEXT).doc("Content type, such as text/plain."),
                s("Extension_", 255).cat(TEXT).ref("Extension").doc("Extension registered for the content type."),
                guid("CLSID").nullable().doc("Class that handles the content type."));
        t.table("TypeLib",
                guid("LibID").key().doc("Type library GUID."),
                i2("Language").key().range(0, 32767).doc("Language ID of the library."),
                component().key().doc("Component whose key file is the library (or contains it)."),
                i4("Version").nullable().range(0, 16777215).doc("Version as 256*major + minor."),
                l("Description", 128).nullable().cat(TEXT).doc("Library description."),
                id("Directory_").nullable().ref("Directory").doc("Help folder of the library."),
                feature("Feature_").doc("Feature that installs the library when advertised."),
                i4("Cost").nullable().range(0, 2147483647).doc("Bytes the registration takes."));
        // The SDK's Complus page (and Microsoft-built packages) make ExpType part of the key; WiX declares it as a
        // plain column. We follow the SDK.
        t.table("Complus",
                component().key().doc("Component that installs the COM+ application."),
                i2("ExpType").key().nullable().range(0, 32767).doc("Kind of export: application, proxy..."));
        t.table("PublishComponent",
                guid("ComponentId").key().doc("Category GUID of the qualified component."),
                s("Qualifier", 255).key().cat(TEXT).doc("Qualifier that selects this component within the category."),
                component().key().doc("Component that provides it."),
                // L255 in the SDK's schema; WiX writes L0, which holds everything L255 does.
                l("AppData", 0).nullable().cat(TEXT).doc("Application data published with the qualifier."),
                feature("Feature_").doc("Feature that installs the component on demand."));
    }
}

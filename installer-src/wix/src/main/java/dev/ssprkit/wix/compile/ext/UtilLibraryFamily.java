package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.ca.ElementFamily;
import dev.ssprkit.ca.ElementSupport;
import dev.ssprkit.ca.SchemaGeneration;
import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.EnsureTableSymbol;
import dev.ssprkit.wix.source.SourceElement;

import java.util.List;

/**
 * The util extension's elements that need a custom action, compiled onto ssprkit's own custom-action library: each
 * element's row in its family's table (v3 or v4 table names by the element's namespace), and a reference that pulls
 * in the family's actions, placements and DLL. Attribute values and bits as WiX documents them (util.xsd of WiX v3
 * and v4; UtilTableDefinitions for the columns): RemoveFolderEx On install 1 / uninstall 2 / both 3;
 * InternetShortcut Type link 0 / url 1 with the extension added to Name; XmlFile Action createElement 0x1,
 * deleteValue 0x2, bulkSetValue 0x4, SelectionLanguage XPath 0x100, PreserveModifiedDate 0x1000, Permanent 0x10000;
 * CloseApplication CloseMessage 0x1, RebootPrompt 0x2 (on unless "no"), ElevatedCloseMessage 0x4, EndSessionMessage
 * 0x8, ElevatedEndSessionMessage 0x10, TerminateProcess 0x20, PromptToContinue 0x40, Timeout stored in milliseconds;
 * ServiceConfig action types as written. The v4 elements that only schedule an action (QueryWindowsWellKnownSIDs,
 * BroadcastSettingChange...) reference it.
 */
public final class UtilLibraryFamily implements dev.ssprkit.wix.compile.ElementFamily {
    private static final String[] STANDALONE_PARENTS = {"Product", "Package", "Module", "Fragment", "UI"};

    @Override
    public void register(Grammar g) {
        g.on("RemoveFolderEx", this::removeFolderEx, "Component");
        g.on("RemoveRegistryKey", this::removeRegistryKey, "Component");
        g.on("InternetShortcut", this::internetShortcut, "Component");
        g.on("XmlFile", this::xmlFile, "Component");
        g.on("XmlConfig", this::xmlConfig, "Component", "XmlConfig");
        g.on("CloseApplication", this::closeApplication, "Product", "Package", "Module", "Fragment");
        g.on("ServiceConfig", this::serviceConfig, "Component", "ServiceInstall");
        g.on("EventManifest", EventManifestElement::compile, "File");
        UserElements.register(g);
        FileShareElements.register(g);
        PermissionExElement.register(g);
        standalone(g, "BroadcastEnvironmentChange", ElementFamily.BROADCAST_ENVIRONMENT_CHANGE);
        standalone(g, "BroadcastSettingChange", ElementFamily.BROADCAST_SETTING_CHANGE);
        standalone(g, "CheckRebootRequired", ElementFamily.CHECK_REBOOT_REQUIRED);
        standalone(g, "FailWhenDeferred", ElementFamily.FAIL_WHEN_DEFERRED);
        standalone(g, "QueryNativeMachine", ElementFamily.QUERY_NATIVE_MACHINE);
        standalone(g, "QueryWindowsDirectories", ElementFamily.QUERY_OS_DIRS);
        standalone(g, "QueryWindowsSuiteInfo", ElementFamily.QUERY_OS_INFO);
        standalone(g, "QueryWindowsWellKnownSIDs", ElementFamily.QUERY_OS_WELL_KNOWN_SID);
        standalone(g, "QueryWindowsDriverInfo", ElementFamily.QUERY_OS_DRIVER_INFO);
        standalone(g, "ExitEarlyWithSuccess", ElementFamily.EXIT_EARLY_WITH_SUCCESS);
        for (String missing : new String[] {"WaitForEvent", "WaitForEventDeferred"}) {
            g.on(missing, (ctx, e, scope) -> ctx.report(CompilerMessage.NOT_SUPPORTED_YET, e.location(), "<util:" + e.localName() + ">",
                    "ssprkit's util custom-action library has no " + e.localName() + " entry point yet; leave the element out"), STANDALONE_PARENTS);
        }
    }

    private static void standalone(Grammar g, String element, ElementFamily family) {
        g.on(element, (ctx, e, scope) -> {
            ctx.attrs(e);
            ctx.children(e, scope).run();
            LibraryElements.use(ctx, e, "util:" + element, family);
        }, STANDALONE_PARENTS);
    }

    private void removeFolderEx(CompileContext ctx, SourceElement e, Scope scope) {
        boolean v4 = LibraryElements.generation(e) == SchemaGeneration.V4;
        Attrs a = v4 ? ctx.attrs(e, "Id", "Property", "On", "Condition") : ctx.attrs(e, "Id", "Property", "On");
        String property = a.id("Property", true);
        int mode = switch (a.oneOf("On", "uninstall", "install", "uninstall", "both")) {
            case "install" -> 1;
            case "both" -> 3;
            default -> 2;
        };
        ctx.children(e, scope).run();
        String component = scope.get(Scope.COMPONENT);
        if (component == null || property == null) return;
        String id = a.has("Id") ? a.id("Id", true) : CompileContext.generatedId("wrf", component, property, String.valueOf(mode));
        ElementSupport s = LibraryElements.use(ctx, e, "util:RemoveFolderEx", ElementFamily.REMOVE_FOLDER_EX);
        if (s == null || id == null) return;
        if (v4) LibraryElements.row(ctx, s, e, id, component, property, mode, a.str("Condition"));
        else LibraryElements.row(ctx, s, e, id, component, property, mode);
        // the DLL adds temporary RemoveFile rows, so the table must exist (WiX ensures it too)
        ctx.add(new EnsureTableSymbol("RemoveFile", e.location()));
    }

    /**
     * util:RemoveRegistryKey (WiX v4+): removes a whole registry key when its component is installed (On="install") or
     * removed (On="uninstall", the default), as WiX's compiler reads it; the DLL turns each row into a temporary
     * RemoveRegistry or Registry row named "-", which the installer's own registry actions remove with the key's tree.
     */
    private void removeRegistryKey(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Root", "Key", "On", "Condition");
        String rootName = a.required("Root");
        String key = a.required("Key");
        int mode = "install".equals(a.oneOf("On", "uninstall", "install", "uninstall")) ? 1 : 2;
        Integer root = null;
        if (rootName != null) {
            root = switch (rootName) {
                case "HKMU" -> -1;
                case "HKCR" -> 0;
                case "HKCU" -> 1;
                case "HKLM" -> 2;
                case "HKU" -> 3;
                default -> {
                    ctx.report(CompilerMessage.BAD_VALUE, a.at("Root"), "Root", rootName, "use HKMU, HKCR, HKCU, HKLM or HKU");
                    yield null;
                }
            };
        }
        ctx.children(e, scope).run();
        String component = scope.get(Scope.COMPONENT);
        if (component == null || root == null || key == null) return;
        String id = a.has("Id") ? a.id("Id", true) : CompileContext.generatedId("rrx", component, a.str("Condition"), rootName, key, String.valueOf(mode));
        ElementSupport s = LibraryElements.use(ctx, e, "util:RemoveRegistryKey", ElementFamily.REMOVE_REGISTRY_KEY_EX);
        if (s == null || id == null) return;
        LibraryElements.row(ctx, s, e, id, component, root, key, mode, a.str("Condition"));
    }

    private void internetShortcut(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Directory", "Name", "Target", "Type", "IconFile", "IconIndex");
        String name = a.required("Name");
        String target = a.required("Target");
        String directory = a.has("Directory") ? a.id("Directory", true) : scope.get(Scope.DIRECTORY);
        boolean url = "url".equals(a.oneOf("Type", "link", "link", "url"));
        Integer iconIndex = a.integer("IconIndex", 0, 0, Integer.MAX_VALUE);
        ctx.children(e, scope).run();
        String component = scope.get(Scope.COMPONENT);
        if (component == null || name == null || target == null || directory == null) return;
        if (!ctx.installName(a, "Name", name, false)) return;
        String id = a.has("Id") ? a.id("Id", true) : CompileContext.generatedId("uis", component, directory, name, target);
        ElementSupport s = LibraryElements.use(ctx, e, "util:InternetShortcut", ElementFamily.INTERNET_SHORTCUT);
        if (s == null || id == null) return;
        String fileName = name + (url ? ".url" : ".lnk");
        if (a.has("Directory")) ctx.reference("Directory", directory, a.at("Directory"));
        LibraryElements.row(ctx, s, e, id, component, directory, fileName, target, url ? 1 : 0, a.str("IconFile"), iconIndex);
        // Windows Installer itself removes the shortcut on uninstall (RemoveFile, InstallMode 2 = on remove); the binder
        // writes a long name in the short|long form the column needs
        ctx.row("RemoveFile", e.location()).set("FileKey", id).set("Component_", component).set("FileName", fileName)
                .set("DirProperty", directory).set("InstallMode", 2).extra("Name", fileName).extra("NameColumn", "FileName");
    }

    private void xmlFile(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "File", "ElementPath", "Name", "Value", "Action", "SelectionLanguage", "Permanent",
                "PreserveModifiedDate", "Sequence");
        String file = a.required("File");
        String path = a.required("ElementPath");
        String action = a.required("Action");
        int flags = 0;
        if (action != null) {
            flags |= switch (a.oneOf("Action", "setValue", "createElement", "deleteValue", "setValue", "bulkSetValue")) {
                case "createElement" -> 0x1;
                case "deleteValue" -> 0x2;
                case "bulkSetValue" -> 0x4;
                default -> 0;
            };
        }
        if ("XPath".equals(a.oneOf("SelectionLanguage", "XSLPattern", "XPath", "XSLPattern"))) flags |= 0x100;
        if (a.yesNo("PreserveModifiedDate", false)) flags |= 0x1000;
        if (a.yesNo("Permanent", false)) flags |= 0x10000;
        Integer sequence = a.integer("Sequence", null, 1, Short.MAX_VALUE);
        if ((flags & 0x1) != 0 && !a.has("Name")) {
            ctx.report(CompilerMessage.MISSING_ATTRIBUTE, e.location(), "util:XmlFile Action=\"createElement\"", "Name (the element to create)");
        }
        ctx.children(e, scope).run();
        String component = scope.get(Scope.COMPONENT);
        if (component == null || file == null || path == null || action == null) return;
        String id = a.has("Id") ? a.id("Id", true) : CompileContext.generatedId("uxf", component, file, path, a.str("Name"));
        ElementSupport s = LibraryElements.use(ctx, e, "util:XmlFile", ElementFamily.XML_FILE);
        if (s == null || id == null) return;
        LibraryElements.row(ctx, s, e, id, file, path, a.str("Name"), a.str("Value"), flags, component, sequence);
    }

    /**
     * util:XmlConfig, as WiX's compiler reads it: Action create/delete (0x10/0x20), Node element/value/document
     * (0x1/0x2/0x4), On install/uninstall (0x100/0x200), PreserveModifiedDate (0x1000); a row with ElementId adds an
     * attribute to the element another row creates and takes none of those (v3 keeps the ElementId in ElementPath).
     */
    private void xmlConfig(CompileContext ctx, SourceElement e, Scope scope) {
        boolean v4 = LibraryElements.generation(e) == SchemaGeneration.V4;
        boolean nested = "XmlConfig".equals(scope.get(Scope.PARENT));
        Attrs a = ctx.attrs(e, "Id", "Action", "ElementId", "ElementPath", "File", "Name", "Node", "On", "PreserveModifiedDate",
                "Sequence", "Value", "VerifyPath");
        for (String n : List.of("Action", "Node", "On")) {
            if (nested && a.has(n)) ctx.report(CompilerMessage.BAD_VALUE, a.at(n), n, a.str(n), "a nested util:XmlConfig adds an attribute to its parent's element; Action, Node and On belong on the parent");
        }
        int flags = 0;
        if (a.has("Action")) flags |= "delete".equals(a.oneOf("Action", "create", "create", "delete")) ? 0x20 : 0x10;
        if (a.has("Node")) flags |= switch (a.oneOf("Node", "element", "element", "value", "document")) {
            case "value" -> 0x2;
            case "document" -> 0x4;
            default -> 0x1;
        };
        if (a.has("On")) flags |= "uninstall".equals(a.oneOf("On", "install", "install", "uninstall")) ? 0x200 : 0x100;
        if (a.yesNo("PreserveModifiedDate", false)) flags |= 0x1000;
        Integer sequence = a.integer("Sequence", null, 1, Short.MAX_VALUE);
        String file = a.required("File");
        String elementId = a.has("ElementId") ? a.id("ElementId", true) : null;
        String elementPath = a.str("ElementPath");
        if (elementId == null && elementPath == null) {
            ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "util:XmlConfig", "ElementId or ElementPath",
                    "ElementPath is the XPath of the element to change; ElementId names the XmlConfig whose new element gets this attribute");
        } else if (elementId != null && elementPath != null) {
            ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, e.location(), "util:XmlConfig", "ElementId and ElementPath",
                    "an attribute row takes its element from the row ElementId names");
        } else if (elementId != null && flags != 0) {
            ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, e.location(), "util:XmlConfig", "ElementId and Action, Node, On or PreserveModifiedDate",
                    "an attribute row follows the element row ElementId names");
        }
        ctx.children(e, scope).run();
        String component = scope.get(Scope.COMPONENT);
        if (component == null || file == null || (elementId == null && elementPath == null)) return;
        String id = a.has("Id") ? a.id("Id", true) : CompileContext.generatedId("uxc", component, file, elementId, elementPath);
        ElementSupport s = LibraryElements.use(ctx, e, "util:XmlConfig", ElementFamily.XML_CONFIG);
        if (s == null || id == null) return;
        if (v4) {
            LibraryElements.row(ctx, s, e, id, file, elementId, elementPath, a.str("VerifyPath"), a.str("Name"), a.str("Value"),
                    flags, component, sequence);
        } else {
            LibraryElements.row(ctx, s, e, id, file, elementId != null ? elementId : elementPath, a.str("VerifyPath"),
                    a.str("Name"), a.str("Value"), flags, component, sequence);
        }
    }

    private void closeApplication(CompileContext ctx, SourceElement e, Scope scope) {
        boolean v4 = LibraryElements.generation(e) == SchemaGeneration.V4;
        String[] names = {"Id", "Target", "Description", "Sequence", "CloseMessage", "EndSessionMessage", "ElevatedCloseMessage",
                "ElevatedEndSessionMessage", "RebootPrompt", "PromptToContinue", "Property", "TerminateProcess", "Timeout"};
        Attrs a;
        String condition;
        if (v4) {
            String[] withCondition = java.util.Arrays.copyOf(names, names.length + 1);
            withCondition[names.length] = "Condition";
            a = ctx.attrs(e, withCondition);
            condition = a.str("Condition");
        } else {
            a = ctx.attrsWithText(e, names);
            condition = CompileContext.text(e);
        }
        String target = a.required("Target");
        int attributes = 0;
        attributes |= a.yesNo("CloseMessage", false) ? 0x1 : 0;
        attributes |= a.yesNo("RebootPrompt", true) ? 0x2 : 0;
        attributes |= a.yesNo("ElevatedCloseMessage", false) ? 0x4 : 0;
        attributes |= a.yesNo("EndSessionMessage", false) ? 0x8 : 0;
        attributes |= a.yesNo("ElevatedEndSessionMessage", false) ? 0x10 : 0;
        Integer exitCode = a.integer("TerminateProcess", null, 0, Integer.MAX_VALUE);
        if (exitCode != null) attributes |= 0x20;
        attributes |= a.yesNo("PromptToContinue", false) ? 0x40 : 0;
        if ((attributes & 0x40) != 0 && a.str("Description") == null) {
            ctx.report(CompilerMessage.MISSING_ATTRIBUTE, e.location(), "util:CloseApplication PromptToContinue=\"yes\"", "Description (what the user is asked about)");
        }
        if ((attributes & 0x22) == 0x22) {
            ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, a.at("TerminateProcess"), "util:CloseApplication", "TerminateProcess and RebootPrompt=\"yes\" (the default)",
                    "add RebootPrompt=\"no\" when the application is terminated");
        }
        Integer sequence = a.integer("Sequence", null, 0, Integer.MAX_VALUE);
        Integer timeout = a.integer("Timeout", null, 0, Integer.MAX_VALUE / 1000);
        String property = a.id("Property", false);
        ctx.children(e, Scope.ROOT).run();
        if (target == null) return;
        String id = a.has("Id") ? a.id("Id", true) : CompileContext.generatedId("ca", target);
        ElementSupport s = LibraryElements.use(ctx, e, "util:CloseApplication", ElementFamily.CLOSE_APPLICATION);
        if (s == null || id == null) return;
        LibraryElements.row(ctx, s, e, id, target, a.str("Description"), condition, attributes, sequence, property, exitCode,
                timeout == null ? null : timeout * 1000);
    }

    private void serviceConfig(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "ServiceName", "FirstFailureActionType", "SecondFailureActionType", "ThirdFailureActionType",
                "ResetPeriodInDays", "RestartServiceDelayInSeconds", "ProgramCommandLine", "RebootMessage");
        String inside = scope.get("ServiceName");
        boolean nested = "ServiceInstall".equals(scope.get(Scope.PARENT));
        String name;
        if (nested) {
            name = inside;
            if (a.has("ServiceName") && !a.str("ServiceName").equals(inside)) {
                ctx.report(CompilerMessage.BAD_VALUE, a.at("ServiceName"), "ServiceName", a.str("ServiceName"),
                        "inside <ServiceInstall> the service is the ServiceInstall's (" + inside + "); leave ServiceName out");
            }
        } else {
            name = a.required("ServiceName");
        }
        String[] types = new String[3];
        String[] attrs = {"FirstFailureActionType", "SecondFailureActionType", "ThirdFailureActionType"};
        for (int i = 0; i < 3; i++) {
            if (a.required(attrs[i]) != null) types[i] = a.oneOf(attrs[i], null, "none", "reboot", "restart", "runCommand");
        }
        Integer resetDays = a.integer("ResetPeriodInDays", null, 0, Integer.MAX_VALUE);
        Integer restartDelay = a.integer("RestartServiceDelayInSeconds", null, 0, Integer.MAX_VALUE);
        ctx.children(e, scope).run();
        String component = scope.get(Scope.COMPONENT);
        if (component == null || name == null || types[0] == null || types[1] == null || types[2] == null) return;
        ElementSupport s = LibraryElements.use(ctx, e, "util:ServiceConfig", ElementFamily.SERVICE_CONFIG);
        if (s == null) return;
        LibraryElements.row(ctx, s, e, name, component, nested ? 1 : 0, types[0], types[1], types[2], resetDays, restartDelay,
                a.str("ProgramCommandLine"), a.str("RebootMessage"));
    }
}

package dev.ssprkit.wix.compile.core;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.SourceLocation;
import dev.ssprkit.wix.source.SourceElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * COM and file associations: ProgId, Extension, Verb, MIME, Class, TypeLib, AppId, Interface. Advertised ones go to
 * the ProgId, Extension, Verb, MIME, Class, TypeLib and AppId tables (Windows Installer registers them and keeps
 * them repairable); the others become HKCR registry rows with the layout the WiX documentation gives (ProgId default
 * value and CurVer, {@code .ext} default value and Content Type, {@code shell\verb\command}, {@code CLSID\{...}}
 * contexts, ThreadingModel, TypeLib, Version, Implemented Categories...).
 */
public final class ComFamily implements ElementFamily {
    private static final String COM_ADVERTISE = "ComAdvertise";
    private static final String PROGID = "ProgId";
    private static final String CLASS = "Class";
    private static final String EXTENSION = "Extension";
    private static final String APPID = "AppId";
    private static final String TYPELIB = "TypeLib";
    private static final String TYPELIB_VERSION = "TypeLibVersion";
    private static final String PROXY = "ProxyStubClassId";

    @Override
    public void register(Grammar g) {
        g.on("ProgId", this::progId, "Component", "ProgId", "Class");
        g.on("Extension", this::extension, "ProgId", "Component");
        g.on("Verb", this::verb, "Extension");
        g.on("MIME", this::mime, "Extension");
        g.on("Class", this::clazz, "Component", "File", "TypeLib", "AppId");
        g.on("TypeLib", this::typeLib, "Component", "File");
        // under a TypeLib (WiX v3 and v4+), an AppId's classes belong to that type library
        g.on("AppId", this::appId, "Component", "File", "TypeLib", "Product", "Package", "Module", "Fragment");
        g.on("Interface", this::iface, "Class", "TypeLib", "Component"); // directly in a Component: v3 and v4+ register it there too
    }

    /** A HKCR string value written on install and removed on uninstall with the component, as WiX generates it. */
    static void hkcr(CompileContext ctx, SourceLocation at, String component, String key, String name, String value) {
        if (component == null) return;
        String id = CompileContext.generatedId("reg", component, "0", key.toLowerCase(Locale.ROOT), name == null ? null : name.toLowerCase(Locale.ROOT));
        ctx.row("Registry", at).set("Registry", id).set("Root", 0).set("Key", key).set("Name", name)
                .set("Value", RegistryFamily.encode("string", "write", value)).set("Component_", component)
                .extra(Subdirectories.SHARED, true);
    }

    private static boolean advertised(CompileContext ctx, Attrs a, Scope scope) {
        if (a.has("Advertise")) return a.yesNo("Advertise", false);
        return "yes".equals(scope.get(COM_ADVERTISE));
    }

    private void progId(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Description", "Icon", "IconIndex", "Advertise", "NoOpen");
        String id = a.required("Id");
        String component = scope.get(Scope.COMPONENT);
        boolean advertise = advertised(ctx, a, scope);
        String parent = "ProgId".equals(scope.get(Scope.PARENT)) ? scope.get(PROGID) : null;
        String classId = scope.get(CLASS);
        String description = a.str("Description");
        String icon = a.str("Icon");
        Integer iconIndex = a.integer("IconIndex", null, -32767, 32767);
        if (id != null && id.length() > 255) ctx.report(CompilerMessage.BAD_VALUE, a.at("Id"), "Id", id, "a ProgId is at most 255 characters");
        Scope inner = scope.with(PROGID, id).with(COM_ADVERTISE, advertise ? "yes" : "no");
        if (parent == null) inner = inner.with(CLASS, classId);
        ctx.children(e, inner).run();
        if (id == null) return;
        if (advertise) {
            if (icon != null) ctx.reference("Icon", icon, a.at("Icon"));
            ctx.row("ProgId", e.location()).set("ProgId", id).set("ProgId_Parent", parent).set("Class_", parent == null ? classId : null)
                    .set("Description", description).set("Icon_", icon).set("IconIndex", iconIndex);
            return;
        }
        hkcr(ctx, e.location(), component, id, null, description);
        if (classId != null) {
            hkcr(ctx, e.location(), component, id + "\\CLSID", null, classId);
            if (parent != null) {
                hkcr(ctx, e.location(), component, "CLSID\\" + classId + "\\VersionIndependentProgID", null, id);
                hkcr(ctx, e.location(), component, id + "\\CurVer", null, parent);
            } else {
                hkcr(ctx, e.location(), component, "CLSID\\" + classId + "\\ProgID", null, id);
            }
        }
        if (icon != null) {
            ctx.reference("File", icon, a.at("Icon"));
            String value = "\"[#" + icon + "]\"" + (iconIndex == null ? "" : "," + iconIndex);
            hkcr(ctx, e.location(), component, id + "\\DefaultIcon", null, value);
        }
        if (a.has("NoOpen")) hkcr(ctx, e.location(), component, id, "NoOpen", a.str("NoOpen"));
    }

    private void extension(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "ContentType", "Advertise");
        String ext = a.required("Id");
        String component = scope.get(Scope.COMPONENT);
        boolean advertise = advertised(ctx, a, scope);
        String progId = scope.get(PROGID);
        String[] mime = {a.str("ContentType")};
        Scope inner = scope.with(EXTENSION, ext).with(COM_ADVERTISE, advertise ? "yes" : "no");
        List<String> mimes = new ArrayList<>();
        ctx.children(e, inner).on("MIME", (c, x, s) -> {
            String m = mime(c, x, s);
            if (m != null) mimes.add(m);
        }).run();
        if (mime[0] == null && !mimes.isEmpty()) mime[0] = mimes.get(0);
        if (ext == null || component == null) return;
        if (advertise) {
            ctx.row("Extension", e.location()).set("Extension", ext).set("Component_", component).set("ProgId_", progId)
                    .set("MIME_", mime[0]).extra("FeatureFromComponent", true);
            return;
        }
        hkcr(ctx, e.location(), component, "." + ext, null, progId);
        if (mime[0] != null) hkcr(ctx, e.location(), component, "." + ext, "Content Type", mime[0]);
    }

    /** MIME: advertised rows, or the MIME database keys; returns the content type when it is the default one. */
    private String mime(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "ContentType", "Class", "Default", "Advertise");
        String type = a.required("ContentType");
        String classId = a.has("Class") ? a.guid("Class", false, false, false) : scope.get(CLASS);
        boolean advertise = advertised(ctx, a, scope);
        String ext = scope.get(EXTENSION);
        String component = scope.get(Scope.COMPONENT);
        ctx.children(e, scope).run();
        if (type == null) return null;
        if (advertise) {
            ctx.row("MIME", e.location()).set("ContentType", type).set("Extension_", ext).set("CLSID", classId);
        } else {
            hkcr(ctx, e.location(), component, "MIME\\Database\\Content Type\\" + type, "Extension", "." + ext);
            if (classId != null) hkcr(ctx, e.location(), component, "MIME\\Database\\Content Type\\" + type, "CLSID", classId);
        }
        return a.yesNo("Default", false) ? type : null;
    }

    private void verb(CompileContext ctx, SourceElement e, Scope scope) {
        // v3 also has Target (deprecated there in favour of TargetFile/TargetProperty): the command's target as written
        Attrs a = ctx.v4() ? ctx.attrs(e, "Id", "Argument", "Command", "Sequence", "TargetFile", "TargetProperty")
                : ctx.attrs(e, "Id", "Argument", "Command", "Sequence", "Target", "TargetFile", "TargetProperty");
        String id = a.required("Id");
        a.exclusive("Target", "TargetFile", "TargetProperty");
        if (a.has("Target")) {
            ctx.report(CompilerMessage.DEPRECATED, a.at("Target"), "Verb/@Target", "use TargetFile or TargetProperty (WiX v4 has only those)");
        }
        boolean advertise = "yes".equals(scope.get(COM_ADVERTISE));
        String ext = scope.get(EXTENSION), progId = scope.get(PROGID), component = scope.get(Scope.COMPONENT);
        String argument = a.str("Argument"), command = a.str("Command");
        Integer sequence = a.integer("Sequence", null, 1, 32767);
        ctx.children(e, scope).run();
        if (id == null) return;
        if (advertise) {
            if (a.has("Target") || a.has("TargetFile") || a.has("TargetProperty")) {
                ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, e.location(), "Verb", "TargetFile/TargetProperty and advertising", "an advertised verb runs the feature's key file");
            }
            ctx.row("Verb", e.location()).set("Extension_", ext).set("Verb", id).set("Sequence", sequence).set("Command", command).set("Argument", argument);
            return;
        }
        if (sequence != null) ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, a.at("Sequence"), "Verb", "Sequence and Advertise=\"no\"", "only advertised verbs are ordered");
        String target;
        if (a.has("Target")) {
            target = a.str("Target");
        } else if (a.has("TargetFile")) {
            ctx.reference("File", a.str("TargetFile"), a.at("TargetFile"));
            target = "\"[#" + a.str("TargetFile") + "]\"";
        } else if (a.has("TargetProperty")) {
            target = "\"[" + a.str("TargetProperty") + "]\"";
        } else {
            ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "Verb", "TargetFile or TargetProperty", "a verb that is not advertised runs a file or a property's path");
            return;
        }
        if (argument != null) target = target + " " + argument;
        String prefix = progId != null ? progId : "." + ext;
        if (command != null) hkcr(ctx, e.location(), component, prefix + "\\shell\\" + id, null, command);
        hkcr(ctx, e.location(), component, prefix + "\\shell\\" + id + "\\command", null, target);
    }

    private void clazz(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Context", "Description", "Advertise", "AppId", "Argument", "Control", "Handler", "Icon",
                "IconIndex", "RelativePath", "Insertable", "Programmable", "SafeForInitializing", "SafeForScripting",
                "Server", "ShortPath", "ThreadingModel", "Version", "ForeignServer");
        String clsid = a.guid("Id", true, false, false);
        String component = scope.get(Scope.COMPONENT);
        boolean advertise = advertised(ctx, a, scope);
        List<String> contexts = new ArrayList<>();
        String contextAttr = a.str("Context");
        if (contextAttr != null) for (String c : contextAttr.split("\\s+")) if (!c.isBlank()) contexts.add(c);
        String description = a.str("Description");
        String fileServer = scope.get(Scope.FILE);
        if (a.has("Server")) fileServer = a.str("Server");
        // v3's schema has the lower-case names only; the v4+ compiler takes the text as written and upper-cases its first
        // letter for the registry (so "Apartment" builds there: openhashtab)
        String threading = ctx.v4() && a.has("ThreadingModel")
                && List.of("apartment", "free", "both", "neutral", "single", "rental").contains(a.str("ThreadingModel").toLowerCase(Locale.ROOT))
                ? a.str("ThreadingModel")
                : a.oneOf("ThreadingModel", null, "apartment", "free", "both", "neutral", "single", "rental");
        String appId = a.has("AppId") ? a.guid("AppId", false, false, false) : null;
        String parentAppId = "AppId".equals(scope.get(Scope.PARENT)) ? scope.get(APPID) : null;
        String typeLib = scope.get(TYPELIB);
        Scope inner = scope.with(CLASS, clsid).with(COM_ADVERTISE, advertise ? "yes" : "no").with(PROXY, clsid);
        ctx.children(e, inner).run();
        if (clsid == null || component == null) return;
        if (contexts.isEmpty() && (ctx.v4() || advertise)) {
            // WiX v4+ builds a Class without Context and writes no Class or Registry rows for it (its ClassFixture,
            // ClassWithoutContextDoesNotCrash); v3's compiler requires Context of an advertised class only, and
            // registers an unadvertised one's other keys (transmission's Class under TypeLib/AppId has none)
            if (ctx.v4()) ctx.report(CompilerMessage.CLASS_WITHOUT_CONTEXT, e.location(), clsid);
            else ctx.report(CompilerMessage.MISSING_ATTRIBUTE, e.location(), "Class", "Context");
            return;
        }
        String icon = a.str("Icon");
        Integer iconIndex = a.integer("IconIndex", null, -32767, 32767);
        if (advertise) {
            String progIdDefault = firstProgId(e);
            String handler = a.str("Handler");
            int attributes = a.yesNo("RelativePath", false) ? 1 : 0;
            for (String c : contexts) {
                ctx.row("Class", e.location()).set("CLSID", clsid).set("Context", c).set("Component_", component)
                        .set("ProgId_Default", progIdDefault).set("Description", description).set("AppId_", appId != null ? appId : parentAppId)
                        .set("Icon_", icon).set("IconIndex", iconIndex).set("DefInprocHandler", handler).set("Argument", a.str("Argument"))
                        .set("Attributes", attributes == 0 ? null : attributes).extra("FeatureFromComponent", true);
            }
            if (icon != null) ctx.reference("Icon", icon, a.at("Icon"));
        } else {
            String foreign = a.str("ForeignServer");
            if (fileServer == null && foreign == null) {
                ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "Class", "Server or ForeignServer (or a parent File)", "a registered class names the file that serves it");
                return;
            }
            boolean shortPath = a.yesNo("ShortPath", false);
            for (String c : contexts) {
                String value;
                if (c.startsWith("InprocServer")) value = fileServer != null ? "[" + (shortPath ? "!" : "#") + fileServer + "]" : foreign;
                else if (c.startsWith("LocalServer")) {
                    value = fileServer != null ? (shortPath ? "[!" + fileServer + "]" : "\"[#" + fileServer + "]\"") : foreign;
                    if (a.has("Argument")) value = value + " " + a.str("Argument");
                } else {
                    a.oneOf("Context", null, "InprocServer", "InprocServer32", "LocalServer", "LocalServer32");
                    continue;
                }
                hkcr(ctx, e.location(), component, "CLSID\\" + clsid + "\\" + c, null, value);
            }
            if (icon != null) {
                ctx.reference("File", icon, a.at("Icon"));
                hkcr(ctx, e.location(), component, "CLSID\\" + clsid + "\\DefaultIcon", null, "\"[#" + icon + "]\"" + (iconIndex == null ? "" : "," + iconIndex));
            }
            if (parentAppId != null) hkcr(ctx, e.location(), component, "CLSID\\" + clsid, "AppID", parentAppId);
            if (description != null) hkcr(ctx, e.location(), component, "CLSID\\" + clsid, null, description);
            if (a.has("Handler")) {
                String h = a.str("Handler");
                switch (h) {
                    case "1" -> hkcr(ctx, e.location(), component, "CLSID\\" + clsid + "\\InprocHandler", null, "ole2.dll");
                    case "2" -> hkcr(ctx, e.location(), component, "CLSID\\" + clsid + "\\InprocHandler32", null, "ole32.dll");
                    case "3" -> {
                        hkcr(ctx, e.location(), component, "CLSID\\" + clsid + "\\InprocHandler", null, "ole2.dll");
                        hkcr(ctx, e.location(), component, "CLSID\\" + clsid + "\\InprocHandler32", null, "ole32.dll");
                    }
                    default -> hkcr(ctx, e.location(), component, "CLSID\\" + clsid + "\\InprocHandler32", null, h);
                }
            }
        }
        if (threading != null) {
            String model = Character.toUpperCase(threading.charAt(0)) + threading.substring(1);
            for (String c : contexts) hkcr(ctx, e.location(), component, "CLSID\\" + clsid + "\\" + c, "ThreadingModel", model);
        }
        if (typeLib != null) hkcr(ctx, e.location(), component, "CLSID\\" + clsid + "\\TypeLib", null, typeLib);
        if (a.has("Version")) hkcr(ctx, e.location(), component, "CLSID\\" + clsid + "\\Version", null, a.str("Version"));
        if (a.has("Insertable")) hkcr(ctx, e.location(), component, "CLSID\\" + clsid + "\\" + (a.yesNo("Insertable", false) ? "Insertable" : "NotInsertable"), "*", null);
        if (a.yesNo("Control", false)) hkcr(ctx, e.location(), component, "CLSID\\" + clsid + "\\Control", "*", null);
        if (a.yesNo("Programmable", false)) hkcr(ctx, e.location(), component, "CLSID\\" + clsid + "\\Programmable", "*", null);
        if (a.yesNo("SafeForInitializing", false)) category(ctx, e, component, clsid, "{7DD95802-9882-11CF-9FA9-00AA006C42C4}");
        if (a.yesNo("SafeForScripting", false)) category(ctx, e, component, clsid, "{7DD95801-9882-11CF-9FA9-00AA006C42C4}");
    }

    private static void category(CompileContext ctx, SourceElement e, String component, String clsid, String category) {
        hkcr(ctx, e.location(), component, "CLSID\\" + clsid + "\\Implemented Categories\\" + category, "*", null);
    }

    /** The first ProgId nested in a Class: the class's default ProgId. */
    private static String firstProgId(SourceElement e) {
        for (SourceElement c : e.children()) if (c.localName().equals("ProgId") && c.attr("Id") != null) return c.attr("Id");
        return null;
    }

    private void typeLib(CompileContext ctx, SourceElement e, Scope scope) {
        // HelpSubirectory (spelled so in WiX v5+'s schema): folders below HelpDirectory
        Attrs a = ctx.attrs(e, "Id", "Advertise", "Control", "Cost", "Description", "Flags", "HasDiskImage", "HelpDirectory",
                "HelpSubirectory", "Hidden", "Language", "MajorVersion", "MinorVersion", "ResourceId", "Restricted");
        String id = a.guid("Id", true, false, false);
        Integer language = a.integer("Language", null, 0, 32767);
        if (!a.has("Language")) a.required("Language");
        boolean advertise = a.yesNo("Advertise", false);
        // WiX's TypeLib version fixtures: the major version is 16 bits; the minor one is 8 bits when advertised (the
        // TypeLib table's Version packs major * 256 + minor) and 16 bits in a registered one's key
        Integer major = a.integer("MajorVersion", 1, 0, 65535), minor = a.integer("MinorVersion", 0, 0, advertise ? 255 : 65535);
        String component = scope.get(Scope.COMPONENT);
        String file = scope.get(Scope.FILE);
        // the registry key's version is hexadecimal, "%x.%x" (WiX's ParseTypeLibElement writes it so)
        String version = Integer.toHexString(major) + "." + Integer.toHexString(minor);
        // an advertised one without MajorVersion/MinorVersion has no Version (WiX leaves the column empty)
        Integer packed = a.has("MajorVersion") || a.has("MinorVersion")
                ? (a.has("MajorVersion") ? major * 256 : 0) + (a.has("MinorVersion") ? minor : 0) : null;
        int flags = (a.yesNo("Restricted", false) ? 1 : 0) | (a.yesNo("Control", false) ? 2 : 0) | (a.yesNo("Hidden", false) ? 4 : 0)
                | (a.yesNo("HasDiskImage", false) ? 8 : 0);
        ctx.children(e, scope.with(TYPELIB, id).with(TYPELIB_VERSION, version).with(COM_ADVERTISE, advertise ? "yes" : "no")).run();
        if (id == null || language == null || component == null) return;
        String helpDirectory = a.str("HelpDirectory");
        if (helpDirectory != null) ctx.reference("Directory", helpDirectory, a.at("HelpDirectory"));
        if (a.has("HelpSubirectory") && helpDirectory != null) helpDirectory = Subdirectories.create(ctx, a, "HelpSubirectory", helpDirectory);
        if (advertise) {
            String help = helpDirectory;
            ctx.row("TypeLib", e.location()).set("LibID", id).set("Language", language).set("Component_", component)
                    .set("Version", packed).set("Description", a.str("Description")).set("Directory_", help)
                    .set("Cost", a.integer("Cost", null, 0, Integer.MAX_VALUE)).extra("FeatureFromComponent", true);
            return;
        }
        if (file == null) {
            ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "TypeLib", "a parent File or Advertise=\"yes\"", "a registered type library names its file");
            return;
        }
        String key = "TypeLib\\" + id + "\\" + version;
        hkcr(ctx, e.location(), component, key, null, a.str("Description"));
        hkcr(ctx, e.location(), component, key + "\\FLAGS", null, Integer.toString(flags));
        String resource = a.has("ResourceId") ? "\\" + a.str("ResourceId") : "";
        String platform = ctx.is64Bit() ? "win64" : "win32";
        hkcr(ctx, e.location(), component, key + "\\" + Integer.toHexString(language) + "\\" + platform, null, "[#" + file + "]" + resource);
        if (helpDirectory != null) hkcr(ctx, e.location(), component, key + "\\HELPDIR", null, "[" + helpDirectory + "]");
    }

    private void appId(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "ActivateAtStorage", "Advertise", "Description", "DllSurrogate", "LocalService",
                "RemoteServerName", "RunAsInteractiveUser", "ServiceParameters");
        String id = a.guid("Id", true, false, false);
        boolean advertise = a.has("Advertise") ? a.yesNo("Advertise", false) : !scope.has(Scope.COMPONENT);
        String component = scope.get(Scope.COMPONENT);
        ctx.children(e, scope.with(APPID, id).with(COM_ADVERTISE, advertise ? "yes" : "no")).run();
        if (id == null) return;
        if (advertise) {
            ctx.row("AppId", e.location()).set("AppId", id).set("RemoteServerName", a.str("RemoteServerName"))
                    .set("LocalService", a.str("LocalService")).set("ServiceParameters", a.str("ServiceParameters"))
                    .set("DllSurrogate", a.str("DllSurrogate")).set("ActivateAtStorage", a.has("ActivateAtStorage") ? (a.yesNo("ActivateAtStorage", false) ? 1 : 0) : null)
                    .set("RunAsInteractiveUser", a.has("RunAsInteractiveUser") ? (a.yesNo("RunAsInteractiveUser", false) ? 1 : 0) : null);
            return;
        }
        String key = "AppID\\" + id;
        if (a.has("Description")) hkcr(ctx, e.location(), component, key, null, a.str("Description"));
        if (a.has("RemoteServerName")) hkcr(ctx, e.location(), component, key, "RemoteServerName", a.str("RemoteServerName"));
        if (a.has("LocalService")) hkcr(ctx, e.location(), component, key, "LocalService", a.str("LocalService"));
        if (a.has("ServiceParameters")) hkcr(ctx, e.location(), component, key, "ServiceParameters", a.str("ServiceParameters"));
        if (a.has("DllSurrogate")) hkcr(ctx, e.location(), component, key, "DllSurrogate", a.str("DllSurrogate"));
        if (a.yesNo("ActivateAtStorage", false)) hkcr(ctx, e.location(), component, key, "ActivateAtStorage", "Y");
        if (a.yesNo("RunAsInteractiveUser", false)) hkcr(ctx, e.location(), component, key, "RunAs", "Interactive User");
    }

    private void iface(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "BaseInterface", "Name", "NumMethods", "ProxyStubClassId", "ProxyStubClassId32", "Versioned");
        String id = a.guid("Id", true, false, false);
        String name = a.required("Name");
        String component = scope.get(Scope.COMPONENT);
        ctx.children(e, scope).run();
        if (id == null || name == null) return;
        String key = "Interface\\" + id;
        hkcr(ctx, e.location(), component, key, null, name);
        if (a.has("BaseInterface")) hkcr(ctx, e.location(), component, key + "\\BaseInterface", null, a.guid("BaseInterface", false, false, false));
        if (a.has("NumMethods")) hkcr(ctx, e.location(), component, key + "\\NumMethods", null, a.str("NumMethods"));
        String proxy = a.has("ProxyStubClassId") ? a.guid("ProxyStubClassId", false, false, false) : "{00020424-0000-0000-C000-000000000046}";
        hkcr(ctx, e.location(), component, key + "\\ProxyStubClsid", null, proxy);
        String proxy32 = a.has("ProxyStubClassId32") ? a.guid("ProxyStubClassId32", false, false, false) : proxy;
        hkcr(ctx, e.location(), component, key + "\\ProxyStubClsid32", null, proxy32);
        if (scope.has(TYPELIB)) {
            hkcr(ctx, e.location(), component, key + "\\TypeLib", null, scope.get(TYPELIB));
            if (a.yesNo("Versioned", true)) hkcr(ctx, e.location(), component, key + "\\TypeLib", "Version", scope.get(TYPELIB_VERSION));
        }
    }
}

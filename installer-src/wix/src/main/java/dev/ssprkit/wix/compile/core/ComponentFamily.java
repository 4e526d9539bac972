package dev.ssprkit.wix.compile.core;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.Definition;
import dev.ssprkit.wix.model.Membership;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.source.SourceElement;

import java.util.Locale;

/**
 * Component, ComponentGroup, ComponentRef and ComponentGroupRef, and the component-level elements that need no
 * family of their own: v3 Condition, CreateFolder, RemoveFile, RemoveFolder, Environment.
 *
 * <p>The Component row's ComponentId ({@code *} = generate), KeyPath and the key-path bit of Attributes are settled by
 * the binder, which sees every row of the component; the compiler records what the source said as extras.
 */
public final class ComponentFamily implements ElementFamily {
    /** Where a Component may be written: directories, groups, features and the section level (v4). */
    static final String[] COMPONENT_PARENTS = {"Directory", "DirectoryRef", "StandardDirectory", "ComponentGroup",
            "Feature", "FeatureRef", "FeatureGroup", "Product", "Package", "Module", "Fragment"};

    @Override
    public void register(Grammar g) {
        g.on("Component", this::component, COMPONENT_PARENTS);
        g.on("ComponentGroup", this::componentGroup, Grammar.SECTIONS);
        g.on("ComponentRef", (ctx, e, s) -> ref(ctx, e, s, "Component"), "ComponentGroup", "Feature", "FeatureRef", "FeatureGroup", "Product", "Package", "Module", "Fragment");
        g.on("ComponentGroupRef", (ctx, e, s) -> ref(ctx, e, s, "ComponentGroup"), "ComponentGroup", "Feature", "FeatureRef", "FeatureGroup", "Product", "Package", "Module", "Fragment");
        g.on("Condition", this::componentCondition, "Component");
        g.on("CreateFolder", this::createFolder, "Component");
        g.on("ReserveCost", this::reserveCost, "Component");
        g.on("IsolateComponent", this::isolateComponent, "Component");
        g.on("Category", this::category, "Component");
        g.on("RemoveFile", (ctx, e, s) -> removeFile(ctx, e, s, true), "Component");
        g.on("RemoveFolder", (ctx, e, s) -> removeFile(ctx, e, s, false), "Component");
        g.on("Environment", this::environment, "Component");
    }

    /** The membership a component or group written under {@code scope} gets: its feature or group, if any. */
    static void placeIn(CompileContext ctx, Scope scope, String childKind, String childId, SourceElement e) {
        String parent = scope.get(Scope.PARENT);
        if (parent == null) return;
        switch (parent) {
            case "ComponentGroup" -> ctx.add(new Membership("ComponentGroup", scope.get(Scope.COMPONENT_GROUP), childKind, childId, false, e.location()));
            case "Feature", "FeatureRef" -> ctx.add(new Membership("Feature", scope.get(Scope.FEATURE), childKind, childId, true, e.location()));
            case "FeatureGroup" -> ctx.add(new Membership("FeatureGroup", scope.get(Scope.FEATURE_GROUP), childKind, childId, false, e.location()));
            case "Product", "Package" -> ctx.add(new Membership("Product", "*", childKind, childId, false, e.location()));
            default -> { }
        }
    }

    private void component(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Guid", "Directory", "Subdirectory", "DiskId", "Feature", "Win64", "Bitness", "KeyPath",
                "Location", "NeverOverwrite", "Permanent", "Shared", "SharedDllRefCount", "Transitive",
                "DisableRegistryReflection", "UninstallWhenSuperseded", "MultiInstance", "ComPlusFlags", "Condition");
        if (!ctx.v4()) {
            for (String v4only : new String[] {"Bitness", "Subdirectory", "Condition"}) {
                if (a.has(v4only)) ctx.report(CompilerMessage.UNKNOWN_ATTRIBUTE, a.at(v4only), "Component", v4only, "in WiX v3 use Win64, nested Directory elements and a <Condition> child");
            }
        } else if (a.has("Win64")) {
            ctx.report(CompilerMessage.DEPRECATED, a.at("Win64"), "Component/@Win64 is WiX v3", "WiX v4 writes Bitness=\"always64\" or \"always32\"");
        }
        String id = a.id("Id", false);
        if (id == null && !a.has("Id")) id = defaultId(ctx, e, scope);
        String guid = a.guid("Guid", false, true, true);
        if (guid == null && !a.has("Guid")) guid = "*"; // WiX 3.x and v4+ both default to a generated GUID
        Boolean win64 = bitness(ctx, a);
        String directory = scope.get(Scope.DIRECTORY);
        if (a.has("Directory")) directory = StandardDirectories.attribute(ctx, a, "Directory");
        if (directory == null && ctx.v4() && id != null) {
            directory = "INSTALLFOLDER"; // WiX v4+'s default for components outside any directory
            ctx.reference("Directory", directory, e.location());
        }
        if (a.has("Subdirectory") && directory != null) directory = Subdirectories.create(ctx, a, "Subdirectory", directory);
        if (directory == null && id != null) ctx.report(CompilerMessage.ORPHAN_DIRECTORY, e.location(), id);
        String location = a.oneOf("Location", "local", "local", "source", "either");
        int bits = switch (location) {
            case "source" -> 0x1;
            case "either" -> 0x2;
            default -> 0;
        };
        if (a.yesNo("SharedDllRefCount", false)) bits |= 0x8;
        if (a.yesNo("Permanent", false)) bits |= 0x10;
        if (a.yesNo("Transitive", false)) bits |= 0x40;
        if (a.yesNo("NeverOverwrite", false)) bits |= 0x80;
        if (a.yesNo("DisableRegistryReflection", false)) bits |= 0x200;
        if (a.yesNo("UninstallWhenSuperseded", false)) bits |= 0x400;
        if (a.yesNo("Shared", false)) bits |= 0x800;
        boolean multiInstance = a.yesNo("MultiInstance", false); // a new GUID in every instance transform
        Integer comPlus = a.integer("ComPlusFlags", null, 0, 32767);
        Scope inner = scope.with(Scope.COMPONENT, id).with(Scope.DIRECTORY, directory)
                .with(Scope.BITNESS, win64 == null ? null : (win64 ? "always64" : "always32"));
        if (a.has("DiskId")) {
            Integer disk = a.integer("DiskId", null, 1, 32767);
            if (disk != null) inner = inner.with(Scope.DISK_ID, disk.toString());
        }
        String[] v3Condition = {null};
        ctx.children(e, inner).onIf(!ctx.v4(), "Condition", (c, x, s) -> {
            ctx.attrsWithText(x);
            v3Condition[0] = CompileContext.text(x);
        }).run();
        if (id == null) return;
        Row row = ctx.row("Component", e.location()).set("Component", id).set("ComponentId", guid).set("Directory_", directory)
                .set("Condition", ctx.v4() ? a.str("Condition") : v3Condition[0]);
        row.extra("BaseAttributes", bits).extra("Win64", win64).extra("KeyPathDirectory", a.yesNo("KeyPath", false));
        if (multiInstance) row.extra("MultiInstance", true);
        if (comPlus != null) ctx.row("Complus", e.location()).set("Component_", id).set("ExpType", comPlus);
        String feature = a.id("Feature", false, 38);
        if (feature != null) {
            ctx.add(new Membership("Feature", feature, "Component", id, true, a.at("Feature")));
            ctx.reference("Feature", feature, a.at("Feature"));
        }
        placeIn(ctx, scope, "Component", id, e);
        if (scope.get(Scope.PARENT) != null && scope.get(Scope.PARENT).equals("Module")) {
            ctx.add(new Membership("Module", "*", "Component", id, false, e.location()));
        }
    }

    /** Bitness as written: true 64-bit, false 32-bit, null the package's platform. */
    static Boolean bitness(CompileContext ctx, Attrs a) {
        if (a.has("Bitness")) {
            String b = a.oneOf("Bitness", "default", "default", "always32", "always64");
            return b.equals("default") ? null : b.equals("always64");
        }
        return a.has("Win64") ? a.yesNo("Win64", false) : null;
    }

    /**
     * A component without an Id takes the id of its key path, as WiX does: the File or registry value marked
     * KeyPath="yes", else the first file.
     */
    private static String defaultId(CompileContext ctx, SourceElement e, Scope scope) {
        SourceElement first = null;
        for (SourceElement c : e.children()) {
            if (!c.namespaceUri().equals(ctx.namespace().uri())) continue;
            boolean candidate = c.localName().equals("File") || c.localName().equals("RegistryValue");
            if (!candidate) continue;
            if ("yes".equals(c.attr("KeyPath"))) {
                first = c;
                break;
            }
            if (first == null) first = c;
        }
        if (first == null) return CompileContext.generatedId("cmp", scope.get(Scope.DIRECTORY), String.valueOf(e.location()));
        if (first.localName().equals("File")) return FileFamily.fileId(ctx, first, scope.get(Scope.DIRECTORY));
        String regId = first.attr("Id");
        return regId != null ? regId : RegistryFamily.generatedValueId(first, scope);
    }

    private void componentGroup(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Directory", "Subdirectory", "Source");
        String id = a.id("Id", true);
        String dir = a.has("Directory") ? StandardDirectories.attribute(ctx, a, "Directory") : null;
        if (dir != null && a.has("Subdirectory")) dir = Subdirectories.create(ctx, a, "Subdirectory", dir);
        Scope inner = scope.with(Scope.COMPONENT_GROUP, id).with(Scope.DIRECTORY, dir);
        if (a.has("Source")) {
            String src = a.str("Source");
            inner = inner.with(Scope.FILE_SOURCE, src.endsWith("\\") || src.endsWith("/") ? src : src + "\\");
        }
        ctx.children(e, inner).run();
        if (id != null) {
            ctx.add(new Definition("ComponentGroup", id, e.location()));
        }
    }

    /** ComponentRef / ComponentGroupRef inside a group, a feature or a product. */
    private void ref(CompileContext ctx, SourceElement e, Scope scope, String kind) {
        Attrs a = kind.equals("Component") ? ctx.attrs(e, "Id", "Primary") : ctx.attrs(e, "Id", "Primary");
        String id = a.id("Id", true);
        boolean primary = a.yesNo("Primary", false);
        ctx.children(e, scope).run();
        if (id == null) return;
        ctx.reference(kind, id, a.at("Id"));
        String parent = scope.get(Scope.PARENT);
        switch (parent) {
            case "ComponentGroup" -> ctx.add(new Membership("ComponentGroup", scope.get(Scope.COMPONENT_GROUP), kind, id, false, e.location()));
            case "Feature", "FeatureRef" -> ctx.add(new Membership("Feature", scope.get(Scope.FEATURE), kind, id, primary, e.location()));
            case "FeatureGroup" -> ctx.add(new Membership("FeatureGroup", scope.get(Scope.FEATURE_GROUP), kind, id, primary, e.location()));
            case "Module" -> ctx.add(new Membership("Module", "*", kind, id, false, e.location()));
            default -> ctx.add(new Membership("Product", "*", kind, id, false, e.location()));
        }
    }

    private void componentCondition(CompileContext ctx, SourceElement e, Scope scope) {
        // handled by the Component itself (it owns the Condition column); reaching here means v4
        ctx.report(CompilerMessage.UNKNOWN_ELEMENT, e.location(), "Condition", "Component", "WiX v4 writes a component condition as Component/@Condition");
    }

    private void createFolder(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.v4() ? ctx.attrs(e, "Directory", "Subdirectory") : ctx.attrs(e, "Directory");
        String dir = a.has("Directory") ? StandardDirectories.attribute(ctx, a, "Directory") : scope.get(Scope.DIRECTORY);
        // WiX v5+: folders below Directory (or the component's), made as the Directory rows they need
        if (a.has("Subdirectory") && dir != null) dir = Subdirectories.create(ctx, a, "Subdirectory", dir);
        String component = scope.get(Scope.COMPONENT);
        ctx.children(e, scope.with(Scope.LOCK_TABLE, "CreateFolder").with(Scope.LOCK_OBJECT, dir)).run();
        if (dir != null && component != null) {
            ctx.row("CreateFolder", e.location()).set("Directory_", dir).set("Component_", component);
        }
    }

    /**
     * IsolateComponent: a shared component (a DLL) copied into this component's folder for its private use (SDK
     * IsolatedComponent table: Component_Shared, Component_Application); the IsolateComponents action is scheduled
     * with the table.
     */
    private void isolateComponent(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Shared");
        String shared = a.id("Shared", true);
        String component = scope.get(Scope.COMPONENT);
        ctx.children(e, scope).run();
        if (shared == null || component == null) return;
        ctx.reference("Component", shared, a.at("Shared"));
        ctx.row("IsolatedComponent", e.location()).set("Component_Shared", shared).set("Component_Application", component);
    }

    /**
     * ReserveCost: disk space the component's installation needs beyond its files (SDK ReserveCost table); the folder
     * is the component's unless Directory says otherwise; RunLocal and RunFromSource are required, as WiX requires them.
     */
    private void reserveCost(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.v4() ? ctx.attrs(e, "Id", "Directory", "Subdirectory", "RunFromSource", "RunLocal")
                : ctx.attrs(e, "Id", "Directory", "RunFromSource", "RunLocal");
        String component = scope.get(Scope.COMPONENT);
        String dir = a.has("Directory") ? StandardDirectories.attribute(ctx, a, "Directory") : scope.get(Scope.DIRECTORY);
        if (a.has("Subdirectory") && dir != null) dir = Subdirectories.create(ctx, a, "Subdirectory", dir);
        Integer local = a.integer("RunLocal", null, 0, Integer.MAX_VALUE), source = a.integer("RunFromSource", null, 0, Integer.MAX_VALUE);
        if (!a.has("RunLocal")) a.required("RunLocal");
        if (!a.has("RunFromSource")) a.required("RunFromSource");
        String id = a.has("Id") ? a.id("Id", true) : CompileContext.generatedId("rc", component, dir);
        ctx.children(e, scope).run();
        if (component == null || local == null || source == null) return;
        ctx.row("ReserveCost", e.location()).set("ReserveKey", id).set("Component_", component).set("ReserveFolder", dir)
                .set("ReserveLocal", local).set("ReserveSource", source);
    }

    /**
     * Category: a qualified component the component publishes (SDK PublishComponent table), for the feature named or
     * else the feature that installs the component (the same rule as advertised COM rows).
     */
    private void category(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Qualifier", "AppData", "Feature");
        String id = a.guid("Id", true, false, false);
        String qualifier = a.required("Qualifier");
        String feature = a.id("Feature", false);
        if (feature != null) ctx.reference("Feature", feature, a.at("Feature"));
        String component = scope.get(Scope.COMPONENT);
        ctx.children(e, scope).run();
        if (id == null || qualifier == null || component == null) return;
        var row = ctx.row("PublishComponent", e.location()).set("ComponentId", id).set("Qualifier", qualifier).set("Component_", component)
                .set("AppData", a.str("AppData"));
        if (feature != null) row.set("Feature_", feature);
        else row.extra("FeatureFromComponent", true);
    }

    private void removeFile(CompileContext ctx, SourceElement e, Scope scope, boolean isFile) {
        Attrs a = isFile ? ctx.attrs(e, "Id", "Name", "ShortName", "LongName", "On", "Directory", "Property", "Subdirectory")
                : ctx.attrs(e, "Id", "On", "Directory", "Property", "Subdirectory");
        String name = isFile ? (a.has("Name") ? a.str("Name") : a.str("LongName")) : null;
        if (isFile && name == null) a.required("Name");
        String on = a.required("On");
        int mode = switch (on == null ? "" : on) {
            case "install" -> 1;
            case "uninstall" -> 2;
            case "both" -> 3;
            default -> {
                if (on != null) a.oneOf("On", null, "install", "uninstall", "both");
                yield 0;
            }
        };
        a.exclusive("Directory", "Property");
        String dirProperty;
        if (a.has("Directory")) {
            dirProperty = StandardDirectories.attribute(ctx, a, "Directory");
        } else if (a.has("Property")) {
            dirProperty = a.id("Property", true);
        } else {
            dirProperty = scope.get(Scope.DIRECTORY);
        }
        if (a.has("Subdirectory") && dirProperty != null) dirProperty = Subdirectories.create(ctx, a, "Subdirectory", dirProperty);
        String component = scope.get(Scope.COMPONENT);
        String id = a.id("Id", false);
        if (id == null && !a.has("Id")) id = CompileContext.generatedId(isFile ? "rmf" : "rmd", component, dirProperty, name, on);
        ctx.children(e, scope).run();
        if (id != null && mode != 0 && dirProperty != null && component != null && (!isFile || name != null)) {
            Row r = ctx.row("RemoveFile", e.location()).set("FileKey", id).set("Component_", component)
                    .set("DirProperty", dirProperty).set("InstallMode", mode);
            if (isFile) {
                r.set("FileName", name).extra("ShortName", a.str("ShortName"));
                // a long name gets a generated short half at bind time (short|long, as WiX writes it); wildcard
                // patterns (*.log) stay as written: the column is a WildCardFilename
                boolean wildcard = name.indexOf('*') >= 0 || name.indexOf('?') >= 0;
                if (!wildcard) r.extra("Name", name).extra("NameColumn", "FileName");
            }
        }
    }

    /**
     * Environment: the Name column is the action ({@code +} create, {@code =} set, {@code !} remove, nothing when not
     * given), {@code -} unless permanent (remove at uninstall), {@code *} for a system variable, then the name; a part
     * puts {@code [~]} and the separator before (last) or after (first) the value.
     */
    private void environment(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Name", "Value", "Action", "Part", "Permanent", "Separator", "System");
        String name = a.required("Name");
        String action = a.oneOf("Action", null, "create", "set", "remove");
        String part = a.oneOf("Part", null, "all", "first", "last");
        if (part != null && "create".equals(action)) {
            ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, a.at("Part"), "Environment", "Part and Action=\"create\"", "a part of a value can only be set, not created");
        }
        boolean permanent = a.yesNo("Permanent", false), system = a.yesNo("System", false);
        String separator = a.str("Separator", ";");
        String value = a.str("Value");
        String component = scope.get(Scope.COMPONENT);
        String id = a.id("Id", false);
        if (id == null && !a.has("Id")) id = CompileContext.generatedId("env", action, name, part, String.valueOf(system), component);
        ctx.children(e, scope).run();
        if (id == null || name == null || component == null) return;
        String prefix = action == null ? "" : switch (action) {
            case "create" -> "+";
            case "set" -> "=";
            default -> "!";
        };
        String nameColumn = prefix + (permanent ? "" : "-") + (system ? "*" : "") + name;
        if ("first".equals(part)) value = (value == null ? "" : value) + separator + "[~]";
        else if ("last".equals(part)) value = "[~]" + separator + (value == null ? "" : value);
        ctx.row("Environment", e.location()).set("Environment", id).set("Name", nameColumn).set("Value", value).set("Component_", component);
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}

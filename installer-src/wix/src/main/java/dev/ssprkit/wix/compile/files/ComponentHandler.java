package dev.ssprkit.wix.compile.files;

import dev.ssprkit.builder.Identifiers;
import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.model.Kind;
import dev.ssprkit.wix.compile.model.Symbols;
import dev.ssprkit.wix.compile.registry.RegistryHandler;
import dev.ssprkit.wix.compile.services.ServiceHandler;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.source.SourceElement;

import java.nio.file.Path;

/**
 * Component and what lives in one: File, CreateFolder, RemoveFile, RemoveFolder, Shortcut (delegated), registry
 * (delegated), services and environment (delegated); ComponentGroup, ComponentGroupRef and ComponentRef.
 */
public final class ComponentHandler {
    /** Where a component is declared: its default directory, and the group or feature it is nested in. */
    public record Scope(String directory, String group, String feature) {}

    private final CompileContext ctx;
    private RegistryHandler registry;
    private ServiceHandler services;
    private ShortcutHandler shortcuts;

    public ComponentHandler(CompileContext ctx) {
        this.ctx = ctx;
    }

    public void wire(RegistryHandler registry, ServiceHandler services, ShortcutHandler shortcuts) {
        this.registry = registry;
        this.services = services;
        this.shortcuts = shortcuts;
    }

    public void component(SourceElement e, Scope scope) {
        Attrs a = ctx.v4()
                ? ctx.attrs(e, "Id", "Guid", "Directory", "Bitness", "Permanent", "NeverOverwrite", "SharedDllRefCount", "KeyPath", "Condition")
                : ctx.attrs(e, "Id", "Guid", "Directory", "Win64", "Permanent", "NeverOverwrite", "SharedDllRefCount", "KeyPath");
        String id = a.id("Id", false);
        if (id == null && !a.has("Id")) {
            SourceElement file = e.firstChild("File").orElse(null);
            String fileId = file == null ? null : fileId(file);
            if (fileId == null) a.required("Id");
            else id = fileId;
        }
        String guid = a.guid("Guid", false, true, true);
        if (guid == null) guid = "*";
        Boolean win64 = null;
        if (ctx.v4()) {
            String bitness = a.oneOf("Bitness", "default", "default", "always32", "always64");
            if (!bitness.equals("default")) win64 = bitness.equals("always64");
        } else if (a.has("Win64")) {
            win64 = a.yesNo("Win64", false);
        }
        String directory = scope.directory();
        if (a.has("Directory")) {
            directory = a.id("Directory", false);
            if (directory != null) directory = StandardDirectories.resolve(directory, ctx.x64());
            ctx.section().reference(Kind.DIRECTORY, directory, a.at("Directory"));
        }
        if (directory == null && id != null) ctx.report(CompilerMessage.ORPHAN_DIRECTORY, e.location(), id);
        String[] condition = {ctx.v4() ? a.str("Condition") : null};
        String cid = id;
        String dir = directory;
        ctx.children(e)
                .on("File", c -> file(c, cid, dir))
                .on("RegistryValue", c -> registry.value(c, cid, null, null))
                .on("RegistryKey", c -> registry.key(c, cid, null, null))
                .on("CreateFolder", c -> createFolder(c, cid, dir))
                .on("RemoveFile", c -> removeFile(c, cid, dir, true))
                .on("RemoveFolder", c -> removeFile(c, cid, dir, false))
                .on("Shortcut", c -> shortcuts.shortcut(c, cid, dir, null))
                .on("Environment", c -> services.environment(c, cid))
                .on("ServiceInstall", c -> services.install(c, cid))
                .on("ServiceControl", c -> services.control(c, cid))
                .onIf(!ctx.v4(), "Condition", c -> {
                    ctx.attrsWithText(c);
                    condition[0] = CompileContext.text(c);
                })
                .run();
        if (id == null) return;
        ctx.section().add(new Symbols.Component(id, directory, guid, win64, condition[0], a.yesNo("Permanent", false),
                a.yesNo("NeverOverwrite", false), a.yesNo("SharedDllRefCount", false), a.yesNo("KeyPath", false), e.location()));
        if (scope.group() != null) ctx.section().add(new Symbols.GroupMember(scope.group(), Kind.COMPONENT, id, e.location()));
        if (scope.feature() != null) ctx.section().add(new Symbols.FeatureMember(scope.feature(), Kind.COMPONENT, id, e.location()));
    }

    /** The File id as written, or derived from the name (or the source's file name). */
    private static String fileId(SourceElement f) {
        String id = f.attr("Id");
        if (id != null) return id;
        String name = f.attr("Name");
        if (name == null && f.attr("Source") != null) name = baseName(f.attr("Source"));
        return name == null || name.isEmpty() ? null : Identifiers.from(name);
    }

    /** The last segment of a written path (either separator), without asking the file system. */
    private static String baseName(String written) {
        String s = written.replace('\\', '/');
        return s.substring(s.lastIndexOf('/') + 1);
    }

    private void file(SourceElement e, String component, String directory) {
        Attrs a = ctx.attrs(e, "Id", "Name", "Source", "KeyPath", "Vital", "ReadOnly", "Hidden", "System", "DiskId");
        String source = a.required("Source");
        String id = a.has("Id") ? a.id("Id", true) : fileId(e);
        String name = a.str("Name");
        if (name == null && source != null) name = baseName(source);
        if (name != null && !ctx.installName(a, a.has("Name") ? "Name" : "Source", name, false)) name = null;
        a.integer("DiskId", 1, 1, 1);
        String fid = id;
        ctx.children(e).on("Shortcut", c -> shortcuts.shortcut(c, component, directory, fid)).run();
        Path payload = source == null ? null : ctx.payload(a, "Source", source);
        if (id == null || payload == null || name == null || component == null) return;
        ctx.section().add(new Symbols.File(id, component, name, payload, a.yesNo("KeyPath", false),
                a.yesNo("Vital", true), a.yesNo("ReadOnly", false), a.yesNo("Hidden", false), a.yesNo("System", false),
                e.location()));
    }

    private void createFolder(SourceElement e, String component, String directory) {
        Attrs a = ctx.attrs(e, "Directory");
        String dir = a.has("Directory") ? a.id("Directory", true) : directory;
        if (a.has("Directory")) ctx.section().reference(Kind.DIRECTORY, dir, a.at("Directory"));
        ctx.children(e).run();
        if (dir != null && component != null) ctx.section().add(new Symbols.CreateFolder(dir, component, e.location()));
    }

    private void removeFile(SourceElement e, String component, String directory, boolean isFile) {
        Attrs a = isFile ? ctx.attrs(e, "Id", "Name", "On", "Directory", "Property") : ctx.attrs(e, "Id", "On", "Directory", "Property");
        String id = a.id("Id", true);
        String name = isFile ? a.required("Name") : null;
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
        String dirProperty = a.has("Directory") ? a.id("Directory", true) : a.has("Property") ? a.id("Property", true) : directory;
        if (a.has("Directory")) ctx.section().reference(Kind.DIRECTORY, dirProperty, a.at("Directory"));
        if (id != null && mode != 0 && dirProperty != null && component != null && (!isFile || name != null)) {
            ctx.section().add(new Symbols.RemoveFile(id, component, name, dirProperty, mode, e.location()));
        }
    }

    public void componentGroup(SourceElement e) {
        Attrs a = ctx.attrs(e, "Id", "Directory");
        String id = a.id("Id", true);
        String dir = a.id("Directory", false);
        if (dir != null) {
            dir = StandardDirectories.resolve(dir, ctx.x64());
            ctx.section().reference(Kind.DIRECTORY, dir, a.at("Directory"));
        }
        if (id != null) ctx.section().add(new Symbols.ComponentGroup(id, e.location()));
        Scope scope = new Scope(dir, id, null);
        ctx.children(e)
                .on("Component", c -> component(c, scope))
                .on("ComponentRef", c -> ref(c, Kind.COMPONENT, id, null))
                .on("ComponentGroupRef", c -> ref(c, Kind.COMPONENT_GROUP, id, null))
                .run();
    }

    /** ComponentRef / ComponentGroupRef inside a group or a feature. */
    public void ref(SourceElement e, Kind kind, String group, String feature) {
        Attrs a = ctx.attrs(e, kind == Kind.COMPONENT ? new String[] {"Id", "Primary"} : new String[] {"Id"});
        String id = a.id("Id", true);
        if (id == null) return;
        ctx.section().reference(kind, id, a.at("Id"));
        if (group != null) ctx.section().add(new Symbols.GroupMember(group, kind, id, e.location()));
        if (feature != null) ctx.section().add(new Symbols.FeatureMember(feature, kind, id, e.location()));
    }
}

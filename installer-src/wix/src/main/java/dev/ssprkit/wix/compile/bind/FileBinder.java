package dev.ssprkit.wix.compile.bind;

import dev.ssprkit.builder.ComponentSpec;
import dev.ssprkit.builder.DirectorySpec;
import dev.ssprkit.builder.FileSpec;
import dev.ssprkit.builder.Guids;
import dev.ssprkit.builder.RegistryData;
import dev.ssprkit.builder.RegistryRoot;
import dev.ssprkit.builder.RegistrySpec;
import dev.ssprkit.builder.ShortNames;
import dev.ssprkit.wix.compile.model.Symbols;
import dev.ssprkit.wix.diag.CompilerMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds the file-system family: directories (parents first, cycles reported), components with their files (PE version
 * or hash), registry values, key paths and derived GUIDs; CreateFolder, RemoveFile, Environment, services; shortcuts.
 */
final class FileBinder {
    private final BindContext ctx;

    FileBinder(BindContext ctx) {
        this.ctx = ctx;
    }

    void bind() {
        ctx.directories.put("TARGETDIR", ctx.pkg.targetDir());
        Map<String, Symbols.Directory> dirs = new HashMap<>();
        ctx.linked.all(Symbols.Directory.class).forEach(d -> dirs.putIfAbsent(d.id(), d));
        for (Symbols.Directory d : dirs.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList()) {
            directory(d.id(), dirs, new LinkedHashSet<>());
        }
        for (Symbols.Component c : ctx.linked.all(Symbols.Component.class).toList()) component(c);
        componentRows();
    }

    private DirectorySpec directory(String id, Map<String, Symbols.Directory> dirs, LinkedHashSet<String> path) {
        DirectorySpec done = ctx.directories.get(id);
        if (done != null) return done;
        Symbols.Directory d = dirs.get(id);
        if (d == null) return null;
        if (!path.add(id)) {
            ctx.report(CompilerMessage.DIRECTORY_CYCLE, d.location(), id, String.join(" -> ", path) + " -> " + id);
            ctx.directories.put(id, null);
            return null;
        }
        if (ctx.directories.containsKey(id)) return null;
        DirectorySpec parent = d.parent() == null ? ctx.pkg.targetDir() : directory(d.parent(), dirs, path);
        if (parent == null) {
            if (!ctx.directories.containsKey(d.parent()) && !dirs.containsKey(d.parent())) {
                ctx.report(CompilerMessage.UNRESOLVED_REFERENCE, d.location(), "Directory", d.parent());
            }
            ctx.directories.put(id, null);
            return null;
        }
        DirectorySpec spec = parent.subdirectory(id, d.name()).origin(ctx.origin(d.location()));
        ctx.directories.put(id, spec);
        return spec;
    }

    private void component(Symbols.Component c) {
        DirectorySpec dir = c.directory() == null ? null : ctx.directories.get(c.directory());
        if (dir == null) return; // reported as a dangling or cyclic directory
        ComponentSpec spec = ctx.pkg.component(c.id(), dir).origin(ctx.origin(c.location()));
        ctx.components.put(c.id(), spec);
        if (c.win64() != null) spec.win64(c.win64());
        spec.condition(c.condition()).permanent(c.permanent()).neverOverwrite(c.neverOverwrite()).sharedDllRefCount(c.sharedDllRefCount());
        List<Object> keyPaths = new ArrayList<>();
        Object firstCandidate = null;
        String keyPathTarget = null;
        for (Object o : ctx.linked.items()) {
            if (o instanceof Symbols.File f && f.component().equals(c.id())) {
                FileSpec fs = file(spec, f);
                if (fs == null) continue;
                if (firstCandidate == null) firstCandidate = f;
                if (f.keyPath()) keyPaths.add(f);
            } else if (o instanceof Symbols.Registry r && r.component().equals(c.id())) {
                RegistrySpec rs = spec.registry(r.id(), RegistryRoot.parse(r.root()), r.key(), r.name(),
                        r.data() == null ? RegistryData.keyOnly() : r.data()).origin(ctx.origin(r.location()));
                if (r.data() == null) rs.createKeyOnInstall(r.createKey()).deleteKeyOnUninstall(r.deleteKey());
                else if (firstCandidate == null) firstCandidate = r;
                if (r.keyPath()) keyPaths.add(r);
            }
        }
        if (c.directoryKeyPath()) keyPaths.add(c);
        if (keyPaths.size() > 1) {
            ctx.report(CompilerMessage.KEY_PATH_CONFLICT, c.location(), c.id(), keyPaths.size() + " marked KeyPath=\"yes\"");
        }
        Object keyPath = keyPaths.isEmpty() ? firstCandidate : keyPaths.get(0);
        if (keyPath instanceof Symbols.File f) {
            spec.keyPath(f.id());
            keyPathTarget = dir.path() + "\\" + f.name();
        } else if (keyPath instanceof Symbols.Registry r) {
            spec.keyPath(r.id());
            keyPathTarget = r.root() + "\\" + r.key() + "\\" + r.name();
        } else {
            spec.directoryKeyPath();
            keyPathTarget = dir.path();
        }
        if ("".equals(c.guid())) spec.unmanaged();
        else if ("*".equals(c.guid())) spec.guid(Guids.nameBased(ctx.linked.product().upgradeCode(), "Component", Binder.lower(keyPathTarget)));
        else spec.guid(c.guid());
    }

    private FileSpec file(ComponentSpec spec, Symbols.File f) {
        if (!Files.isRegularFile(f.source())) {
            ctx.report(CompilerMessage.MISSING_SOURCE_FILE, f.location(), f.source().getFileName(), f.source());
            return null;
        }
        try {
            long size = Files.size(f.source());
            if (size > Integer.MAX_VALUE) {
                ctx.report(CompilerMessage.FILE_TOO_LARGE, f.location(), f.source(), size);
                return null;
            }
        } catch (IOException e) {
            ctx.report(CompilerMessage.MISSING_SOURCE_FILE, f.location(), f.source().getFileName(), f.source() + " (" + e.getMessage() + ")");
            return null;
        }
        FileSpec fs = spec.file(f.id(), f.source(), f.name()).vital(f.vital()).readOnly(f.readOnly()).hidden(f.hidden())
                .system(f.system()).origin(ctx.origin(f.location()));
        String lower = Binder.lower(f.source().getFileName().toString());
        if (lower.endsWith(".dll") || lower.endsWith(".exe") || lower.endsWith(".sys") || lower.endsWith(".ocx")) {
            PeVersionReader.read(f.source()).ifPresent(v -> fs.version(v.version(), v.language()));
        }
        return fs;
    }

    /** Rows of the component-owned tables the builder does not model. */
    private void componentRows() {
        Set<String> createFolders = new HashSet<>();
        for (Object o : ctx.linked.items()) {
            if (o instanceof Symbols.CreateFolder cf && owned(cf.component()) && ctx.directories.get(cf.directory()) != null) {
                if (createFolders.add(cf.directory() + "/" + cf.component())) {
                    ctx.pkg.row("CreateFolder", ctx.origin(cf.location()), cf.directory(), cf.component());
                }
            } else if (o instanceof Symbols.RemoveFile r && owned(r.component())) {
                ctx.pkg.row("RemoveFile", ctx.origin(r.location()), r.id(), r.component(), r.name(), r.dirProperty(), r.installMode());
            } else if (o instanceof Symbols.Environment e && owned(e.component())) {
                ctx.pkg.row("Environment", ctx.origin(e.location()), e.id(), e.nameColumn(), e.value(), e.component());
            } else if (o instanceof Symbols.ServiceInstall s && owned(s.component())) {
                ctx.pkg.row("ServiceInstall", ctx.origin(s.location()), s.id(), s.name(), s.displayName(), s.serviceType(),
                        s.startType(), s.errorControl(), s.loadOrderGroup(), s.dependencies(), s.account(), s.password(),
                        s.arguments(), s.component(), s.description());
            } else if (o instanceof Symbols.ServiceControl s && owned(s.component())) {
                ctx.pkg.row("ServiceControl", ctx.origin(s.location()), s.id(), s.name(), s.event(), s.arguments(), s.waitFlag(), s.component());
            }
        }
    }

    private boolean owned(String component) {
        return ctx.components.containsKey(component);
    }

    /** Shortcuts, after features (an advertised shortcut's target is its component's feature). */
    void shortcuts() {
        Map<String, ShortNames> names = new HashMap<>();
        for (Symbols.Shortcut s : ctx.linked.all(Symbols.Shortcut.class).toList()) {
            if (!owned(s.component()) || ctx.directories.get(s.directory()) == null) continue;
            String target = s.target();
            if (s.advertise()) {
                target = ctx.featureOf.get(s.component());
                if (target == null) {
                    ctx.report(CompilerMessage.ADVERTISED_SHORTCUT_WITHOUT_FEATURE, s.location(), s.id(), s.component());
                    continue;
                }
            }
            String name = names.computeIfAbsent(s.directory(), d -> new ShortNames()).column(s.name());
            ctx.pkg.row("Shortcut", ctx.origin(s.location()), s.id(), s.directory(), name, s.component(), target,
                    s.arguments(), s.description(), null, s.icon(), s.iconIndex(), s.show(), s.workingDirectory(),
                    null, null, null, null);
        }
    }
}

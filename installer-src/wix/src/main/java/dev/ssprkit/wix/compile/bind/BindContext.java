package dev.ssprkit.wix.compile.bind;

import dev.ssprkit.builder.ComponentSpec;
import dev.ssprkit.builder.DirectorySpec;
import dev.ssprkit.builder.PackageBuilder;
import dev.ssprkit.wix.compile.link.Linked;
import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.diag.Message;
import dev.ssprkit.wix.diag.SourceLocation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** State shared by the binder's steps: the package being built and what has been bound so far. */
final class BindContext {
    final PackageBuilder pkg;
    final Linked linked;
    final Diagnostics diagnostics;
    final boolean x64;
    final Map<String, DirectorySpec> directories = new HashMap<>();
    final Map<String, ComponentSpec> components = new LinkedHashMap<>();
    /** The first feature each component was placed in (advertised shortcuts name it). */
    final Map<String, String> featureOf = new HashMap<>();
    private final Map<String, SourceLocation> origins = new HashMap<>();

    BindContext(PackageBuilder pkg, Linked linked, Diagnostics diagnostics, boolean x64) {
        this.pkg = pkg;
        this.linked = linked;
        this.diagnostics = diagnostics;
        this.x64 = x64;
    }

    /** The origin string rows carry for {@code at}; remembered so that a builder message can be located again. */
    String origin(SourceLocation at) {
        if (at == null) return null;
        String s = at.toString();
        origins.put(s, at);
        return s;
    }

    /** The source location named in a builder message, if any. */
    SourceLocation locate(String message) {
        if (message == null) return null;
        SourceLocation best = null;
        for (var e : origins.entrySet()) {
            if (message.contains(e.getKey()) && (best == null || e.getKey().length() > best.toString().length())) best = e.getValue();
        }
        return best;
    }

    void report(Message m, SourceLocation at, Object... args) {
        diagnostics.report(m, at, args);
    }
}

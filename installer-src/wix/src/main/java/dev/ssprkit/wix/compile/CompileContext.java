package dev.ssprkit.wix.compile;

import dev.ssprkit.wix.compile.model.Section;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.diag.Message;
import dev.ssprkit.wix.diag.SourceLocation;
import dev.ssprkit.wix.compile.files.InstallNames;
import dev.ssprkit.wix.source.SourceElement;
import dev.ssprkit.wix.source.SourceRoots;
import dev.ssprkit.wix.source.WixNamespace;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** What element handlers share while compiling one document: diagnostics, the schema version, the current section. */
public final class CompileContext {
    private final Diagnostics diagnostics;
    private final WixNamespace namespace;
    private final Path sourceDir;
    private final boolean x64;
    private final SourceRoots roots;
    private Section section;

    CompileContext(Diagnostics diagnostics, WixNamespace namespace, Path sourceDir, boolean x64, SourceRoots roots) {
        this.diagnostics = diagnostics;
        this.roots = roots;
        this.x64 = x64;
        this.namespace = namespace;
        this.sourceDir = sourceDir;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public WixNamespace namespace() {
        return namespace;
    }

    /** The build's platform is x64 (decides v4's ProgramFiles6432Folder and the default component bitness). */
    public boolean x64() {
        return x64;
    }

    public boolean v4() {
        return namespace == WixNamespace.V4;
    }

    /** Relative payload paths are resolved against the directory of the source file that names them. */
    public Path resolve(String path) {
        Path p = Path.of(path.replace('\\', '/'));
        return p.isAbsolute() ? p : sourceDir.resolve(p).normalize();
    }

    /**
     * The payload file an attribute names ({@code File/@Source}, {@code Binary/@SourceFile}...), resolved as
     * {@link #resolve}; null, after reporting WIX0115 at the attribute, when it lies outside the build's roots.
     */
    public Path payload(Attrs a, String attribute, String written) {
        Path p;
        try {
            p = resolve(written);
        } catch (java.nio.file.InvalidPathException e) {
            report(CompilerMessage.BAD_VALUE, a.at(attribute), attribute, InstallNames.shown(written), "not a path: " + e.getReason());
            return null;
        }
        if (!roots.allows(p)) {
            report(CompilerMessage.SOURCE_OUTSIDE_ROOTS, a.at(attribute), attribute, InstallNames.shown(written),
                    "it resolves to " + SourceRoots.resolve(p) + "; the build may read under " + roots.describe());
            return null;
        }
        return p;
    }

    /**
     * Checks a name created on the target machine ({@link InstallNames}); false, after reporting WIX0114 at the
     * attribute, when it is unusable.
     */
    public boolean installName(Attrs a, String attribute, String name, boolean dot) {
        String why = InstallNames.problem(name, dot);
        if (why == null) return true;
        report(CompilerMessage.BAD_INSTALL_NAME, a.at(attribute), attribute, InstallNames.shown(name), why);
        return false;
    }

    public Section section() {
        return section;
    }

    void section(Section section) {
        this.section = section;
    }

    public void report(Message m, SourceLocation at, Object... args) {
        diagnostics.report(m, at, args);
    }

    /** The element's attributes, allowing only {@code allowed}; text content is an error. */
    public Attrs attrs(SourceElement e, String... allowed) {
        noText(e);
        return new Attrs(e, diagnostics, new LinkedHashSet<>(Arrays.asList(allowed)));
    }

    /** Like {@link #attrs} for elements whose text is meaningful (v3 conditions). */
    public Attrs attrsWithText(SourceElement e, String... allowed) {
        return new Attrs(e, diagnostics, new LinkedHashSet<>(Arrays.asList(allowed)));
    }

    public Attrs attrs(SourceElement e, Set<String> allowed) {
        noText(e);
        return new Attrs(e, diagnostics, allowed);
    }

    private void noText(SourceElement e) {
        if (!e.text().isBlank()) {
            String t = e.text().strip();
            report(CompilerMessage.UNEXPECTED_TEXT, e.location(), e.localName(), t.length() > 40 ? t.substring(0, 37) + "..." : t);
        }
    }

    public Children children(SourceElement e) {
        return new Children(e, this);
    }

    /** The element's text as a condition (v3 style), null when empty. */
    public static String text(SourceElement e) {
        String t = e.text().strip();
        return t.isEmpty() ? null : t;
    }
}

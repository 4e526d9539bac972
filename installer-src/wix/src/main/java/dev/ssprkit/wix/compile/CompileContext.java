package dev.ssprkit.wix.compile;

import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.msi.schema.TableSchema;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.diag.Message;
import dev.ssprkit.wix.diag.SourceLocation;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.model.Section;
import dev.ssprkit.wix.model.Symbol;
import dev.ssprkit.wix.source.Platform;
import dev.ssprkit.wix.source.SourceElement;
import dev.ssprkit.wix.source.SourceRoots;
import dev.ssprkit.wix.source.WixNamespace;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * What element handlers share while compiling one document: diagnostics, the grammar, the schema generation, the
 * target platform, the section being filled, where payload is looked for, and the tables rows may go into.
 */
public final class CompileContext {

    private final Diagnostics diagnostics;
    private final Grammar grammar;
    private final WixNamespace namespace;
    private final Path sourceFile;
    private final Platform platform;
    private final SourceRoots roots;
    private final BindPaths bindPaths;
    private final Map<String, TableSchema> customTables;
    private final Set<WixExtension> usedExtensions;
    private final dev.ssprkit.wix.source.PayloadPrefetch prefetch;
    private final List<Section> sections = new ArrayList<>();
    private Section section;
    private final Map<String, Object> state = new java.util.HashMap<>();

    CompileContext(Diagnostics diagnostics, Grammar grammar, WixNamespace namespace, Path sourceFile, Platform platform,
                   SourceRoots roots, BindPaths bindPaths, Map<String, TableSchema> customTables, Set<WixExtension> usedExtensions,
                   dev.ssprkit.wix.source.PayloadPrefetch prefetch) {
        this.diagnostics = diagnostics;
        this.grammar = grammar;
        this.namespace = namespace;
        this.sourceFile = sourceFile;
        this.platform = platform;
        this.roots = roots;
        this.bindPaths = bindPaths;
        this.customTables = customTables;
        this.usedExtensions = usedExtensions;
        this.prefetch = prefetch;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public Grammar grammar() {
        return grammar;
    }

    public WixNamespace namespace() {
        return namespace;
    }

    /**
     * The element syntax is WiX v4+'s. A document in the v4 namespace whose package is a {@code <Product>} is the WiX 4
     * preview dialect, which kept v3's syntax (conditions as element text, BinaryKey, Feature/@Absent...).
     */
    public boolean v4() {
        return namespace == WixNamespace.V4 && !preview;
    }

    private boolean preview;

    /** Marks the document as the WiX 4 preview dialect (see {@link #v4()}). */
    void previewDialect(boolean preview) {
        this.preview = preview;
    }

    public Platform platform() {
        return platform;
    }

    /** The build's platform is x64 or arm64 (64-bit folders and components by default). */
    public boolean is64Bit() {
        return platform != Platform.X86;
    }

    // ---- sections

    public Section section() {
        return section;
    }

    /** Starts a section; the handlers of its children add to it. */
    public Section beginSection(Section.Type type, String id, SourceLocation at) {
        section = new Section(type, id, at);
        sections.add(section);
        return section;
    }

    List<Section> sections() {
        return sections;
    }

    public <T extends Symbol> T add(T symbol) {
        return section.add(symbol);
    }

    /** A new row of {@code table} (standard, an extension's or declared by a CustomTable), added to the section. */
    public Row row(String table, SourceLocation at) {
        TableSchema schema = schema(table);
        if (schema == null) {
            // a table this build does not declare yet: the element is reported, its row goes nowhere
            report(CompilerMessage.NOT_SUPPORTED_YET, at, "the " + table + " table", "rows of " + table + " cannot be written by this version");
            return Row.detached(table, at);
        }
        return section.add(new Row(schema, at));
    }

    /** The declaration of a table rows may go into, or null. */
    public TableSchema schema(String table) {
        TableSchema s = customTables.get(table);
        return s != null ? s : StandardSchema.get(table);
    }

    /** Declares a table (CustomTable, an extension's table) for the rest of the build. */
    public void declareTable(TableSchema schema) {
        customTables.put(schema.name(), schema);
    }

    public void reference(String kind, String id, SourceLocation at) {
        section.reference(kind, id, at);
    }

    /** A reference that links the defining fragment in when there is one and is no error when there is none. */
    public void optionalReference(String kind, String id, SourceLocation at) {
        section.optionalReference(kind, id, at);
    }

    void useExtension(WixExtension x, SourceLocation at) {
        usedExtensions.add(x);
    }

    /** Per-document state a family keeps between elements (e.g. feature display counters), created on first use. */
    @SuppressWarnings("unchecked")
    public <T> T state(String key, java.util.function.Supplier<T> create) {
        return (T) state.computeIfAbsent(key, k -> create.get());
    }

    // ---- reading elements

    public void report(Message m, SourceLocation at, Object... args) {
        diagnostics.report(m, at, args);
    }

    /** The element's attributes, allowing only {@code allowed}; text content is an error. */
    public Attrs attrs(SourceElement e, String... allowed) {
        noText(e);
        return new Attrs(e, this, Arrays.asList(allowed));
    }

    /** Like {@link #attrs} for elements whose text is meaningful (v3 conditions, property values). */
    public Attrs attrsWithText(SourceElement e, String... allowed) {
        return new Attrs(e, this, Arrays.asList(allowed));
    }

    /**
     * The attributes of an element whose condition WiX v3 wrote as text and v4 as {@code Condition}: in a v4 source,
     * text is still accepted (WiX v4's previews and half-converted sources write it; wix build before 4.0 read it),
     * with a warning that says where it moved. Read the condition with {@link #condition}.
     */
    public Attrs attrsWithConditionText(SourceElement e, String... allowed) {
        if (v4() && !e.text().isBlank()) {
            if (e.attr("Condition") != null) {
                noText(e);
            } else {
                report(CompilerMessage.DEPRECATED, e.location(), "a condition in the text of <" + e.localName() + "> is WiX v3's form",
                        "in WiX v4 and later write it as Condition=\"...\"");
            }
        }
        return new Attrs(e, this, Arrays.asList(allowed));
    }

    /** The condition of an element read with {@link #attrsWithConditionText}: the Condition attribute (v4), else the text. */
    public String condition(SourceElement e, Attrs a) {
        String c = v4() ? a.str("Condition") : null;
        return c != null ? c : text(e);
    }

    private void noText(SourceElement e) {
        if (!e.text().isBlank()) {
            String t = e.text().strip();
            report(CompilerMessage.UNEXPECTED_TEXT, e.location(), e.localName(), t.length() > 40 ? t.substring(0, 37) + "..." : t);
        }
    }

    public Children children(SourceElement e, Scope scope) {
        return new Children(e, this, scope);
    }

    /** The element's text as a condition (v3 style), null when empty. */
    public static String text(SourceElement e) {
        String t = e.text().strip();
        return t.isEmpty() ? null : t;
    }

    // ---- payload and names

    /**
     * The payload file an attribute names ({@code File/@Source}, {@code Binary/@SourceFile}...): a
     * {@code !(bindpath.NAME)} prefix is looked up in the named bind path, {@code SourceDir\} and other relative paths
     * in the bind paths, the working directory and the source's folder (the first that has the file wins; when none
     * has it, the first candidate is returned and binding reports it missing). Null, after reporting WIX0115, when it
     * lies outside the build's roots.
     */
    public Path payload(Attrs a, String attribute, String written) {
        Path p;
        try {
            p = locate(written);
        } catch (InvalidPathException e) {
            report(CompilerMessage.BAD_VALUE, a.at(attribute), attribute, InstallNames.shown(written), "not a path: " + e.getReason());
            return null;
        }
        if (p == null) {
            report(CompilerMessage.BAD_VALUE, a.at(attribute), attribute, InstallNames.shown(written), "no bind path of that name was given (-bindpath NAME=DIR)");
            return null;
        }
        if (!roots.allows(p)) {
            report(CompilerMessage.SOURCE_OUTSIDE_ROOTS, a.at(attribute), attribute, InstallNames.shown(written),
                    "it resolves to " + SourceRoots.resolve(p) + "; the build may read under " + roots.describe());
            return null;
        }
        // the same path without what resolving and checking it cached in the path object (the offsets of its names,
        // its text): the build keeps one per payload file to the end of binding, 100,000 for 100,000 files
        Path kept = Path.of(p.toString());
        prefetch.start(kept);
        return kept;
    }

    /** Whether a file found by a wildcard lies where the build may read; false after reporting WIX0115. */
    public boolean payloadAllowed(Attrs a, String attribute, Path p) {
        if (roots.allows(p)) {
            prefetch.start(p);
            return true;
        }
        report(CompilerMessage.SOURCE_OUTSIDE_ROOTS, a.at(attribute), attribute, InstallNames.shown(p.toString()),
                "it resolves to " + SourceRoots.resolve(p) + "; the build may read under " + roots.describe());
        return false;
    }

    private Path locate(String written) {
        Matcher m = BindPaths.namedPrefix(written);
        List<Path> folders;
        String rest;
        if (m != null) {
            folders = bindPaths.named(m.group(1));
            if (folders == null) return null;
            rest = m.group(2);
        } else {
            rest = written;
            boolean sourceDir = rest.regionMatches(true, 0, "SourceDir\\", 0, 10) || rest.regionMatches(true, 0, "SourceDir/", 0, 10);
            if (sourceDir) rest = rest.substring(10);
            Path direct = Path.of(BindPaths.windowsPath(rest));
            if (direct.isAbsolute()) return direct.normalize();
            folders = bindPaths.folders(sourceDirectory());
            // one folder and no fallback: the file is there or nowhere, so no file-system call per payload file here
            Path found = folders.size() == 1 && !sourceDir ? folders.get(0).resolve(direct).normalize() : firstExisting(folders, direct);
            // a literal "SourceDir/..." folder beside the sources (as wixl resolves it) is the last resort
            if (found == null && sourceDir) found = firstExisting(folders, Path.of(BindPaths.windowsPath(written)));
            return found != null ? found : folders.get(0).resolve(direct).normalize();
        }
        Path found = folders.size() == 1 ? null : firstExisting(folders, Path.of(BindPaths.windowsPath(rest)));
        return found != null ? found : folders.get(0).resolve(Path.of(BindPaths.windowsPath(rest))).normalize();
    }

    private static Path firstExisting(List<Path> folders, Path relative) {
        for (Path folder : folders) {
            Path candidate = folder.resolve(relative).normalize();
            if (Files.exists(candidate)) return candidate;
        }
        return null;
    }

    public Path sourceDirectory() {
        Path dir = sourceFile.toAbsolutePath().getParent();
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }

    public Path sourceFile() {
        return sourceFile;
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

    /**
     * A stable identifier for an element the source leaves unnamed: {@code prefix} and a hash of what identifies the
     * element (its kind, parent and names), so the same source gives the same id on every build.
     */
    public static String generatedId(String prefix, String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            for (String p : parts) {
                md.update(String.valueOf(p).toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return prefix + HexFormat.of().withUpperCase().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

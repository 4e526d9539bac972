package dev.ssprkit.msi.layout;

import dev.ssprkit.msi.MsiException;
import dev.ssprkit.msi.ReadWarning;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where each file of a package goes, relative to a root, resolving the Directory table as Windows Installer does:
 * {@code DefaultDir} and {@code File.FileName} are {@code short|long} (the long name wins; the target part comes before
 * any {@code :}), {@code .} means "the parent itself", and a directory whose parent has no row hangs from the root
 * (as msiextract and lessmsi read it; reported as a warning, ICE03's foreign-key check).
 *
 * <p>{@link Style#WINDOWS} (the default) treats the root as the system drive: TARGETDIR is its root and a standard
 * folder ({@link StandardFolders}) is its real folder ({@code Program Files}, {@code Windows/System32}...) whatever
 * its parent, for the package's own platform (its summary Template) and scope (ALLUSERS). {@link Style#IDS} keeps
 * the standard folders under their raw ids ({@code ProgramFilesFolder/...}).
 */
public final class InstallLayout {
    /** How standard folders are named. */
    public enum Style { WINDOWS, IDS }

    private final Style style;
    private final boolean x64;
    private final boolean perMachine;
    private final Map<String, Row> dirs = new HashMap<>();
    private final Map<String, String> dirPaths = new HashMap<>();
    private final Map<String, String> filePaths = new LinkedHashMap<>();
    private final List<ReadWarning> warnings = new ArrayList<>();

    public InstallLayout(Database db) throws MsiException {
        this(db, Style.WINDOWS);
    }

    public InstallLayout(Database db, Style style) throws MsiException {
        this.style = style;
        this.x64 = is64Bit(db);
        this.perMachine = isPerMachine(db);
        Table dirTable = db.tableOrNull("Directory");
        if (dirTable != null) for (Row r : dirTable.rows()) dirs.put(r.string("Directory"), r);
        for (Row r : dirTable == null ? List.<Row>of() : dirTable.rows()) resolve(r.string("Directory"));
        Table files = db.tableOrNull("File");
        Table comps = db.tableOrNull("Component");
        if (files == null) return;
        Map<String, Row> components = new HashMap<>();
        if (comps != null) for (Row c : comps.rows()) components.put(c.string("Component"), c);
        for (Row f : files.rows()) {
            Row comp = components.get(f.string("Component_"));
            if (comp == null) throw new MsiException("table File", "file " + f.string("File") + " names component " + f.string("Component_") + " which does not exist");
            String dir = dirPaths.get(comp.string("Directory_"));
            if (dir == null) throw new MsiException("table Component", "component " + comp.string("Component") + " names directory " + comp.string("Directory_") + " which does not exist");
            String name = longName(f.string("FileName"));
            checkSegment(name, "file " + f.string("File"));
            filePaths.put(f.string("File"), dir.isEmpty() ? name : dir + "/" + name);
        }
    }

    /** True when the package's summary Template names a 64-bit platform (x64, Intel64, Arm64, AMD64). */
    static boolean is64Bit(Database db) {
        String template = db.summary() == null ? null : db.summary().template;
        if (template == null) return false;
        String platform = template.split(";", 2)[0].toLowerCase(Locale.ROOT);
        for (String p : platform.split(",")) {
            if (p.equals("x64") || p.equals("intel64") || p.equals("arm64") || p.equals("amd64")) return true;
        }
        return false;
    }

    /** ALLUSERS=1 or 2 in the Property table: the Start menu, desktop and templates are the all-users ones. */
    static boolean isPerMachine(Database db) {
        Table props = db.tableOrNull("Property");
        if (props == null) return false;
        Row all = props.find("ALLUSERS");
        String v = all == null ? null : all.string("Value");
        return "1".equals(v) || "2".equals(v);
    }

    /**
     * Resolves a directory and its ancestors without recursion (a hostile package may chain 100,000 directories), and
     * refuses a loop, which Windows cannot resolve either.
     */
    private String resolve(String id) throws MsiException {
        String known = dirPaths.get(id);
        if (known != null) return known;
        List<String> chain = new ArrayList<>();
        Set<String> onChain = new LinkedHashSet<>();
        String cur = id;
        while (cur != null && !dirPaths.containsKey(cur)) {
            if (!onChain.add(cur)) {
                throw new MsiException("table Directory", "directory " + cur + " is its own ancestor (" + String.join(" → ", onChain) + " → " + cur + ")");
            }
            chain.add(cur);
            Row r = dirs.get(cur);
            String parent = r.string("Directory_Parent");
            if (parent == null || parent.equals(cur)) break;
            if (!dirs.containsKey(parent)) {
                warnings.add(new ReadWarning("table Directory row " + cur, "its parent " + parent
                        + " has no Directory row; it is laid out under the root, as msiextract and lessmsi do", "ICE03"));
                break;
            }
            cur = parent;
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            String d = chain.get(i);
            Row r = dirs.get(d);
            String parent = r.string("Directory_Parent");
            String parentPath = parent == null || parent.equals(d) || !dirs.containsKey(parent) ? "" : dirPaths.get(parent);
            dirPaths.put(d, place(d, r, parent, parentPath));
        }
        return dirPaths.get(id);
    }

    private String place(String id, Row r, String parent, String parentPath) throws MsiException {
        boolean root = parent == null || parent.equals(id);
        String standard = standardFolder(id);
        if (standard != null) { // wherever it hangs, even as a root of its own
            if (style == Style.WINDOWS) return StandardFolders.path(standard, x64, perMachine);
            return join(parentPath, id);
        }
        if (root) return ""; // TARGETDIR (SourceDir): the root of the layout
        String name = longName(target(r.string("DefaultDir")));
        if (name.equals(".")) return parentPath;
        checkSegment(name, "directory " + id);
        return join(parentPath, name);
    }

    /**
     * The standard folder a Directory id names: the id itself, or in a merge module the id with the module's
     * {@code .GUID} suffix (mergemod sets {@code SystemFolder.<guid>} to {@code [SystemFolder]}); else null.
     */
    static String standardFolder(String id) {
        if (StandardFolders.isStandard(id)) return id;
        int dot = id.indexOf('.');
        if (dot > 0 && id.length() - dot - 1 == 36 && StandardFolders.isStandard(id.substring(0, dot))
                && id.substring(dot + 1).matches("[0-9A-Fa-f]{8}(_[0-9A-Fa-f]{4}){3}_[0-9A-Fa-f]{12}")) {
            return id.substring(0, dot);
        }
        return null;
    }

    private static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "/" + name;
    }

    private static String target(String defaultDir) {
        if (defaultDir == null) return ".";
        int colon = defaultDir.indexOf(':');
        return colon >= 0 ? defaultDir.substring(0, colon) : defaultDir;
    }

    /** The long part of a {@code short|long} name. */
    public static String longName(String name) {
        int bar = name.indexOf('|');
        return bar >= 0 ? name.substring(bar + 1) : name;
    }

    private static void checkSegment(String name, String what) throws MsiException {
        if (name.isEmpty() || name.equals("..") || name.contains("/") || name.contains("\\") || name.contains("\0") || name.contains(":")) {
            throw new MsiException("layout", what + " has an unsafe name '" + name + "'");
        }
    }

    /** File key → relative path with '/' separators. */
    public Map<String, String> files() {
        return Collections.unmodifiableMap(filePaths);
    }

    /** A directory's relative path ('/'-separated, "" for the root), or null when the id has no row. */
    public String directory(String id) {
        return dirPaths.get(id);
    }

    /** Directory rows read although they are wrong (a parent with no row). */
    public List<ReadWarning> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** Whether standard folders were given the 64-bit Windows names. */
    public boolean x64() {
        return x64;
    }

    public Style style() {
        return style;
    }
}

package dev.ssprkit.wix.bind;

import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.schema.Category;
import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.msi.schema.TableSchema;
import dev.ssprkit.wix.compile.core.StandardDirectories;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.SourceLocation;
import dev.ssprkit.wix.model.CustomTableSymbol;
import dev.ssprkit.wix.model.MergeSymbol;
import dev.ssprkit.wix.model.ModuleTables;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.model.Scheduled;
import dev.ssprkit.wix.source.Platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Merges each {@code <Merge>}'s module into the package, as a merge tool does (the SDK's "Merge Modules" pages; WiX
 * hands this to mergemod.dll): every table's rows except the module-only tables and those ModuleIgnoreTable lists,
 * configured by ModuleSubstitution; the module's root (its TARGETDIR) hung under the Merge's directory, and its
 * aliases of standard folders ({@code ProgramFilesFolder.GUID}) set to the real folders by type-51 actions before
 * CostInitialize; its components in FeatureComponents for every feature that references it with MergeRef (the
 * primary feature replacing the null-GUID feature placeholder); its ModuleXxxSequence actions placed in the package's
 * sequences (a standard action the package schedules keeps the package's place); its files extracted from
 * MergeModule.CABinet and handed to the media step, which numbers them after the package's own. ModuleSignature,
 * ModuleComponents, ModuleDependency and ModuleExclusion stay in the package, as the SDK says merged modules leave
 * them. A row whose key the package (or an earlier module) already has with other data is a conflict, reported with
 * both places; dependencies and exclusions are checked across all merged modules.
 */
final class MergeStep {
    private static final String NULL_GUID = "{00000000-0000-0000-0000-000000000000}";
    /** The five standard sequence tables: a module's are empty (its actions are in ModuleXxxSequence). */
    private static final Set<String> STANDARD_SEQUENCES = ModuleTables.SEQUENCES.keySet();

    private record Merged(MergeSymbol merge, Path file, String moduleId, int language, String version,
                          List<Object[]> dependencies, List<Object[]> exclusions) {}

    private final BindContext ctx;
    private final List<Merged> merged = new ArrayList<>();
    /** Who placed each action so far ("table/action" → the package, or a module's ModuleID). */
    private final Map<String, String> scheduled = new java.util.HashMap<>();

    MergeStep(BindContext ctx) {
        this.ctx = ctx;
    }

    void run() {
        List<MergeSymbol> merges = ctx.linked.all(MergeSymbol.class);
        if (merges.isEmpty()) return;
        for (Scheduled s : ctx.linked.all(Scheduled.class)) scheduled.put(s.table() + "/" + s.action(), "the package");
        for (int i = 0; i < merges.size(); i++) merge(merges.get(i), i);
        if (!ctx.failed()) checkDependencies();
    }

    private void merge(MergeSymbol m, int index) {
        List<String> features = ctx.linked.featuresOfMerge().getOrDefault(m.id(), List.of());
        if (features.isEmpty()) {
            ctx.report(CompilerMessage.MERGE_WITHOUT_FEATURE, m.location(), m.id());
            return;
        }
        MergeModuleFile module;
        try {
            module = MergeModuleFile.open(m.source());
        } catch (NoSuchFileException e) {
            ctx.report(CompilerMessage.MISSING_SOURCE_FILE, m.location(), m.source().getFileName(), "looked for " + m.source());
            return;
        } catch (MergeModuleFile.Problem | IOException e) {
            ctx.report(CompilerMessage.MERGE_NOT_A_MODULE, m.location(), m.id(), m.source(), e.getMessage());
            return;
        }
        try (module) {
            Path work = ctx.options.workDirectory().resolve("msm-" + index);
            if (!accepts(m, module)) return;
            module.configure(m.configuration());
            MergedRows rows = new MergedRows(m, module, features.get(0), work);
            rows.tables();
            if (ctx.failed()) return;
            rows.files(module.extractFiles(work.resolve("files")));
            rows.featureComponents(features);
            rows.folderAliases();
            sequences(m, module);
            merged.add(new Merged(m, m.source(), module.moduleId, module.language, module.version,
                    new ArrayList<>(module.rows("ModuleDependency")), new ArrayList<>(module.rows("ModuleExclusion"))));
        } catch (MergeModuleFile.Problem e) {
            ctx.report(CompilerMessage.MERGE_FAILED, m.location(), m.id(), m.source().getFileName(), e.getMessage());
        } catch (IOException e) {
            ctx.report(CompilerMessage.MERGE_FAILED, m.location(), m.id(), m.source().getFileName(),
                    "reading it failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** Language (mergemod's OpenModule: 0 on either side accepts), platform, and configurable items given. */
    private boolean accepts(MergeSymbol m, MergeModuleFile module) {
        if (m.language() != 0 && module.language != 0 && !languageMatches(module.language, m.language())) {
            ctx.report(CompilerMessage.MERGE_LANGUAGE, m.location(), m.id(), m.source().getFileName(), module.language, m.language());
            return false;
        }
        String platform = module.platform();
        boolean module64 = !platform.equalsIgnoreCase("Intel");
        if (module64 && ctx.platform == Platform.X86) {
            ctx.report(CompilerMessage.MERGE_FAILED, m.location(), m.id(), m.source().getFileName(),
                    "it is a " + platform + " module (summary Template) and this package is 32-bit; build the package with -arch x64 or merge the module's 32-bit edition");
            return false;
        }
        List<String> items = module.configurableItems();
        for (String name : m.configuration().keySet()) {
            if (!items.contains(name)) {
                ctx.report(CompilerMessage.MERGE_UNUSED_CONFIGURATION, m.location(), m.id(), m.source().getFileName(), name,
                        items.isEmpty() ? "(none)" : String.join(", ", items));
            }
        }
        return true;
    }

    /** A language id matches itself; a primary language id (a group, e.g. 9) matches each of its sublanguages. */
    static boolean languageMatches(int actual, int wanted) {
        if (wanted == 0 || actual == wanted) return true;
        return (wanted & ~0x3FF) == 0 && (actual & 0x3FF) == wanted;
    }

    /** ModuleXxxSequence rows become placements in the package's sequences, resolved by the sequence step. */
    private void sequences(MergeSymbol m, MergeModuleFile module) {
        for (Map.Entry<String, String> e : ModuleTables.SEQUENCES.entrySet()) {
            String table = e.getKey(), moduleTable = e.getValue();
            if (!module.tables().contains(moduleTable)) continue;
            TableSchema s = module.schema(moduleTable);
            int action = s.indexOf("Action"), sequence = s.indexOf("Sequence"), base = s.indexOf("BaseAction"),
                    after = s.indexOf("After"), condition = s.indexOf("Condition");
            if (action < 0 || sequence < 0 || base < 0 || after < 0 || condition < 0) continue;
            for (Object[] r : module.rows(moduleTable)) {
                String name = (String) r[action];
                String key = table + "/" + name;
                boolean standard = StandardNames.isStandardAction(name);
                String before = scheduled.putIfAbsent(key, module.moduleId);
                if (before != null) {
                    // a standard action the package (or another module) already schedules keeps that place (SDK);
                    // the same module merged twice places its actions once
                    if (!standard && !before.equals(module.moduleId)) {
                        ctx.report(CompilerMessage.MERGE_CONFLICT, m.location(), m.id(), m.source().getFileName(), moduleTable,
                                "'" + name + "' (the action is already in " + table + ")", before);
                    }
                    continue;
                }
                String anchor = (String) r[base];
                String cond = (String) r[condition];
                Scheduled placed;
                if (anchor != null) {
                    boolean isAfter = Integer.valueOf(1).equals(r[after]);
                    placed = new Scheduled(table, name, cond, null, isAfter ? null : anchor, isAfter ? anchor : null, false, false, m.location());
                } else if (r[sequence] instanceof Integer n) {
                    placed = new Scheduled(table, name, cond, n, null, null, false, false, m.location());
                } else {
                    continue; // neither a number nor a base action: nothing to place
                }
                ctx.linked.add(placed);
            }
        }
    }

    private void checkDependencies() {
        for (Merged a : merged) {
            for (Object[] d : a.dependencies()) {
                String id = (String) d[2];
                int language = d[3] instanceof Integer n ? n : 0;
                String version = (String) d[4];
                boolean found = false;
                for (Merged b : merged) {
                    found |= b.moduleId().equals(id) && languageMatches(b.language(), language)
                            && (version == null || compareVersions(b.version(), version) >= 0);
                }
                if (!found) {
                    ctx.report(CompilerMessage.MERGE_DEPENDENCY_MISSING, a.merge().location(), a.merge().id(), a.file().getFileName(),
                            id + " (language " + language + (version == null ? "" : ", version " + version + " or later") + ")");
                }
            }
            for (Object[] x : a.exclusions()) {
                String id = (String) x[2];
                int language = x[3] instanceof Integer n ? n : 0;
                String min = (String) x[4], max = (String) x[5];
                for (Merged b : merged) {
                    if (b == a || !b.moduleId().equals(id)) continue;
                    boolean languageExcluded = language == 0 || (language > 0 ? languageMatches(b.language(), language) : !languageMatches(b.language(), -language));
                    boolean versionExcluded = (min == null || compareVersions(b.version(), min) >= 0) && (max == null || compareVersions(b.version(), max) <= 0);
                    if (languageExcluded && versionExcluded) {
                        ctx.report(CompilerMessage.MERGE_EXCLUDED, a.merge().location(), a.merge().id(), a.file().getFileName(),
                                id + " (language " + b.language() + ", version " + b.version() + ")", b.merge().id());
                    }
                }
            }
        }
    }

    /** Dotted versions compared field by field as numbers (a missing field is 0); text that is no number compares as 0. */
    static int compareVersions(String a, String b) {
        String[] x = String.valueOf(a).split("\\."), y = String.valueOf(b).split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? number(x[i]) : 0, q = i < y.length ? number(y[i]) : 0;
            if (p != q) return Long.compare(p, q);
        }
        return 0;
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The rows of one module on their way into the package. */
    private final class MergedRows {
        private final MergeSymbol merge;
        private final MergeModuleFile module;
        private final String primaryFeature;
        private final Path work;
        private final List<Row> files = new ArrayList<>();
        private int streams;

        MergedRows(MergeSymbol merge, MergeModuleFile module, String primaryFeature, Path work) {
            this.merge = merge;
            this.module = module;
            this.primaryFeature = primaryFeature;
            this.work = work;
        }

        /** Every mergeable table's rows, converted to the package's declaration of the table. */
        void tables() throws IOException {
            Set<String> ignored = module.ignoredTables();
            for (String table : module.tables()) {
                if (table.startsWith("_") || ModuleTables.MODULE_ONLY.contains(table) || ignored.contains(table)
                        || STANDARD_SEQUENCES.contains(table) || table.equals("MsiFileHash")) {
                    continue; // MsiFileHash is computed again from the extracted bytes
                }
                TableSchema source = module.schema(table);
                TableSchema target = target(table, source);
                if (target == null) continue;
                List<Object[]> rows = new ArrayList<>(module.rows(table));
                int sequence = source.indexOf("Sequence");
                if (table.equals("File") && sequence >= 0) {
                    // the module's own file order (its cabinet's), which the media step keeps after the package's files
                    rows.sort(java.util.Comparator.comparingInt(r -> r[sequence] instanceof Integer n ? n : Integer.MAX_VALUE));
                }
                for (Object[] cells : rows) {
                    Row row = row(table, source, target, cells);
                    if (row != null && add(row) && table.equals("File")) files.add(row);
                }
            }
        }

        /** The package's declaration of a module table, or null (reported) when the two disagree. */
        private TableSchema target(String table, TableSchema source) {
            List<Row> existing = ctx.rows(table);
            TableSchema target = !existing.isEmpty() ? existing.get(0).schema() : StandardSchema.get(table);
            if (target == null) {
                for (CustomTableSymbol t : ctx.linked.all(CustomTableSymbol.class)) if (t.schema().name().equals(table)) target = t.schema();
            }
            if (target == null) {
                // a table of the module's own (a custom action's data): it comes into the package as declared
                ctx.linked.add(new CustomTableSymbol(source, false, merge.location()));
                return source;
            }
            if (!compatible(source, target)) {
                ctx.report(CompilerMessage.MERGE_FAILED, merge.location(), merge.id(), module.path.getFileName(),
                        "its " + table + " table has the columns " + source.columnNames() + ", the package's has " + target.columnNames());
                return null;
            }
            return target;
        }

        private static boolean compatible(TableSchema a, TableSchema b) {
            if (a.columns().size() != b.columns().size()) return false;
            for (int i = 0; i < a.columns().size(); i++) {
                Column x = a.columns().get(i), y = b.columns().get(i);
                if (!x.name().equalsIgnoreCase(y.name()) || x.isString() != y.isString() || x.isBinary() != y.isBinary()) return false;
            }
            return true;
        }

        private Row row(String table, TableSchema source, TableSchema target, Object[] cells) throws IOException {
            Row row = new Row(target, merge.location());
            for (int i = 0; i < cells.length; i++) {
                Object v = cells[i];
                Column c = target.columns().get(i);
                if (NULL_GUID.equals(v) && c.category() != Category.GUID) v = primaryFeature; // "Referencing Features in Merge Modules"
                if (v instanceof StreamData data) {
                    Files.createDirectories(work.resolve("streams"));
                    v = module.copyStream(data, work.resolve("streams").resolve("s" + (streams++)));
                }
                row.set(i, v);
            }
            if (table.equals("Directory")) {
                // the module's single root, TARGETDIR, becomes the directory the <Merge> is written in
                if ("TARGETDIR".equals(row.str("Directory"))) return null;
                if ("TARGETDIR".equals(row.str("Directory_Parent"))) row.set("Directory_Parent", merge.directory());
            }
            return row;
        }

        /** Adds a row unless the package has it already: the same data is merged once, other data is a conflict. */
        private boolean add(Row row) {
            String key = row.primaryKey();
            Row existing = key == null ? null : ctx.linked.row(row.table(), key);
            if (existing == null) {
                ctx.linked.add(row);
                return true;
            }
            if (!same(existing, row)) {
                SourceLocation other = existing.location();
                ctx.report(CompilerMessage.MERGE_CONFLICT, merge.location(), merge.id(), module.path.getFileName(), row.table(),
                        "'" + key + "' (module: " + cells(row) + "; package: " + cells(existing) + ")",
                        other == null ? "(made by the build)" : other.toString());
            }
            return false;
        }

        private boolean same(Row a, Row b) {
            if (a.size() != b.size()) return false;
            for (int i = 0; i < a.size(); i++) {
                Object x = a.get(i), y = b.get(i);
                if (x instanceof Path p && y instanceof Path q) {
                    try {
                        if (Files.mismatch(p, q) != -1) return false;
                    } catch (IOException e) {
                        return false;
                    }
                } else if (!Objects.equals(x, y)) {
                    return false;
                }
            }
            return true;
        }

        private static String cells(Row r) {
            StringJoiner j = new StringJoiner(" | ");
            for (int i = 0; i < r.size(); i++) j.add(r.get(i) instanceof Path ? "(binary)" : String.valueOf(r.get(i)));
            return j.toString();
        }

        /**
         * Each merged File row gets the bytes of its cabinet entry, the Merge's disk, and the compression the Merge
         * asks for (WiX sets or clears the compressed/uncompressed Attributes bits the same way).
         */
        void files(Map<String, Path> payload) throws MergeModuleFile.Problem, IOException {
            for (Row r : files) {
                String key = r.str("File");
                Path bytes = payload.get(key);
                if (bytes == null) throw new MergeModuleFile.Problem("its File row " + key + " has no entry in " + ModuleStep.CABINET);
                int attributes = r.integer("Attributes") == null ? 0 : r.integer("Attributes");
                Boolean compressed = merge.fileCompression();
                if (compressed == null) attributes &= ~(0x2000 | 0x4000);
                else attributes = compressed ? (attributes | 0x4000) & ~0x2000 : (attributes | 0x2000) & ~0x4000;
                r.set("Attributes", attributes);
                long size = Files.size(bytes);
                r.set("FileSize", (int) Math.min(size, Integer.MAX_VALUE)).set("Sequence", 1);
                String name = r.str("FileName");
                r.extra("Name", name.contains("|") ? name.substring(name.indexOf('|') + 1) : name);
                r.extra("DiskId", merge.diskId() != null ? merge.diskId() : 1).extra("Compressed", compressed);
                BindContext.FileFacts f = new BindContext.FileFacts(r, bytes);
                f.size = size;
                f.version = r.str("Version");
                f.language = r.str("Language");
                ctx.files.put(key, f);
            }
        }

        /** FeatureComponents: each component of the module in each feature that references the Merge. */
        void featureComponents(List<String> features) {
            TableSchema fc = StandardSchema.require("FeatureComponents");
            for (Object[] c : module.rows("Component")) {
                for (String feature : features) add(new Row(fc, merge.location()).set("Feature_", feature).set("Component_", c[0]));
            }
        }

        /**
         * A module aliases the standard folders it installs into ({@code ProgramFilesFolder.GUID}); a merge tool
         * adds a type-51 action setting each alias to the real folder before costing (ICEM09), unless the module
         * brings its own.
         */
        void folderAliases() {
            Set<String> actions = new HashSet<>();
            for (Object[] a : module.rows("CustomAction")) actions.add((String) a[0]);
            for (Object[] d : module.rows("Directory")) {
                String id = (String) d[0];
                int dot = id.indexOf('.');
                if (dot <= 0 || actions.contains(id)) continue;
                String folder = id.substring(0, dot);
                if (folder.equals("TARGETDIR") || !StandardDirectories.isStandard(folder)) continue;
                Row action = new Row(StandardSchema.require("CustomAction"), merge.location())
                        .set("Action", id).set("Type", 51).set("Source", id).set("Target", "[" + folder + "]");
                if (!add(action)) continue;
                for (String table : STANDARD_SEQUENCES) {
                    if (scheduled.putIfAbsent(table + "/" + id, module.moduleId) == null) {
                        ctx.linked.add(new Scheduled(table, id, null, null, "CostInitialize", null, false, false, merge.location()));
                    }
                }
            }
        }
    }
}

package dev.ssprkit.wix.bind;

import dev.ssprkit.cab.CabinetReader;
import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.msi.schema.TableSchema;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One .msm opened for merging: its signature, its tables as mutable rows, its configurable items applied
 * (ModuleSubstitution with the Merge's ConfigurationData, else each item's DefaultValue, as the SDK's "Configurable
 * Merge Modules" describes), and its files extracted from {@code MergeModule.CABinet}. Problems are thrown as
 * {@link Problem} with a sentence for the Merge's message; the file is read through the bounded MSI reader.
 */
final class MergeModuleFile implements Closeable {
    /** A reason the module cannot be merged, said for the author (the file is named by the caller). */
    static final class Problem extends Exception {
        Problem(String message) {
            super(message);
        }
    }

    private static final Pattern ITEM = Pattern.compile("\\[=([^\\[\\]]*)]");

    final Path path;
    private final Database db;
    final String moduleId;
    final int language;
    final String version;
    /** Rows per table (cells copied, so substitutions never touch the reader's model), in the module's table order. */
    private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();

    private MergeModuleFile(Path path, Database db, String moduleId, int language, String version) {
        this.path = path;
        this.db = db;
        this.moduleId = moduleId;
        this.language = language;
        this.version = version;
        for (Table t : db.tables().values()) {
            List<Object[]> copy = new ArrayList<>(t.rows().size());
            for (var r : t.rows()) copy.add(r.cells());
            rows.put(t.name(), copy);
        }
    }

    /** Opens {@code path}; a file that is no installation database, or one without a ModuleSignature, is a {@link Problem}. */
    static MergeModuleFile open(Path path) throws Problem, IOException {
        if (!Files.isRegularFile(path)) throw new java.nio.file.NoSuchFileException(path.toString());
        Database db;
        try {
            db = MsiReader.read(path);
        } catch (dev.ssprkit.msi.MsiException e) {
            throw new Problem(e.getMessage());
        }
        try {
            Table signature = db.tableOrNull("ModuleSignature");
            if (signature == null || signature.rows().isEmpty()) {
                throw new Problem("it has no ModuleSignature " + (signature == null ? "table" : "row") + " (an installation package, not a module?)");
            }
            var s = signature.rows().get(0);
            Object id = s.get("ModuleID"), language = s.get("Language"), version = s.get("Version");
            if (!(id instanceof String) || !(language instanceof Integer)) throw new Problem("its ModuleSignature row has no ModuleID or Language");
            return new MergeModuleFile(path, db, (String) id, (Integer) language, (String) version);
        } catch (Problem | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    List<String> tables() {
        return new ArrayList<>(rows.keySet());
    }

    TableSchema schema(String table) {
        return db.table(table).schema();
    }

    /** The rows of a table (live: edits stay), empty when the module lacks it. */
    List<Object[]> rows(String table) {
        return rows.getOrDefault(table, new ArrayList<>());
    }

    /** The tables ModuleIgnoreTable names. */
    Set<String> ignoredTables() {
        Set<String> out = new TreeSet<>();
        for (Object[] r : rows("ModuleIgnoreTable")) if (r[0] instanceof String t) out.add(t);
        return out;
    }

    /** The platform of the summary information's Template ({@code x64;1033} → {@code x64}), or "Intel". */
    String platform() {
        String template = db.summary().template;
        if (template == null || template.isEmpty()) return "Intel";
        int semicolon = template.indexOf(';');
        return (semicolon < 0 ? template : template.substring(0, semicolon)).strip();
    }

    int codepage() {
        return db.codepage();
    }

    /** The configurable items (ModuleConfiguration.Name), in the module's order. */
    List<String> configurableItems() {
        List<String> out = new ArrayList<>();
        for (Object[] r : rows("ModuleConfiguration")) out.add((String) r[0]);
        return out;
    }

    /**
     * Applies ModuleSubstitution: every target row is chosen by its original keys first, then each template is
     * filled with the given value of each {@code [=Item]} (or the item's DefaultValue) and stored in the target cell.
     * A Bitfield item changes only the bits its mask (ContextData's first field) covers.
     */
    void configure(Map<String, String> given) throws Problem {
        Map<String, Object[]> items = new HashMap<>();
        for (Object[] r : rows("ModuleConfiguration")) items.put((String) r[0], r);
        record Change(String table, Object[] row, int column, Object value) {}
        List<Change> changes = new ArrayList<>();
        for (Object[] s : rows("ModuleSubstitution")) {
            String table = (String) s[0], rowKeys = (String) s[1], column = (String) s[2], template = (String) s[3];
            if (!rows.containsKey(table)) throw new Problem("ModuleSubstitution names table " + table + ", which the module does not have");
            TableSchema schema = schema(table);
            int col = schema.indexOf(column);
            if (col < 0) throw new Problem("ModuleSubstitution names column " + table + "." + column + ", which does not exist");
            Object[] target = find(table, schema, splitKeys(rowKeys));
            if (target == null) throw new Problem("ModuleSubstitution names row '" + rowKeys + "' of table " + table + ", which the module does not have");
            Integer mask = null;
            StringBuilder value = new StringBuilder();
            Matcher m = ITEM.matcher(template == null ? "" : template);
            int last = 0;
            while (m.find()) {
                value.append(unescape(template.substring(last, m.start())));
                Object[] item = items.get(m.group(1));
                if (item == null) throw new Problem("ModuleSubstitution of " + table + "." + column + " uses [=" + m.group(1) + "], which ModuleConfiguration does not declare");
                String v = given.containsKey(m.group(1)) ? given.get(m.group(1)) : (String) item[4];
                if (v != null) value.append(v);
                if (Integer.valueOf(3).equals(item[1])) mask = bitfieldMask((String) item[3], m.group(1));
                last = m.end();
            }
            if (template != null) value.append(unescape(template.substring(last)));
            Column c = schema.columns().get(col);
            String text = value.toString();
            Object cell;
            if (text.isEmpty()) {
                if (!c.nullable()) throw new Problem("ModuleSubstitution leaves " + table + "." + column + " of row '" + rowKeys + "' empty, and that column needs a value");
                cell = null;
            } else if (c.isInteger()) {
                try {
                    int n = Integer.parseInt(text.strip());
                    cell = mask == null ? n : (intValue(target[col]) & ~mask) | (n & mask);
                } catch (NumberFormatException e) {
                    throw new Problem("ModuleSubstitution puts '" + text + "' into the integer column " + table + "." + column);
                }
            } else {
                cell = text;
            }
            changes.add(new Change(table, target, col, cell));
        }
        for (Change c : changes) c.row()[c.column()] = c.value();
    }

    private static int intValue(Object cell) {
        return cell instanceof Integer i ? i : 0;
    }

    private static int bitfieldMask(String contextData, String item) throws Problem {
        String first = contextData == null ? "" : splitKeys(contextData).get(0);
        try {
            return Integer.parseInt(first.strip());
        } catch (NumberFormatException e) {
            throw new Problem("the Bitfield item " + item + " has no mask in its ContextData ('" + contextData + "')");
        }
    }

    private Object[] find(String table, TableSchema schema, List<String> keys) {
        int n = schema.keyCount();
        if (keys.size() != n) return null;
        for (Object[] r : rows(table)) {
            boolean match = true;
            for (int i = 0; i < n && match; i++) match = Objects.equals(r[i] == null ? "" : r[i].toString(), keys.get(i));
            if (match) return r;
        }
        return null;
    }

    /** The SDK's "CMSM special format": fields separated by ';', a backslash makes the next ';' or '=' literal. */
    static List<String> splitKeys(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\\' && i + 1 < text.length()) field.append(text.charAt(++i));
            else if (ch == ';') {
                out.add(field.toString());
                field.setLength(0);
            } else field.append(ch);
        }
        out.add(field.toString());
        return out;
    }

    private static String unescape(String text) {
        return text.replace("\\;", ";").replace("\\=", "=");
    }

    /**
     * Copies a stream cell to a file of its own under {@code dir}, so the package can be written after the module is
     * closed; the file's path is what a binary cell of the package holds.
     */
    Path copyStream(StreamData data, Path target) throws IOException {
        try (InputStream in = data.open()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /**
     * Extracts MergeModule.CABinet into {@code dir}: each entry (named by its File key) to a file of its own. Returns
     * entry name → extracted file; an unreadable cabinet is a {@link Problem}.
     */
    Map<String, Path> extractFiles(Path dir) throws Problem, IOException {
        StreamData cab = db.streams().get(ModuleStep.CABINET);
        Map<String, Path> out = new HashMap<>();
        if (cab == null) return out;
        Files.createDirectories(dir);
        Path copy = dir.resolve("module.cab");
        copyStream(cab, copy);
        int[] n = {0};
        try (CabinetReader reader = CabinetReader.open(Files.newByteChannel(copy), path.getFileName() + ":" + ModuleStep.CABINET)) {
            reader.extract((entry, content) -> {
                Path target = dir.resolve("f" + (n[0]++));
                Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
                out.put(entry.name(), target);
            });
        } catch (IOException e) {
            if (e instanceof dev.ssprkit.cab.CabinetException) throw new Problem("its cabinet cannot be read: " + e.getMessage());
            throw e;
        } finally {
            Files.deleteIfExists(copy);
        }
        return out;
    }

    /** The module's language and id as one line for messages. */
    String describe() {
        return moduleId + " (language " + language + ", version " + version + ")";
    }


    @Override
    public void close() throws IOException {
        db.close();
    }
}

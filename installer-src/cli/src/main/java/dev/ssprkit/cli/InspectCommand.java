package dev.ssprkit.cli;

import dev.ssprkit.common.InvalidValueException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.layout.InstallLayout;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.SummaryInfo;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.Column;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code sspr inspect}: summary, tables, rows, streams and files of a package, as text or JSON. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show a package's summary information, tables (with --table, their rows), streams and files.",
                "Also reads merge modules (.msm), patches (.msp: their transforms, target products and cabinets) and "
                        + "transforms (.mst: the rows they add (+), change (~) and delete (-), per table).",
                "What is wrong but readable (as Windows reads it) is listed under Warnings."})
final class InspectCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "FILE.msi") Path msi;
    @Option(names = "--table", paramLabel = "NAME", description = "Print the rows of these tables.") List<String> tables = new ArrayList<>();
    @Option(names = "--files", description = "List the files and where they install.") boolean files;
    @Option(names = "--json", description = "Machine-readable output.") boolean json;
    @Option(names = "--layout", paramLabel = "windows|ids", description = "With --files: standard folders by their real names "
            + "(Program Files, Windows/System32...; the default) or by their Directory ids.") String layout = "windows";

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String kind = MsiReader.kindOf(msi);
        if ("transform".equals(kind) || "patch".equals(kind)) {
            Map<String, Object> report = "transform".equals(kind) ? PackageKinds.transform(msi) : PackageKinds.patch(msi);
            if (json) out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            else PackageKinds.text(out, report);
            return Sspr.OK;
        }
        try (Database db = MsiReader.read(msi)) {
            Map<String, Object> report = report(db);
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            } else {
                text(out, db, report);
            }
        }
        return Sspr.OK;
    }

    private Map<String, Object> report(Database db) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("file", msi.toString());
        r.put("kind", db.kind());
        r.put("codepage", db.codepage());
        r.put("summary", summary(db.summary()));
        Map<String, Integer> counts = new LinkedHashMap<>();
        db.tables().forEach((n, t) -> counts.put(n, t.rows().size()));
        r.put("tables", counts);
        Map<String, Long> streams = new LinkedHashMap<>();
        for (var e : db.streams().entrySet()) streams.put(PackageKinds.printable(e.getKey()), e.getValue().size());
        r.put("streams", streams);
        Map<String, Object> rows = new LinkedHashMap<>();
        for (String name : tables) {
            Table t = db.tableOrNull(name);
            if (t == null) throw new InvalidValueException("the package has no table " + name + "; it has " + db.tables().keySet());
            rows.put(name, rows(t));
        }
        if (!rows.isEmpty()) r.put("rows", rows);
        List<String> warnings = new ArrayList<>();
        db.readWarnings().forEach(w -> warnings.add(w.toString()));
        if (files) {
            InstallLayout l = new InstallLayout(db, PackageKinds.style(layout));
            l.warnings().forEach(w -> warnings.add(w.toString()));
            r.put("files", l.files());
        }
        r.put("warnings", warnings);
        return r;
    }

    static Map<String, Object> summary(SummaryInfo s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("codepage", s.codepage);
        m.put("title", s.title);
        m.put("subject", s.subject);
        m.put("author", s.author);
        m.put("keywords", s.keywords);
        m.put("comments", s.comments);
        m.put("template", s.template);
        m.put("packageCode", s.revisionNumber);
        m.put("created", s.createTime == null ? null : s.createTime.toString());
        m.put("lastSaved", s.lastSaveTime == null ? null : s.lastSaveTime.toString());
        m.put("pageCount", s.pageCount);
        m.put("wordCount", s.wordCount);
        m.put("appName", s.appName);
        m.put("security", s.security);
        return m;
    }

    static List<Map<String, Object>> rows(Table t) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Row> sorted = new ArrayList<>(t.rows());
        sorted.sort(Table.byKeyText());
        for (Row r : sorted) {
            Map<String, Object> m = new LinkedHashMap<>();
            List<Column> cols = t.schema().columns();
            for (int i = 0; i < cols.size(); i++) {
                Object v = r.get(i);
                m.put(cols.get(i).name(), v instanceof StreamData s ? "[stream " + s.size() + " bytes]" : v);
            }
            out.add(m);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private void text(PrintWriter out, Database db, Map<String, Object> report) {
        out.println("Package: " + msi + " (" + db.kind() + ")");
        ((Map<String, Object>) report.get("summary")).forEach((k, v) -> {
            if (v != null) out.printf("  %-12s %s%n", k, v);
        });
        out.println("Tables:");
        db.tables().forEach((n, t) -> out.printf("  %-28s %6d rows%n", n, t.rows().size()));
        out.println("Streams:");
        db.streams().forEach((n, s) -> out.printf("  %-28s %10d bytes%n", PackageKinds.printable(n), s.size()));
        Map<String, Object> rows = (Map<String, Object>) report.get("rows");
        if (rows != null) {
            rows.forEach((name, list) -> {
                out.println("Table " + name + ":");
                out.println("  " + String.join("\t", db.tableOrNull(name).schema().columnNames()));
                for (Map<String, Object> r : (List<Map<String, Object>>) list) {
                    List<String> cells = new ArrayList<>();
                    r.values().forEach(v -> cells.add(v == null ? "" : v.toString()));
                    out.println("  " + String.join("\t", cells));
                }
            });
        }
        Map<String, String> f = (Map<String, String>) report.get("files");
        if (f != null) {
            out.println("Files:");
            f.forEach((k, v) -> out.printf("  %-30s %s%n", k, v));
        }
        List<String> warnings = (List<String>) report.get("warnings");
        if (!warnings.isEmpty()) {
            out.println("Warnings (read as Windows Installer reads them):");
            warnings.forEach(w -> out.println("  " + w));
        }
    }
}

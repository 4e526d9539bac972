package dev.ssprkit.msi;

import dev.ssprkit.msi.db.DatabaseEncoder;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.SummaryInfo;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.msi.schema.TableSchema;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders what we read the way {@code msiinfo export} and {@code msiinfo suminfo} print it (msitools 0.101), so the
 * two can be compared line for line. Times are rendered in UTC: run msiinfo with {@code TZ=UTC}.
 */
final class IdtExport {
    private IdtExport() {}

    /** The three header lines of an exported table: column names, IDT types, table name and key columns. */
    static List<String> header(TableSchema schema) {
        List<String> names = new ArrayList<>(), types = new ArrayList<>(), keys = new ArrayList<>();
        keys.add(schema.name());
        for (Column c : schema.columns()) {
            names.add(c.name());
            types.add(c.idtType());
            if (c.key()) keys.add(c.name());
        }
        return List.of(String.join("\t", names), String.join("\t", types), String.join("\t", keys));
    }

    /** One line per row: raw values, empty for null, binary cells as their stream name {@code Table.Key}. */
    static List<String> rows(Table table) {
        List<String> out = new ArrayList<>();
        for (Row r : table.rows()) {
            Object[] cells = r.cells();
            List<String> values = new ArrayList<>();
            for (Object v : cells) {
                if (v == null) values.add("");
                else if (v instanceof StreamData) values.add(DatabaseEncoder.binaryStreamName(table.schema(), cells));
                else values.add(v.toString());
            }
            out.add(String.join("\t", values));
        }
        return out;
    }

    /** The stream names of a table's binary cells. */
    static List<String> binaryStreams(Table table) {
        List<String> out = new ArrayList<>();
        for (Row r : table.rows()) {
            for (Object v : r.cells()) {
                if (v instanceof StreamData) out.add(DatabaseEncoder.binaryStreamName(table.schema(), r.cells()));
            }
        }
        return out;
    }

    /** {@code msiinfo export X _SummaryInformation} rows: PID, value. */
    static List<String> summaryRows(SummaryInfo s) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
        List<String> out = new ArrayList<>();
        out.add("1\t" + s.codepage);
        add(out, 2, s.title);
        add(out, 3, s.subject);
        add(out, 4, s.author);
        add(out, 5, s.keywords);
        add(out, 6, s.comments);
        add(out, 7, s.template);
        add(out, 8, s.lastSavedBy);
        add(out, 9, s.revisionNumber);
        add(out, 12, s.createTime == null ? null : f.format(s.createTime));
        add(out, 13, s.lastSaveTime == null ? null : f.format(s.lastSaveTime));
        add(out, 14, s.pageCount);
        add(out, 15, s.wordCount);
        add(out, 16, s.charCount);
        add(out, 18, s.appName);
        add(out, 19, s.security);
        return out;
    }

    private static void add(List<String> out, int pid, Object v) {
        if (v != null) out.add(pid + "\t" + v);
    }

    /** {@code msiinfo suminfo} fields by label (the fields wixl sets). */
    static Map<String, String> suminfo(SummaryInfo s) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "Title", s.title);
        put(m, "Subject", s.subject);
        put(m, "Author", s.author);
        put(m, "Keywords", s.keywords);
        put(m, "Comments", s.comments);
        put(m, "Template", s.template);
        put(m, "Revision number (UUID)", s.revisionNumber);
        put(m, "Created", ctime(s.createTime));
        put(m, "Last saved", ctime(s.lastSaveTime));
        put(m, "Version", hexToo(s.pageCount));
        put(m, "Source", hexToo(s.wordCount));
        put(m, "Application", s.appName);
        put(m, "Security", hexToo(s.security));
        return m;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) m.put(k, v);
    }

    private static String hexToo(Integer v) {
        return v == null ? null : v + " (" + Integer.toHexString(v) + ")";
    }

    /** C's {@code ctime} layout: {@code Tue Nov  4 22:52:05 2026}. */
    private static String ctime(Instant t) {
        if (t == null) return null;
        return DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC).format(t);
    }
}

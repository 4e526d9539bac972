package dev.ssprkit.wix.compile;

import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rows as text lines, {@code Table: a | b | c}: null is empty, a binary cell is {@code <stream N bytes>}. The same
 * form is used by the scenarios' {@code expected.txt}, where {@code <guid>} in a cell matches any GUID.
 */
final class TableText {
    static final Pattern GUID = Pattern.compile("\\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}}");

    private TableText() {}

    static List<String> rows(Database db, String table) {
        List<String> out = new ArrayList<>();
        Table t = db.tableOrNull(table);
        if (t == null) return out;
        for (Row r : t.rows()) out.add(line(table, r));
        out.sort(null);
        return out;
    }

    static String line(String table, Row r) {
        StringBuilder s = new StringBuilder(table).append(":");
        for (int i = 0; i < r.size(); i++) {
            s.append(i == 0 ? " " : " | ").append(cell(r.get(i)));
        }
        return s.toString().stripTrailing();
    }

    static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof StreamData d) {
            try {
                return "<stream " + d.readAllBytes().length + " bytes>";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return v.toString();
    }

    /** An expected line matches an actual one cell by cell; {@code <guid>} matches any GUID. */
    static boolean matches(String expected, String actual) {
        if (expected.equals(actual)) return true;
        if (!expected.contains("<guid>")) return false;
        String[] e = expected.split(" \\| ", -1), a = actual.split(" \\| ", -1);
        if (e.length != a.length) return false;
        for (int i = 0; i < e.length; i++) {
            if (e[i].equals(a[i])) continue;
            if (e[i].endsWith("<guid>") && GUID.matcher(a[i].substring(a[i].length() - Math.min(a[i].length(), 38))).matches()
                    && e[i].substring(0, e[i].length() - 6).equals(a[i].substring(0, a[i].length() - 38))) continue;
            return false;
        }
        return true;
    }
}

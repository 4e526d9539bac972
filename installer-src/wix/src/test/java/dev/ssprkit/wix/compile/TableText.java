package dev.ssprkit.wix.compile;

import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.SummaryInfo;
import dev.ssprkit.msi.model.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rows as text lines, {@code Table: a | b | c}: null is empty, a binary cell is {@code <stream N bytes>}. The same
 * form is used by the scenarios' {@code expected.txt}, where a placeholder stands for a value only our compiler
 * produces (its rule is checked by {@code GeneratedValuesTest}, not pinned here):
 * <ul>
 *   <li>{@code <guid>}: any GUID in WiX's form ({@code {XXXXXXXX-...}}, upper case);</li>
 *   <li>{@code <id:PFX>}: a generated identifier, {@code PFX} followed by 32 upper-case hex digits
 *       ({@code CompileContext.generatedId});</li>
 *   <li>{@code <short>}: a generated 8.3 short name (the short half of {@code short|long}).</li>
 * </ul>
 * The pseudo-table {@code _Summary} lists the summary-information properties ({@code _Summary: Template | x64;1033}).
 */
final class TableText {
    static final Pattern GUID = Pattern.compile("\\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}}");
    static final String SUMMARY = "_Summary";
    private static final Pattern PLACEHOLDER = Pattern.compile("<guid>|<id:([A-Za-z_]+)>|<short>");
    /** A legal short-name part: no blank, dot or character Windows forbids in a short name (MSI SDK, Filename type). */
    private static final String SHORT_CHAR = "[^\\\\?|><:/*\"+,;=\\[\\] .]";
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private TableText() {}

    static List<String> rows(Database db, String table) {
        List<String> out = new ArrayList<>();
        if (table.equals(SUMMARY)) return summary(db.summary());
        Table t = db.tableOrNull(table);
        if (t == null) return out;
        for (Row r : t.rows()) out.add(line(table, r));
        out.sort(null);
        return out;
    }

    private static List<String> summary(SummaryInfo s) {
        List<String> out = new ArrayList<>();
        add(out, "Codepage", s.codepage);
        add(out, "Title", s.title);
        add(out, "Subject", s.subject);
        add(out, "Author", s.author);
        add(out, "Keywords", s.keywords);
        add(out, "Comments", s.comments);
        add(out, "Template", s.template);
        add(out, "RevisionNumber", s.revisionNumber);
        add(out, "PageCount", s.pageCount);
        add(out, "WordCount", s.wordCount);
        add(out, "Security", s.security);
        out.sort(null);
        return out;
    }

    private static void add(List<String> out, String name, Object value) {
        if (value != null) out.add(SUMMARY + ": " + name + " | " + value);
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

    /** An expected line matches an actual one exactly, each placeholder matching what it stands for. */
    static boolean matches(String expected, String actual) {
        if (expected.equals(actual)) return true;
        if (expected.indexOf('<') < 0) return false;
        return COMPILED.computeIfAbsent(expected, TableText::pattern).matcher(actual).matches();
    }

    private static Pattern pattern(String expected) {
        StringBuilder re = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(expected);
        int at = 0;
        while (m.find()) {
            re.append(Pattern.quote(expected.substring(at, m.start())));
            if (m.group().equals("<guid>")) re.append(GUID.pattern());
            else if (m.group().equals("<short>")) re.append(SHORT_CHAR).append("{1,8}(?:\\.").append(SHORT_CHAR).append("{1,3})?");
            else re.append(Pattern.quote(m.group(1))).append("[0-9A-F]{32}");
            at = m.end();
        }
        re.append(Pattern.quote(expected.substring(at)));
        return Pattern.compile(re.toString());
    }
}

package dev.ssprkit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssprkit.common.AtomicFile;
import dev.ssprkit.endpoint.preflight.Check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the readiness page: one self-contained HTML file (inline CSS and script, the data as JSON inside it, a
 * Content-Security-Policy that forbids loading anything, so it opens offline and from a file share). The summary —
 * counts, a bar per blocking check, the breakdown by Windows version, the fix for each check found, the unreadable
 * inputs — is rendered here; the machine table (search, status filter, sort, pages, CSV export) by the page's script.
 * Every text from the inputs is escaped; the table inserts it as text, never as markup.
 */
public final class HtmlReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlReport() {}

    /** Writes the page; {@code generated} is shown in the subtitle. */
    public static void write(ReadinessReport report, String title, ZonedDateTime generated, Path out) throws IOException {
        String html = render(report, title, generated);
        AtomicFile.write(out, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(html);
            }
        });
    }

    /** The CSV of every machine (the page's "Export CSV" gives the filtered rows). */
    public static void writeCsv(ReadinessReport report, Path out) throws IOException {
        AtomicFile.write(out, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("machine,status,windows,blockers,warnings,detail,source\r\n");
                for (MachineResult m : report.machines()) {
                    List<String> row = List.of(m.machine(), label(m.status()), m.os(), ids(m, "BLOCKER"), ids(m, "WARNING"), detail(m), m.source());
                    w.write(row.stream().map(HtmlReport::csv).collect(Collectors.joining(",")) + "\r\n");
                }
            }
        });
    }

    static String render(ReadinessReport report, String title, ZonedDateTime generated) {
        long total = report.machines().size();
        long ready = report.count(MachineResult.Status.READY), blocked = report.count(MachineResult.Status.BLOCKED),
                unknown = report.count(MachineResult.Status.UNKNOWN);
        StringBuilder s = new StringBuilder();
        s.append("<section aria-label=\"Summary\"><div class=\"cards\">");
        card(s, "total", total, "machines", total);
        card(s, "ready", ready, "ready", total);
        card(s, "blocked", blocked, "blocked", total);
        card(s, "unknown", unknown, "unknown", total);
        s.append("</div><div class=\"stack\" role=\"img\" aria-label=\"").append(ready).append(" ready, ").append(blocked).append(" blocked, ")
                .append(unknown).append(" unknown\">");
        stackPart(s, "s-ready", ready, total);
        stackPart(s, "s-blocked", blocked, total);
        stackPart(s, "s-unknown", unknown, total);
        s.append("</div></section>\n");

        Map<String, Long> blockers = report.byCheck("BLOCKER");
        s.append("<h2>What blocks the rest</h2>");
        if (blockers.isEmpty()) s.append("<p class=\"sub\">No machine has a blocker.</p>");
        else bars(s, "blocking-checks", blockers, total, false);
        Map<String, Long> warnings = report.byCheck("WARNING");
        if (!warnings.isEmpty()) {
            s.append("<h2>Warnings</h2>");
            bars(s, "warning-checks", warnings, total, true);
        }

        s.append("<h2>By Windows version</h2><div class=\"scroll\"><table id=\"by-os\"><thead><tr><th>Windows</th><th class=\"num\">Machines</th>")
                .append("<th class=\"num\">Ready</th><th class=\"num\">Blocked</th><th class=\"num\">Unknown</th><th class=\"hide-narrow\"></th></tr></thead><tbody>");
        for (Map.Entry<String, long[]> e : report.byOs().entrySet()) {
            long[] c = e.getValue();
            long n = c[0] + c[1] + c[2];
            s.append("<tr><td>").append(esc(e.getKey())).append("</td><td class=\"num\">").append(fmt(n)).append("</td><td class=\"num\">").append(fmt(c[0]))
                    .append("</td><td class=\"num\">").append(fmt(c[1])).append("</td><td class=\"num\">").append(fmt(c[2]))
                    .append("</td><td class=\"hide-narrow\" style=\"width:30%\"><div class=\"stack\" style=\"margin:4px 0\">");
            stackPart(s, "s-ready", c[0], n);
            stackPart(s, "s-blocked", c[1], n);
            stackPart(s, "s-unknown", c[2], n);
            s.append("</div></td></tr>");
        }
        s.append("</tbody></table></div>\n");

        if (!blockers.isEmpty() || !warnings.isEmpty()) {
            s.append("<h2>How to fix them</h2><dl class=\"fixes\" id=\"fixes\">");
            for (String id : concat(blockers, warnings)) {
                Check c = Check.byId(id);
                s.append("<dt id=\"fix-").append(esc(id)).append("\">").append(esc(id)).append(" ").append(esc(c != null ? c.title : "unknown check"))
                        .append(" <span class=\"sev\">").append(c != null ? c.severity.name().toLowerCase(Locale.ROOT) : "").append("</span></dt><dd>")
                        .append(esc(c != null ? c.remediation : "Not in this version's check table.")).append("</dd>");
            }
            s.append("</dl>\n");
        }

        List<Unreadable> bad = report.unreadable();
        if (!bad.isEmpty()) {
            s.append("<h2 id=\"unreadable-heading\">Unreadable inputs (").append(fmt(bad.size())).append(")</h2><ul class=\"unreadable\" id=\"unreadable\">");
            for (Unreadable u : bad) s.append("<li><code>").append(esc(u.file())).append("</code>: ").append(esc(u.reason())).append("</li>");
            s.append("</ul>\n");
        }

        String subtitle = fmt(total) + " machines from " + fmt(report.inputs()) + " input file" + (report.inputs() == 1 ? "" : "s")
                + (report.duplicates() > 0 ? " (" + fmt(report.duplicates()) + " older results replaced)" : "")
                + (bad.isEmpty() ? "" : ", " + fmt(bad.size()) + " unreadable") + "; generated "
                + generated.withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT));
        // one pass, so that text from the inputs can never be taken for a marker
        Map<String, String> parts = Map.of("TITLE", esc(title), "SUBTITLE", esc(subtitle), "SUMMARY", s.toString(),
                "FOOTER", "Generated by ssprkit (sspr report) from preflight results. Self-contained: this page loads nothing from the network.",
                "DATA", data(report));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("@@([A-Z]+)@@").matcher(template());
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(parts.get(m.group(1))));
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> concat(Map<String, Long> a, Map<String, Long> b) {
        List<String> out = new java.util.ArrayList<>(a.keySet());
        for (String k : b.keySet()) if (!out.contains(k)) out.add(k);
        return out;
    }

    /** The table's data: checks (title, severity, fix) and one row per machine, inside a script element. */
    static String data(ReadinessReport report) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode checks = root.putObject("checks");
        for (Check c : Check.values()) {
            ObjectNode n = checks.putObject(c.id);
            n.put("t", c.title);
            n.put("s", c.severity.name());
            n.put("f", c.remediation);
        }
        ArrayNode rows = root.putArray("m");
        for (MachineResult m : report.machines()) {
            ArrayNode r = rows.addArray();
            r.add(m.machine());
            r.add(m.os());
            r.add(m.status().ordinal());
            r.add(ids(m, "BLOCKER"));
            r.add(ids(m, "WARNING"));
            r.add(shorten(detail(m)));
            r.add(m.source());
        }
        try {
            // "<" never appears outside strings in JSON: escaping it keeps "</script>" in a machine name from ending the element
            return JSON.writeValueAsString(root).replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's table shows a line of detail (TLS findings list every value, a kilobyte and more); the --csv file has all of it. */
    static String shorten(String s) {
        return s.length() <= DETAIL_CHARS ? s : s.substring(0, DETAIL_CHARS - 1) + "\u2026";
    }

    static final int DETAIL_CHARS = 160;

    static String ids(MachineResult m, String severity) {
        return m.findings().stream().filter(f -> f.severity().equals(severity)).map(MachineResult.Item::id).distinct().collect(Collectors.joining(" "));
    }

    /** Why UNKNOWN, or what the first blocker found. */
    static String detail(MachineResult m) {
        if (m.detail() != null) return m.detail();
        return m.findings().stream().filter(f -> f.severity().equals("BLOCKER") && f.found() != null).map(f -> f.id() + ": " + f.found())
                .findFirst().orElse("");
    }

    static String label(MachineResult.Status s) {
        return switch (s) {
            case READY -> "Ready";
            case BLOCKED -> "Blocked";
            case UNKNOWN -> "Unknown";
        };
    }

    private static void card(StringBuilder s, String cls, long n, String label, long total) {
        s.append("<div class=\"card ").append(cls).append("\" id=\"count-").append(cls).append("\"><span class=\"n\">").append(fmt(n))
                .append("</span><span class=\"l\">").append(label);
        if (!cls.equals("total") && total > 0) s.append(" (").append(Math.round(100.0 * n / total)).append("%)");
        s.append("</span></div>");
    }

    private static void stackPart(StringBuilder s, String cls, long n, long total) {
        if (n == 0 || total == 0) return;
        s.append("<span class=\"").append(cls).append("\" style=\"width:").append(String.format(Locale.ROOT, "%.3f", 100.0 * n / total)).append("%\"></span>");
    }

    private static void bars(StringBuilder s, String id, Map<String, Long> counts, long total, boolean warning) {
        s.append("<div class=\"bars\" id=\"").append(id).append("\">");
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            Check c = Check.byId(e.getKey());
            String title = c != null ? c.title : "unknown check";
            long pct = total == 0 ? 0 : Math.round(100.0 * e.getValue() / total);
            s.append("<div class=\"bar\" data-check=\"").append(esc(e.getKey())).append("\"><div class=\"head\"><a class=\"id\" href=\"#fix-")
                    .append(esc(e.getKey())).append("\" data-filter=\"").append(esc(e.getKey())).append("\" title=\"Show these machines\">")
                    .append(esc(e.getKey())).append("</a><span class=\"title\" title=\"").append(esc(title)).append("\">").append(esc(title))
                    .append("</span><span class=\"count\">").append(fmt(e.getValue())).append("</span><span class=\"pct count\">(").append(pct)
                    .append("%)</span></div><div class=\"track\"><div class=\"fill").append(warning ? " warn" : "").append("\" style=\"width:")
                    .append(String.format(Locale.ROOT, "%.3f", total == 0 ? 0 : 100.0 * e.getValue() / total)).append("%\"></div></div></div>");
        }
        s.append("</div>");
    }

    static String fmt(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String csv(String s) {
        if (s == null) return "";
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String template() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("readiness.html.in")) {
            if (in == null) throw new IllegalStateException("readiness.html.in is missing from the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

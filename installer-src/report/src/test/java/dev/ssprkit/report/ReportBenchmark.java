package dev.ssprkit.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ssprkit.testkit.Chromium;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Not a test: the 50,000-machine benchmark (bench/report-50k.sh runs it). Writes a fleet of per-machine JSON files as
 * the scripts leave them on a share, builds the page with {@code sspr report}'s code, opens it in headless Chromium
 * and prints: time to read and write, page size, time from navigation to the table being ready (the page's own
 * {@code performance.now()} when its script ends), and the time a search, a status filter and a sort take (median of
 * five, measured inside the page around the synchronous filter-sort-render). Target: under 2 s to load and filter.
 *
 * <p>Args: [machines (50000)] [work dir] [screenshot.png, optional].
 */
public final class ReportBenchmark {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("ssprkit-report-bench");
        Path share = work.resolve("share");
        long t0 = System.nanoTime();
        Fleet fleet = new Fleet();
        fleet.withFailures = true;
        if (!Files.isDirectory(share) || Files.list(share).count() != n) fleet.write(share, n, 50_000);
        long t1 = System.nanoTime();
        ReadinessReport report = ReadinessReport.read(List.of(share));
        Path page = work.resolve("readiness.html");
        HtmlReport.write(report, "SSPR readiness", ZonedDateTime.now(), page);
        long t2 = System.nanoTime();
        System.out.printf("machines: %,d (%,d unreadable inputs)%n", report.machines().size(), report.unreadable().size());
        System.out.printf("generate inputs: %.1f s (skipped when present)%n", (t1 - t0) / 1e9);
        System.out.printf("sspr report (read %,d files, write the page): %.2f s; page %,d bytes%n", report.inputs(), (t2 - t1) / 1e9, Files.size(page));
        try (Chromium chromium = Chromium.launch()) {
            List<Double> script = new ArrayList<>();
            List<Double> load = new ArrayList<>(), search = new ArrayList<>(), status = new ArrayList<>(), sort = new ArrayList<>();
            for (int run = 0; run < 5; run++) {
                long nav = System.nanoTime();
                try (Chromium.Page p = chromium.open(page.toUri().toString(), 1280, 900)) {
                    double wall = (System.nanoTime() - nav) / 1e6;
                    JsonNode r = p.eval("window.ssprReport");
                    load.add(r.path("readyAt").asDouble());
                    script.add(r.path("scriptMs").asDouble());
                    if (run == 0) System.out.printf("first open: load event after %.0f ms (wall, incl. DevTools round trips); %d rows%n", wall, r.path("rows").asInt());
                    search.add(p.eval("(() => { const t = performance.now(); const s = document.getElementById('search'); s.value = 'PF006';"
                            + " s.dispatchEvent(new Event('input')); return performance.now() - t; })()").asDouble());
                    status.add(p.eval("(() => { const t = performance.now(); const s = document.getElementById('search'); s.value = '';"
                            + " s.dispatchEvent(new Event('input')); const f = document.getElementById('status-filter'); f.value = '1';"
                            + " f.dispatchEvent(new Event('change')); return performance.now() - t; })()").asDouble());
                    sort.add(p.eval("(() => { const t = performance.now(); document.querySelector('th[data-col=\"1\"] button').click();"
                            + " return performance.now() - t; })()").asDouble());
                    if (run == 0 && args.length > 2) {
                        p.eval("(() => { const f = document.getElementById('status-filter'); f.value = ''; f.dispatchEvent(new Event('change'));"
                                + " document.querySelector('th[data-col=\"0\"] button').click(); })()");
                        Files.write(Path.of(args[2]), p.screenshot());
                    }
                }
            }
            System.out.printf("page ready (navigation start to table rendered), median of 5: %.0f ms%n", median(load));
            System.out.printf("  of which the page's script (parse the data, index it, first render), median: %.0f ms%n", median(script));
            System.out.printf("search 'PF006' (filter + sort + render), median: %.0f ms%n", median(search));
            System.out.printf("status filter 'Blocked', median: %.0f ms%n", median(status));
            System.out.printf("sort by Windows, median: %.0f ms%n", median(sort));
            System.out.printf("load + search: %.0f ms (target < 2000 ms)%n", median(load) + median(search));
        }
    }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}

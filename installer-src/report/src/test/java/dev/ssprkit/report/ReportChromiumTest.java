package dev.ssprkit.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ssprkit.endpoint.preflight.Check;
import dev.ssprkit.testkit.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The readiness page in headless Chromium (driven through the DevTools protocol): the counts, bars, Windows breakdown,
 * fixes and unreadable inputs are in the DOM as the made-up fleet was made ({@link Fleet}); the machine table pages,
 * searches, filters, sorts and exports CSV; nothing is requested from the network; and it lays out at 1,280 and 390
 * pixels (screenshots in target/report-screenshots, looked at by a person).
 */
@Tag("interop")
class ReportChromiumTest {
    static final int MACHINES = 300;
    @TempDir static Path dir;
    static Fleet fleet;
    static Path page;
    static Chromium chromium;

    @BeforeAll
    static void build() throws Exception {
        Chromium.require();
        Path share = dir.resolve("share");
        fleet = new Fleet().write(share, MACHINES, 16);
        Files.writeString(share.resolve("BROKEN-PC.json"), "{\"machine\": \"BROKEN-PC\", \"findings\": [{\"id\": \"PF0");
        page = dir.resolve("readiness.html");
        HtmlReport.write(ReadinessReport.read(List.of(share)), "SSPR readiness", ZonedDateTime.parse("2026-03-01T10:00:00Z"), page);
        chromium = Chromium.launch();
    }

    @AfterAll
    static void close() {
        if (chromium != null) chromium.close();
    }

    static String text(Chromium.Page p, String selector) {
        return p.eval("document.querySelector(" + js(selector) + ").textContent").asText();
    }

    static String js(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static String fmt(long n) {
        return String.format(java.util.Locale.US, "%,d", n);
    }

    @Test
    void theSummaryIsTheFleet() {
        try (Chromium.Page p = chromium.open(page.toUri().toString(), 1280, 900)) {
            assertEquals(fmt(MACHINES), text(p, "#count-total .n"));
            assertEquals(fmt(fleet.ready), text(p, "#count-ready .n"));
            assertEquals(fmt(fleet.lockScreen + fleet.tls), text(p, "#count-blocked .n"));
            assertEquals("0", text(p, "#count-unknown .n"));
            JsonNode bars = p.eval("[...document.querySelectorAll('#blocking-checks .bar')].map(b => [b.dataset.check, b.querySelector('.count').textContent])");
            // most first; PF006 (NoLockScreen on Windows 10) and PF020 (TLS 1.2 on Windows 7) as made
            List<String> expected = fleet.lockScreen >= fleet.tls
                    ? List.of("PF006=" + fmt(fleet.lockScreen), "PF020=" + fmt(fleet.tls)) : List.of("PF020=" + fmt(fleet.tls), "PF006=" + fmt(fleet.lockScreen));
            assertEquals(expected, List.of(bars.get(0).get(0).asText() + "=" + bars.get(0).get(1).asText(), bars.get(1).get(0).asText() + "=" + bars.get(1).get(1).asText()));
            assertEquals(2, bars.size());
            assertEquals(fmt(fleet.proxyWarning), text(p, "#warning-checks .bar[data-check=PF013] .count"));
            JsonNode os = p.eval("[...document.querySelectorAll('#by-os tbody tr')].map(r => [r.cells[0].textContent, r.cells[1].textContent])");
            assertEquals("Windows 7 SP1", os.get(0).get(0).asText(), "oldest first");
            assertEquals(fmt(fleet.tls), os.get(0).get(1).asText());
            assertEquals("Windows 10 22H2", os.get(1).get(0).asText());
            assertEquals(fmt(MACHINES - fleet.tls), os.get(1).get(1).asText());
            assertEquals(Check.NO_LOCK_SCREEN.remediation, text(p, "#fix-PF006 + dd"), "the fix from the check table");
            assertTrue(text(p, "#unreadable").contains("BROKEN-PC.json"), "the truncated file is listed by name");
            for (String url : p.requestedUrls()) assertTrue(url.startsWith("file:") || url.startsWith("data:") || url.startsWith("about:"), "network request: " + url);
            assertTrue(p.eval("document.querySelectorAll('link[href], script[src], img[src^=http]').length").asInt() == 0, "no external resources");
        }
    }

    @Test
    void theTableSearchesFiltersSortsPagesAndExports() {
        try (Chromium.Page p = chromium.open(page.toUri().toString(), 1280, 900)) {
            assertEquals(100, p.eval("document.querySelectorAll('#machines tbody tr').length").asInt(), "a page of 100 rows");
            assertEquals(fmt(MACHINES) + " of " + fmt(MACHINES) + " machines", text(p, "#shown"));
            assertEquals("MACHINE-00001", text(p, "#machines tbody tr td"), "sorted by machine");

            p.eval("document.getElementById('next').click()");
            assertEquals("MACHINE-00101", text(p, "#machines tbody tr td"), "page 2 starts at the 101st machine");

            p.eval("document.querySelector('th[data-col=\"0\"] button').click()");
            assertEquals("MACHINE-00300", text(p, "#machines tbody tr td"), "a second click sorts descending");
            assertEquals("descending", p.eval("document.querySelector('th[data-col=\"0\"]').getAttribute('aria-sort')").asText());

            p.eval("{ const s = document.getElementById('search'); s.value = 'pf006'; s.dispatchEvent(new Event('input')); }");
            assertEquals(fmt(fleet.lockScreen) + " of " + fmt(MACHINES) + " machines", text(p, "#shown"), "search is case-insensitive on check ids");
            JsonNode statuses = p.eval("[...document.querySelectorAll('#machines tbody tr')].map(r => r.cells[1].textContent + '|' + r.cells[3].textContent)");
            for (JsonNode st : statuses) assertEquals("Blocked|PF006", st.asText());

            p.eval("{ const s = document.getElementById('search'); s.value = ''; s.dispatchEvent(new Event('input'));"
                    + " const f = document.getElementById('status-filter'); f.value = '0'; f.dispatchEvent(new Event('change')); }");
            assertEquals(fmt(fleet.ready) + " of " + fmt(MACHINES) + " machines", text(p, "#shown"));

            String csv = p.eval("new Promise(done => { URL.createObjectURL = b => { b.text().then(done); return 'blob:test'; };"
                    + " document.getElementById('csv').click(); })").asText();
            String[] lines = csv.split("\r\n");
            assertEquals("machine,status,windows,blockers,warnings,detail,source", lines[0]);
            assertEquals(fleet.ready + 1, lines.length, "the CSV holds the filtered rows");
            for (int i = 1; i < lines.length; i++) assertTrue(lines[i].contains(",Ready,"), lines[i]);

            p.eval("document.querySelector('[data-filter=PF020]').click()");
            assertEquals(fmt(fleet.tls) + " of " + fmt(MACHINES) + " machines", text(p, "#shown"), "a bar's check id filters the table");
        }
    }

    @Test
    void itLaysOutAtDesktopAndPhoneWidths() throws Exception {
        Path shots = Files.createDirectories(Path.of("target/report-screenshots"));
        for (int width : new int[] {1280, 390}) {
            try (Chromium.Page p = chromium.open(page.toUri().toString(), width, 900)) {
                int scrollWidth = p.eval("document.documentElement.scrollWidth").asInt();
                assertTrue(scrollWidth <= width, "no sideways scrolling of the page at " + width + " px: " + scrollWidth);
                byte[] png = p.screenshot();
                assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
                Files.write(shots.resolve("readiness-" + width + ".png"), png);
            }
        }
    }
}

package dev.ssprkit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Reading results in every form they arrive in, and bad inputs listed with their file name while the rest builds. */
class ResultReaderTest {
    @TempDir Path dir;

    MachineResult only(ReadinessReport r) {
        assertEquals(1, r.machines().size(), r.machines().toString());
        return r.machines().get(0);
    }

    @Test
    void aPreflightJsonFileIsOneMachine() throws Exception {
        Path f = Files.writeString(dir.resolve("pc1.json"), Fleet.win7("PC1", false).toJson());
        MachineResult m = only(ReadinessReport.read(List.of(f)));
        assertEquals("PC1", m.machine());
        assertEquals("Windows 7 SP1", m.os());
        assertEquals(MachineResult.Status.BLOCKED, m.status());
        assertEquals("PF020", HtmlReport.ids(m, "BLOCKER"));
    }

    @Test
    void theFormsTheScriptsWrite() throws Exception {
        // the .cmd's layout (one line per finding), PowerShell 5.1's UTF-16 with BOM, the short form Intune's 2,048-character
        // column holds (no titles), an array, JSON lines, and a script error
        Files.writeString(dir.resolve("cmd.json"), "{\r\n  \"machine\": \"CMD-PC\",\r\n  \"source\": \"sspr-preflight.cmd\",\r\n  \"os\": \"Windows 7 build 7601 64-bit\",\r\n"
                + "  \"facts\": {\"major\": 6, \"minor\": 1, \"build\": 7601, \"edition\": null, \"is64Bit\": true},\r\n  \"findings\": [\r\n"
                + "   {\"id\": \"PF010\", \"severity\": \"INFO\", \"title\": \"x\", \"key\": null, \"valueName\": null, \"found\": null, \"remediation\": \"y\"}\r\n  ]\r\n}\r\n");
        byte[] utf16 = ("\uFEFF{\"machine\":\"PS-PC\",\"facts\":{\"major\":10,\"minor\":0,\"build\":19045},\"findings\":[{\"id\":\"PF006\",\"severity\":\"BLOCKER\",\"found\":\"0x1\"}],\"ready\":false}")
                .getBytes(StandardCharsets.UTF_16LE);
        Files.write(dir.resolve("ps.json"), utf16);
        Files.writeString(dir.resolve("many.json"), "[" + Fleet.win10("A1", false, false).toJson() + "," + Fleet.win10("A2", true, false).toJson() + "]");
        Files.writeString(dir.resolve("lines.jsonl"), "{\"machine\":\"L1\",\"findings\":[]}\n{\"machine\":\"L2\",\"findings\":[]}\n");
        Files.writeString(dir.resolve("err.json"), "{\"source\":\"Detect-SsprReadiness.ps1\",\"machine\":\"ERR-PC\",\"error\":\"reg.exe not found\"}");
        ReadinessReport r = ReadinessReport.read(List.of(dir));
        Map<String, MachineResult> byName = new java.util.HashMap<>();
        r.machines().forEach(m -> byName.put(m.machine(), m));
        assertEquals(List.of(), r.unreadable());
        assertEquals(MachineResult.Status.READY, byName.get("CMD-PC").status(), "INFO findings do not block");
        assertEquals(MachineResult.Status.BLOCKED, byName.get("PS-PC").status());
        assertEquals("Windows 10 22H2", byName.get("PS-PC").os());
        assertEquals(MachineResult.Status.READY, byName.get("A1").status());
        assertEquals(MachineResult.Status.BLOCKED, byName.get("A2").status());
        assertTrue(byName.containsKey("L1") && byName.containsKey("L2"));
        assertEquals(MachineResult.Status.UNKNOWN, byName.get("ERR-PC").status());
        assertTrue(byName.get("ERR-PC").detail().contains("reg.exe not found"));
    }

    @Test
    void corruptOrTruncatedFilesAreListedByNameAndTheRestStillBuilds() throws Exception {
        String good = Fleet.win10("GOOD", false, false).toJson();
        Files.writeString(dir.resolve("good.json"), good);
        Files.writeString(dir.resolve("truncated.json"), good.substring(0, good.length() / 2));
        Files.write(dir.resolve("garbage.json"), new byte[] {0x50, 0x4B, 3, 4, (byte) 0xFF, 0});
        Files.writeString(dir.resolve("empty.json"), "");
        Files.writeString(dir.resolve("number.json"), "42");
        ReadinessReport r = ReadinessReport.read(List.of(dir, dir.resolve("missing.json")));
        assertEquals(List.of("GOOD"), r.machines().stream().map(MachineResult::machine).toList());
        Map<String, String> bad = new java.util.TreeMap<>();
        r.unreadable().forEach(u -> bad.put(Path.of(u.file()).getFileName().toString(), u.reason()));
        assertEquals(List.of("empty.json", "garbage.json", "missing.json", "number.json", "truncated.json"), List.copyOf(bad.keySet()));
        assertTrue(bad.get("truncated.json").startsWith("not valid JSON"), bad.get("truncated.json"));
        assertTrue(bad.get("truncated.json").contains("line "), "located: " + bad.get("truncated.json"));
        String html = HtmlReport.render(r, "Readiness", ZonedDateTime.parse("2026-03-01T10:00:00Z"));
        assertTrue(html.contains("truncated.json</code>: not valid JSON"), "the page lists it");
    }

    @Test
    void aConfigMgrExportWithATruncatedCellGivesAnUnknownMachine() throws Exception {
        String ok = Fleet.win10("IGNORED", true, false).toJson().replace("\r\n", "").replace("\n", "").replace("\"", "\"\"");
        String cut = ok.substring(0, 300);
        Files.writeString(dir.resolve("configmgr.csv"), "\uFEFFDevice Name,Compliance State,Discovered Value\r\n"
                + "SITE-PC1,Non-Compliant,\"" + ok + "\"\r\n"
                + "SITE-PC2,Non-Compliant,\"" + cut + "\"\r\n"
                + "SITE-PC3,Unknown,\r\n");
        ReadinessReport r = ReadinessReport.read(List.of(dir.resolve("configmgr.csv")));
        Map<String, MachineResult> byName = new java.util.HashMap<>();
        r.machines().forEach(m -> byName.put(m.machine(), m));
        assertEquals(MachineResult.Status.BLOCKED, byName.get("SITE-PC1").status(), "the device column names the machine");
        assertEquals(MachineResult.Status.UNKNOWN, byName.get("SITE-PC2").status());
        assertTrue(byName.get("SITE-PC2").detail().contains("cut short"));
        assertTrue(byName.get("SITE-PC2").source().endsWith("configmgr.csv:3"), byName.get("SITE-PC2").source());
        assertEquals(MachineResult.Status.UNKNOWN, byName.get("SITE-PC3").status());
    }

    @Test
    void theNewestResultOfAMachineWins() throws Exception {
        Path old = Files.writeString(dir.resolve("a-old.json"), Fleet.win10("SAME", true, false).toJson());
        Path recent = Files.writeString(dir.resolve("b-new.json"), Fleet.win10("SAME", false, false).toJson());
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
        Files.setLastModifiedTime(recent, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        ReadinessReport r = ReadinessReport.read(List.of(dir));
        assertEquals(MachineResult.Status.BLOCKED, only(r).status(), "a-old.json is the newer file here");
        assertEquals(1, r.duplicates());
    }

    @Test
    void textFromTheInputsCannotBreakOutOfThePage() throws Exception {
        Files.writeString(dir.resolve("x.json"), "{\"machine\":\"</script><script>alert(1)</script>@@DATA@@\",\"findings\":[]}");
        Files.writeString(dir.resolve("<img src=x onerror=alert(1)>.json"), "{");
        String html = HtmlReport.render(ReadinessReport.read(List.of(dir)), "T", ZonedDateTime.parse("2026-03-01T10:00:00Z"));
        assertEquals(2, html.split("</script>", -1).length - 1, "only the page's own two script elements close");
        assertFalse(html.contains("<img src=x"));
    }
}

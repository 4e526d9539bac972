package dev.ssprkit.validate.rules;

import dev.ssprkit.msi.MsiWriter;
import dev.ssprkit.msi.WriteOptions;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.testkit.Tool;
import dev.ssprkit.validate.Finding;
import dev.ssprkit.validate.Validator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the reader accepts with a warning (issue #17), {@code sspr validate} reports as a finding: an over-wide string
 * (written by msibuild, which does not enforce widths) as ICE03 string overflow, a Directory row whose parent has no
 * row as ICE03's foreign-key error.
 */
@Tag("interop")
class ReadLeniencyFindingsTest {
    @TempDir
    Path dir;

    @Test
    void overWideColumnsAndDanglingParentsAreFindings() throws Exception {
        Tool.require("msibuild");
        Database db = new Database();
        db.table("Property").add("ProductCode", "{12345678-1234-1234-1234-123456789ABC}");
        db.table("Directory").add("TARGETDIR", null, "SourceDir");
        db.table("Directory").add("Orphan", "Missing", "Orphan");
        db.table("Component").add("C1", "{11111111-2222-3333-4444-555555555555}", "Orphan", 0, null, null);
        Path msi = dir.resolve("lenient.msi");
        new MsiWriter(new WriteOptions(Instant.parse("2024-01-01T00:00:00Z"))).writeTo(db, msi);
        String wide = "c".repeat(80);
        Tool.run(List.of("msibuild", msi.toString(), "-q", "UPDATE `Component` SET `KeyPath` = '" + wide + "' WHERE `Component` = 'C1'"), dir, Map.of(), 60).assertOk();
        List<Finding> findings = Validator.validate(msi);
        assertTrue(findings.stream().anyMatch(f -> f.iceId().equals("ICE03") && "Component".equals(f.table()) && "KeyPath".equals(f.column())
                && f.message().contains("string overflow") && f.message().contains("80 characters; the column holds at most 72")), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.iceId().equals("ICE03") && "Directory".equals(f.table()) && "Directory_Parent".equals(f.column())
                && f.message().contains("Missing")), findings.toString());
    }

    /** A file that ends inside its last sector: read as Windows reads it, reported as SSPRK03 (a warning). */
    @Test
    void aShortLastSectorIsAWarning() throws Exception {
        Database db = new Database();
        db.table("Property").add("ProductCode", "{12345678-1234-1234-1234-123456789ABC}");
        Path msi = dir.resolve("short.msi");
        new MsiWriter(new WriteOptions(Instant.parse("2024-01-01T00:00:00Z"))).writeTo(db, msi);
        byte[] b = java.nio.file.Files.readAllBytes(msi);
        java.nio.file.Files.write(msi, java.util.Arrays.copyOf(b, b.length - 100));
        List<Finding> findings = Validator.validate(msi);
        assertTrue(findings.stream().anyMatch(f -> f.iceId().equals(ReadLeniencies.ID) && f.severity() == dev.ssprkit.validate.Severity.WARNING
                && f.message().contains("not a whole number of 512-byte sectors")), findings.toString());
    }
}

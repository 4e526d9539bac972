package dev.ssprkit.msi;

import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.Category;
import dev.ssprkit.msi.schema.Col;
import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.msi.schema.TableSchema;
import dev.ssprkit.msi.schema.ValidationRows;
import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A table the standard registry does not know (what WiX's {@code CustomTable} element or an extension declares)
 * goes into a {@link Database}, is written with its {@code _Validation} rows and read back whole: rows, storage and,
 * through {@link ValidationRows#applyTo}, the validation metadata. msitools is the oracle for what was stored.
 */
class CustomTableRoundTripTest {
    /** Every column kind, a two-part key, and each kind of validation metadata. */
    static final TableSchema SETTINGS = new TableSchema("SspSettings", List.of(
            Col.s("Setting", 72).key().cat(Category.IDENTIFIER).doc("Setting key.").build(),
            Col.i2("Scope").key().range(0, 3).doc("0 machine, 1 user, 2 both, 3 none.").build(),
            Col.s("Component_", 72).cat(Category.IDENTIFIER).ref("Component").doc("Component that owns the setting.").build(),
            Col.l("Value", 0).nullable().cat(Category.FORMATTED).doc("Value, formatted at install time.").build(),
            Col.i4("Flags").nullable().range(0, 2147483647).doc("Bit flags.").build(),
            Col.s("Kind", 16).set("string;number;path").doc("Value type.").build(),
            Col.v("Data").nullable().doc("Attached bytes.").build()));

    @TempDir
    Path dir;

    private Path writePackage() throws IOException {
        Database db = new Database();
        db.table("Directory").add("TARGETDIR", null, "SourceDir");
        db.table("Component").add("Main", "{11111111-2222-3333-4444-555555555555}", "TARGETDIR", 0, null, null);
        Table t = db.createTable(SETTINGS);
        t.add("Timeout", 0, "Main", "[TIMEOUT]", 7, "number", null);
        t.add("Timeout", 1, "Main", null, null, "number", StreamData.of(WriteTestSupport.bytes(300, 9)));
        t.add("Logo", 2, "Main", "Ünïcode ©", 2147483647, "path", StreamData.of(WriteTestSupport.bytes(5000, 3)));
        Table validation = db.table("_Validation");
        for (String standard : List.of("Directory", "Component")) {
            for (Object[] row : ValidationRows.of(StandardSchema.require(standard))) validation.add(row);
        }
        for (Object[] row : ValidationRows.of(SETTINGS)) validation.add(row);
        Path msi = dir.resolve("custom.msi");
        MsiWriter.write(db, msi);
        return msi;
    }

    @Test
    void customTableAndItsValidationRowsRoundTrip() throws IOException {
        Path msi = writePackage();
        try (Database read = MsiReader.read(msi)) {
            assertNull(StandardSchema.get("SspSettings"), "the table must stay outside the registry for this test to mean anything");
            Table t = read.tableOrNull("SspSettings");
            assertTrue(t != null && t.schema().sameStorage(SETTINGS), "stored schema " + (t == null ? null : t.schema().columns()));
            List<Row> rows = WriteTestSupport.sorted(t);
            assertEquals(3, rows.size());
            assertEquals(Arrays.asList("Logo", 2, "Main", "Ünïcode ©", 2147483647, "path"), Arrays.asList(rows.get(0).cells()).subList(0, 6));
            assertTrue(Arrays.equals(WriteTestSupport.bytes(5000, 3), ((StreamData) rows.get(0).get(6)).readAllBytes()), "Logo data");
            assertEquals(Arrays.asList("Timeout", 0, "Main", "[TIMEOUT]", 7, "number", null), Arrays.asList(rows.get(1).cells()));
            assertEquals(Arrays.asList("Timeout", 1, "Main", null, null, "number"), Arrays.asList(rows.get(2).cells()).subList(0, 6));

            List<Object[]> validation = new ArrayList<>();
            for (Row r : read.tableOrNull("_Validation").rows()) validation.add(r.cells());
            // The file keeps storage in _Columns and the rest in _Validation: together they give back the declaration.
            assertEquals(SETTINGS, ValidationRows.applyTo(t.schema(), validation));
            assertEquals(StandardSchema.require("Component"), ValidationRows.applyTo(read.tableOrNull("Component").schema(), validation));
        }
    }

    @Tag("interop")
    @Test
    void msiinfoReadsTheCustomTableAndItsValidationRows() throws IOException {
        Tool.require("msiinfo");
        Path msi = writePackage();
        List<String> export = Arrays.asList(msiinfo("export", msi.toString(), "SspSettings").split("\r\n"));
        // Expected from the declaration above, in the IDT notation of the SDK's export format.
        assertEquals(List.of("Setting\tScope\tComponent_\tValue\tFlags\tKind\tData", "s72\ti2\ts72\tL0\tI4\ts16\tV0",
                "SspSettings\tSetting\tScope"), export.subList(0, 3));
        List<String> rows = new ArrayList<>(export.subList(3, export.size()));
        rows.sort(null);
        assertEquals(List.of("Logo\t2\tMain\tÜnïcode ©\t2147483647\tpath\tSspSettings.Logo.2", "Timeout\t0\tMain\t[TIMEOUT]\t7\tnumber\t",
                "Timeout\t1\tMain\t\t\tnumber\tSspSettings.Timeout.1"), rows);
        assertTrue(msiinfo("streams", msi.toString()).lines().toList().containsAll(List.of("SspSettings.Logo.2", "SspSettings.Timeout.1")));
        List<String> validation = new ArrayList<>();
        for (String line : msiinfo("export", msi.toString(), "_Validation").split("\r\n")) if (line.startsWith("SspSettings\t")) validation.add(line);
        validation.sort(null);
        assertEquals(List.of(
                "SspSettings\tComponent_\tN\t\t\tComponent\t1\tIdentifier\t\tComponent that owns the setting.",
                "SspSettings\tData\tY\t\t\t\t\tBinary\t\tAttached bytes.",
                "SspSettings\tFlags\tY\t0\t2147483647\t\t\t\t\tBit flags.",
                "SspSettings\tKind\tN\t\t\t\t\t\tstring;number;path\tValue type.",
                "SspSettings\tScope\tN\t0\t3\t\t\t\t\t0 machine, 1 user, 2 both, 3 none.",
                "SspSettings\tSetting\tN\t\t\t\t\tIdentifier\t\tSetting key.",
                "SspSettings\tValue\tY\t\t\t\t\tFormatted\t\tValue, formatted at install time."), validation);
    }

    private String msiinfo(String... args) {
        List<String> command = new ArrayList<>();
        command.add("msiinfo");
        command.addAll(List.of(args));
        return Tool.run(command, dir, Map.of("LC_ALL", "C.UTF-8"), 60).assertOk().stdout();
    }
}

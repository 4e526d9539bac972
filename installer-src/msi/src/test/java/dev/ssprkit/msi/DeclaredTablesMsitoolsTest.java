package dev.ssprkit.msi;

import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Table;
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
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * msitools is the oracle: a package holding an empty table of every declared schema, and the {@code _Validation}
 * rows of all of them, is written by {@link MsiWriter}; {@code msiinfo tables} must list every table and
 * {@code msiinfo export} must print each with the declared column names, IDT types and key columns.
 */
@Tag("interop")
class DeclaredTablesMsitoolsTest {
    @TempDir
    Path dir;

    @Test
    void msiinfoListsEveryDeclaredTableWithItsColumns() throws IOException {
        Tool.require("msiinfo");
        Database db = new Database();
        for (String name : StandardSchema.all().keySet()) db.table(name);
        Table validation = db.table("_Validation");
        for (TableSchema t : StandardSchema.all().values()) for (Object[] row : ValidationRows.of(t)) validation.add(row);
        Path msi = dir.resolve("all-tables.msi");
        MsiWriter.write(db, msi);

        TreeSet<String> expected = new TreeSet<>(StandardSchema.all().keySet());
        expected.add("_SummaryInformation");
        expected.add("_ForceCodepage");
        assertEquals(expected, new TreeSet<>(lines(msiinfo("tables", msi.toString()))), "msiinfo tables");

        for (TableSchema t : StandardSchema.all().values()) {
            List<String> printed = Arrays.asList(msiinfo("export", msi.toString(), t.name()).split("\r\n"));
            assertEquals(IdtExport.header(t), printed.subList(0, 3), t.name() + ": msiinfo export header");
            List<String> rows = new ArrayList<>(printed.subList(3, printed.size()));
            List<String> want = t.name().equals("_Validation") ? IdtExport.rows(validation) : List.of();
            rows.sort(null);
            want = new ArrayList<>(want);
            want.sort(null);
            assertEquals(want, rows, t.name() + ": rows");
        }
        int columns = StandardSchema.all().values().stream().mapToInt(t -> t.columns().size()).sum();
        assertEquals(columns, validation.rows().size());
    }

    private String msiinfo(String... args) {
        List<String> command = new ArrayList<>();
        command.add("msiinfo");
        command.addAll(List.of(args));
        return Tool.run(command, dir, Map.of("LC_ALL", "C.UTF-8"), 60).assertOk().stdout();
    }

    private static List<String> lines(String out) {
        List<String> l = new ArrayList<>();
        for (String s : out.split("\r?\n")) if (!s.isEmpty()) l.add(s);
        return l;
    }
}

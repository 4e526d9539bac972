package dev.ssprkit.wix.compile;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For the scenarios marked wixl-compatible, wixl builds the same source and the tables agree after normalizing
 * generated GUIDs and ids, short names, and ordering. The tables left out (for every scenario, or for one through its
 * {@code # wixl-differs:} header) are the documented differences (WIXL-DIFFERENCES.md).
 */
@Tag("interop")
class WixlInteropTest {
    /** Tables whose differences are by design; see WIXL-DIFFERENCES.md. */
    static final Set<String> DIFFERENT = Set.of("_Validation", "AdminExecuteSequence", "AdminUISequence", "AdvtExecuteSequence",
            "InstallExecuteSequence", "InstallUISequence", "Property", "CustomAction");
    @TempDir Path tmp;

    @BeforeAll
    static void requireWixl() {
        Tool.require("wixl");
    }

    static List<Scenario> compatible() throws Exception {
        return Scenario.all().stream().filter(Scenario::wixl).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compatible")
    void tablesMatchWixl(Scenario s) throws Exception {
        Path ours = tmp.resolve("ours.msi"), theirs = tmp.resolve("wixl.msi");
        assertTrue(s.build(ours).success());
        List<String> cmd = new ArrayList<>(List.of("wixl", "-o", theirs.toString()));
        if (s.platform() != null) cmd.addAll(List.of("-a", s.platform()));
        s.sources().forEach(p -> cmd.add(p.getFileName().toString()));
        Tool.run(cmd, s.dir(), java.util.Map.of(), 120).assertOk();
        try (Database a = MsiReader.read(ours); Database b = MsiReader.read(theirs)) {
            Set<String> tables = new TreeSet<>();
            for (Database db : List.of(a, b)) {
                db.tables().forEach((name, t) -> {
                    if (!t.rows().isEmpty() && !DIFFERENT.contains(name) && !s.wixlDiffers().contains(name)) tables.add(name);
                });
            }
            for (String t : tables) assertEquals(normalized(b, t), normalized(a, t), s.name() + ": table " + t + " (expected = wixl)");
            // Property: every property wixl writes is ours too, with the same value (GUIDs aside).
            List<String> ourProps = normalized(a, "Property");
            for (String p : normalized(b, "Property")) assertTrue(ourProps.contains(p), s.name() + ": wixl property missing: " + p);
        }
    }

    /**
     * Rows as text with the documented, by-design differences taken out: generated GUIDs and registry ids, the short
     * half of short|long names (wixl writes long names only), the order of SecureCustomProperties, and
     * ServiceInstall's Vital bit (wixl ignores Vital), File.Attributes (wixl always writes 512, ignoring ReadOnly, Hidden,
     * System and Vital="no"; the scenario test checks ours), and the Language of MajorUpgrade's two Upgrade rows (WiX v4
     * writes the product language there, WiX v3 and wixl leave it empty).
     */
    static List<String> normalized(Database db, String table) {
        List<String> out = new ArrayList<>();
        var t = db.tableOrNull(table);
        if (t == null) return out;
        for (var row : t.rows()) {
            Object[] cells = row.cells();
            for (int i = 0; i < cells.length; i++) {
                if (cells[i] instanceof String str) {
                    str = TableText.GUID.matcher(str).replaceAll("<guid>").replaceAll("^(reg|dir|fil|cmp)[0-9A-F]{32}$", "<$1id>");
                    String col = t.schema().columns().get(i).name();
                    if ((col.equals("DefaultDir") || col.equals("FileName") || col.equals("Name")) && str.matches("[^ |]{1,12}\\|.+")) {
                        str = str.substring(str.indexOf('|') + 1);
                    }
                    if (table.equals("Property") && "SecureCustomProperties".equals(cells[0]) && i == 1) {
                        str = String.join(";", new TreeSet<>(List.of(str.split(";"))));
                    }
                    cells[i] = str;
                }
            }
            if (table.equals("ServiceInstall") && cells[5] instanceof Integer ec) cells[5] = ec & 0x7FFF;
            if (table.equals("File")) cells[6] = "<attributes>";
            if (table.equals("Upgrade") && ("WIX_UPGRADE_DETECTED".equals(cells[6]) || "WIX_DOWNGRADE_DETECTED".equals(cells[6]))) cells[3] = null;
            StringBuilder line = new StringBuilder(table).append(':');
            for (Object c : cells) line.append(" | ").append(TableText.cell(c));
            out.add(line.toString());
        }
        out.sort(null);
        return out;
    }
}

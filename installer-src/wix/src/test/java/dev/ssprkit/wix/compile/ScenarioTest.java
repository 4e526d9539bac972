package dev.ssprkit.wix.compile;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.check.StructuralCheck;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.wix.BuildResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Each scenario compiles in-process, its listed tables hold exactly the expected rows (which name their independent
 * source in {@code # source:} lines), it reports exactly the warnings it expects, writes the files it expects beside
 * the MSI, and rebuilds byte-identically.
 */
class ScenarioTest {
    @TempDir Path tmp;

    static List<Scenario> scenarios() throws Exception {
        return Scenario.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void compilesToTheExpectedRows(Scenario s) throws Exception {
        assertFalse(s.sourcesCited().isEmpty(), s.name() + ": expected.txt names no '# source:' for its rows");
        assertFalse(s.expected().isEmpty(), s.name() + ": expected.txt lists no rows");
        Path msi = tmp.resolve(s.name() + ".msi");
        BuildResult r = s.build(msi);
        assertTrue(r.success(), () -> "build failed:\n" + String.join("\n", r.diagnostics().stream().map(Object::toString).toList()));
        assertEquals(List.of(), r.errors());
        assertEquals(s.warnings().stream().sorted().toList(), r.diagnostics().stream().filter(d -> !d.isError())
                .map(d -> d.id() + " line " + d.line()).sorted().toList(), () -> "warnings: " + r.diagnostics());
        for (String file : s.beside()) assertTrue(Files.isRegularFile(tmp.resolve(file)), file + " not written beside the MSI");
        assertEquals(List.of(), StructuralCheck.check(msi), "structural check");
        try (Database db = MsiReader.read(msi)) {
            List<String> problems = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : s.expected().entrySet()) {
                List<String> actual = new ArrayList<>(TableText.rows(db, e.getKey()));
                List<String> missing = new ArrayList<>();
                for (String want : e.getValue()) {
                    String hit = actual.stream().filter(a -> TableText.matches(want, a)).findFirst().orElse(null);
                    if (hit == null) missing.add(want);
                    else actual.remove(hit);
                }
                missing.forEach(m -> problems.add("missing:    " + m));
                actual.forEach(a -> problems.add("unexpected: " + a));
            }
            if (!problems.isEmpty()) fail(s.name() + ":\n" + String.join("\n", problems));
        }
        Path again = tmp.resolve(s.name() + "-again.msi");
        assertTrue(s.build(again).success());
        assertArrayEquals(Files.readAllBytes(msi), Files.readAllBytes(again), "the same source must build byte-identical MSIs");
    }
}

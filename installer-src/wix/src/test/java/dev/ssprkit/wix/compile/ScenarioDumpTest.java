package dev.ssprkit.wix.compile;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.wix.BuildResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/** A helper for writing scenarios: {@code -Ddump=NAME} prints every table of that scenario in expected.txt form. */
class ScenarioDumpTest {
    @TempDir Path tmp;

    @Test
    void dump() throws Exception {
        String names = System.getProperty("dump");
        Assumptions.assumeTrue(names != null && !names.isBlank(), "set -Ddump=SCENARIO to print its tables");
        StringBuilder out = new StringBuilder();
        for (String name : names.split(",")) {
            Scenario s = Scenario.load(Scenario.root("scenarios").resolve(name));
            BuildResult r = s.build(tmp.resolve(name + ".msi"));
            out.append("==== ").append(name).append('\n');
            r.diagnostics().forEach(d -> out.append("# ").append(d).append('\n'));
            if (!r.success()) continue;
            try (Database db = MsiReader.read(r.output())) {
                for (String t : db.tables().keySet()) {
                    if (t.startsWith("_")) continue;
                    TableText.rows(db, t).forEach(l -> out.append(l).append('\n'));
                }
            }
        }
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "scenario-dump.txt"), out);
        System.out.println(out);
    }
}

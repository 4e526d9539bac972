package dev.ssprkit.wix.compile;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.wix.BuildResult;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tool for writing scenarios (not a test): prints every table of the named scenarios in expected.txt form.
 * Run it from the IDE, or: {@code mvn -q -pl installer-src/wix exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.ssprkit.wix.compile.ScenarioDump -Dexec.args=v3-basic-files}.
 */
final class ScenarioDump {
    private ScenarioDump() {}

    public static void main(String[] args) throws Exception {
        String names = String.join(",", args);
        Path tmp = Files.createTempDirectory("scenario-dump-");
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

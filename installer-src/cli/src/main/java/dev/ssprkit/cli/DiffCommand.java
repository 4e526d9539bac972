package dev.ssprkit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.diff.DatabaseDiff;
import dev.ssprkit.msi.model.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code sspr diff A.msi B.msi}: tables and rows added, removed or changed (exit 1 when they differ). */
@Command(name = "diff", mixinStandardHelpOptions = true, description = "Compare two packages table by table; exit 1 when they differ.")
final class DiffCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "A.msi") Path a;
    @Parameters(index = "1", paramLabel = "B.msi") Path b;
    @Option(names = "--json", description = "Machine-readable output.") boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Database da = MsiReader.read(a); Database db = MsiReader.read(b)) {
            DatabaseDiff diff = DatabaseDiff.of(da, db);
            if (json) out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(diff.changes()));
            else diff.changes().forEach(c -> out.println(c.text()));
            return diff.isEmpty() ? Sspr.OK : Sspr.FAILED;
        }
    }
}

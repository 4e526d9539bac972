package dev.ssprkit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.diff.DatabaseDiff;
import dev.ssprkit.msi.model.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
            boolean differ;
            if (json) {
                // one change at a time, as the text form: the array is never held whole (100,000 changed rows: 20 MB)
                ObjectWriter writer = new ObjectMapper().writer().with(SerializationFeature.INDENT_OUTPUT)
                        .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                try (SequenceWriter array = writer.writeValuesAsArray(out)) {
                    differ = DatabaseDiff.compare(da, db, c -> {
                        try {
                            array.write(c);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
                out.println();
            } else {
                differ = DatabaseDiff.compare(da, db, c -> out.println(c.text()));
            }
            return differ ? Sspr.FAILED : Sspr.OK;
        }
    }
}

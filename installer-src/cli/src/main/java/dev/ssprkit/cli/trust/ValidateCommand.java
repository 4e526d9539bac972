package dev.ssprkit.cli.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ssprkit.cli.Sspr;
import dev.ssprkit.validate.Finding;
import dev.ssprkit.validate.Severity;
import dev.ssprkit.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code sspr validate FILE}: the ICE validation of a package; every finding printed, exit 1 when any is an error. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Run the ICE validation (the darice.cub rules that matter to a product) on a package.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors (warnings may be printed)", "1:ICE errors, or the file is not a readable package",
                "2:usage error", "4:I/O error"})
public final class ValidateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "FILE.msi") Path file;
    @Option(names = "--json", description = "Machine-readable output.") boolean json;
    @Option(names = {"--suppress", "-sice"}, paramLabel = "ICEnn", split = "[;,]",
            description = "Leave this ICE's findings out (as sspr build -sice); the summary line counts them.")
    List<String> suppress = new java.util.ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString());
        java.util.Set<String> suppressed = new java.util.TreeSet<>(dev.ssprkit.cli.IceNames.parse("--suppress", suppress));
        List<Finding> all = Validator.validate(file);
        List<Finding> findings = all.stream().filter(f -> !suppressed.contains(f.iceId())).toList();
        long hidden = all.size() - findings.size();
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = findings.size() - errors;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(findings));
        } else {
            for (Finding f : findings) out.println(f);
            out.println(file + ": " + errors + " error(s), " + warnings + " warning(s)"
                    + (hidden > 0 ? ", " + hidden + " finding(s) of " + String.join(", ", suppressed) + " suppressed" : ""));
        }
        return errors > 0 ? Sspr.FAILED : Sspr.OK;
    }
}

package dev.ssprkit.cli;

import dev.ssprkit.common.InvalidValueException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ssprkit.endpoint.msiexec.MsiexecResult;
import dev.ssprkit.endpoint.msiexec.MsiexecRunner;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Options shared by {@code install}, {@code uninstall} and {@code repair}, and the one place that runs
 * {@link MsiexecRunner} for them and turns its result into output and an exit status ({@link Sspr#msiexecStatus}).
 */
final class MsiexecOptions {
    static final String ENV_MSIEXEC = "SSPR_MSIEXEC";

    @Option(names = "--msiexec", paramLabel = "COMMAND",
            description = "The msiexec program and leading arguments, split at spaces (quote parts with \"...\"), "
                    + "e.g. \"wine msiexec\". Default: $" + ENV_MSIEXEC + ", else msiexec.")
    String msiexec;

    @Option(names = {"-p", "--property"}, paramLabel = "NAME=VALUE",
            description = "A public property (upper-case name) for msiexec; values with quotes or line breaks are refused.")
    List<String> properties = new ArrayList<>();

    @Option(names = "--log", paramLabel = "FILE", description = "Verbose log (/l*vx); its folder is created. "
            + "Default: <temp>/sspr/<package>.<operation>.log.")
    Path log;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "5",
            description = "How many times msiexec runs while another installation is in progress (1618). Default: ${DEFAULT-VALUE}.")
    int retries;

    @Option(names = "--retry-delay", paramLabel = "SECONDS", defaultValue = "30",
            description = "First wait after 1618, doubled each time up to 5 minutes. Default: ${DEFAULT-VALUE}.")
    long retryDelay;

    @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "60",
            description = "How long one msiexec run may take. Default: ${DEFAULT-VALUE}.")
    long timeoutMinutes;

    @Option(names = "--json", description = "Print the result as JSON on stdout.")
    boolean json;

    /** Runs one operation; prints the result; returns the exit status. */
    int execute(CliContext ctx, CommandSpec spec, MsiexecRunner.Operation op, String target, Map<String, String> extra) throws Exception {
        if (retries < 1) throw new InvalidValueException("--retries must be at least 1");
        if (retryDelay < 0 || timeoutMinutes < 1) throw new InvalidValueException("--retry-delay must be >= 0 and --timeout >= 1");
        List<String> command = command(ctx);
        Map<String, String> props = new LinkedHashMap<>();
        for (String p : properties) {
            int eq = p.indexOf('=');
            if (eq <= 0) throw new InvalidValueException("-p needs NAME=VALUE, not '" + p + "'");
            props.put(p.substring(0, eq), p.substring(eq + 1));
        }
        props.putAll(extra);
        Duration first = Duration.ofSeconds(retryDelay);
        MsiexecRunner runner = MsiexecRunner.builder().command(command)
                .retryOnBusy(retries, first, first.compareTo(Duration.ofMinutes(5)) > 0 ? first : Duration.ofMinutes(5))
                .timeout(Duration.ofMinutes(timeoutMinutes)).build();
        Path logFile = log != null ? log : defaultLog(target, op);
        MsiexecResult r = runner.run(op, target, props, logFile);
        int status = Sspr.msiexecStatus(r.exit());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("operation", op.name().toLowerCase(Locale.ROOT));
            m.put("target", target);
            m.put("exitCode", r.exitCode());
            m.put("result", r.exit().name());
            m.put("message", r.exit().message);
            m.put("succeeded", r.exit().succeeded());
            m.put("restartNeeded", r.exit().restartNeeded());
            m.put("attempts", r.attempts());
            m.put("failedAction", r.failedAction());
            m.put("log", r.log().toString());
            m.put("command", r.command());
            m.put("status", status);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        } else if (r.exit().succeeded()) {
            out.println(op.name().toLowerCase(Locale.ROOT) + " " + target + ": " + r.describe());
        }
        if (!r.exit().succeeded()) spec.commandLine().getErr().println(spec.qualifiedName() + ": " + r.describe());
        return status;
    }

    /** --msiexec, else $SSPR_MSIEXEC, else msiexec. */
    List<String> command(CliContext ctx) {
        String c = msiexec != null ? msiexec : ctx.env().get(ENV_MSIEXEC);
        if (c == null || c.isBlank()) return List.of("msiexec");
        return split(c);
    }

    /** Words separated by spaces; "double quotes" keep spaces inside a word. */
    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false, any = false;
        for (char ch : s.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(ch) && !quoted) {
                if (any) out.add(word.toString());
                word.setLength(0);
                any = false;
            } else {
                word.append(ch);
                any = true;
            }
        }
        if (quoted) throw new InvalidValueException("unbalanced quote in the msiexec command: " + s);
        if (any) out.add(word.toString());
        if (out.isEmpty()) throw new InvalidValueException("empty msiexec command");
        return out;
    }

    /**
     * A path as the msiexec command sees it: unchanged for a native msiexec, {@code Z:\...} when it runs under Wine
     * (Wine resolves TRANSFORMS only as a Windows path).
     */
    String forMsiexec(CliContext ctx, Path p) {
        List<String> c = command(ctx);
        boolean wine = c.stream().map(w -> w.substring(w.lastIndexOf('/') + 1)).anyMatch(w -> w.equals("wine") || w.equals("wine64"));
        return wine ? "Z:" + p.toAbsolutePath().toString().replace('/', '\\') : p.toAbsolutePath().toString();
    }

    private static Path defaultLog(String target, MsiexecRunner.Operation op) {
        String name = target.startsWith("{") ? target.replaceAll("[{}]", "") : Path.of(target).getFileName().toString();
        return Path.of(System.getProperty("java.io.tmpdir"), "sspr", name + "." + op.name().toLowerCase(Locale.ROOT) + ".log");
    }
}

package dev.ssprkit.cli;

import dev.ssprkit.cab.CabinetException;
import dev.ssprkit.common.ExitStatus;
import dev.ssprkit.common.cli.CommandFailures;
import picocli.CommandLine;

import java.util.Map;
import java.util.Optional;

/**
 * The {@code sspr} binary's one failure mapping ({@link CommandFailures}: {@link ExitStatus} by error kind, internal
 * errors never blamed on the input, stack traces with {@code --debug} or {@code SSPR_DEBUG=1}), plus the library
 * types that do not say their kind themselves.
 */
public final class Errors {
    private Errors() {}

    /** Installs the mapping on the command line that runs {@code execute} (it then covers every subcommand). */
    public static void install(CommandLine root, Map<String, String> environment) {
        CommandFailures.install(root, environment, Errors::ownTypes);
    }

    /** A corrupt or unsupported cabinet is bad input (CabinetException is an IOException that does not classify itself). */
    static Optional<ExitStatus> ownTypes(Throwable e) {
        if (e instanceof CabinetException) return Optional.of(ExitStatus.BAD_INPUT);
        return Optional.empty();
    }
}

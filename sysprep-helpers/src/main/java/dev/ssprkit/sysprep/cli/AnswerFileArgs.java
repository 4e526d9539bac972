package dev.ssprkit.sysprep.cli;

import dev.ssprkit.sysprep.unattend.Unattend;
import picocli.CommandLine;

import java.nio.file.Path;

/** What the unattend subcommands take: the answer file and {@code --arch}. */
final class AnswerFileArgs {
    @CommandLine.Option(names = "--arch", paramLabel = "ARCH",
            description = "processorArchitecture the image uses: amd64, x86, arm64 (default: the one most components of the file name)")
    String arch;

    @CommandLine.Parameters(paramLabel = "FILE", description = "the answer file")
    Path file;

    /** {@code --arch}, checked (null: infer it from the file). */
    String arch(CommandLine cl) {
        if (arch != null && !Unattend.ARCHITECTURES.contains(arch)) {
            throw new CommandLine.ParameterException(cl, "--arch must be one of " + Unattend.ARCHITECTURES + ", got '" + arch + "'");
        }
        return arch;
    }
}

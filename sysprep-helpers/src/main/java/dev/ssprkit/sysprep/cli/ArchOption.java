package dev.ssprkit.sysprep.cli;

import dev.ssprkit.sysprep.unattend.Unattend;
import picocli.CommandLine;

/** {@code --arch}, shared by the unattend subcommands. */
final class ArchOption {
    @CommandLine.Option(names = "--arch", paramLabel = "ARCH",
            description = "processorArchitecture the image uses: amd64, x86, arm64 (default: the one most components of the file name)")
    String arch;

    String validated(CommandLine cl) {
        if (arch != null && !Unattend.ARCHITECTURES.contains(arch)) {
            throw new CommandLine.ParameterException(cl, "--arch must be one of " + Unattend.ARCHITECTURES + ", got '" + arch + "'");
        }
        return arch;
    }
}

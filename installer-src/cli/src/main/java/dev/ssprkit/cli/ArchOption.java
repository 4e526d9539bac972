package dev.ssprkit.cli;

import dev.ssprkit.common.InvalidValueException;
import dev.ssprkit.endpoint.SsprKeys;
import dev.ssprkit.registry.RegistryStore;
import picocli.CommandLine.Option;

import java.io.IOException;

/** {@code --arch}: whether the Wow6432Node twins of 64-bit Windows apply; by default taken from the registry itself. */
final class ArchOption {
    @Option(names = "--arch", paramLabel = "x86|x64",
            description = "The machine's architecture (x64 adds the Wow6432Node values). Default: PROCESSOR_ARCHITECTURE in the registry, else x64.")
    String arch;

    boolean is64Bit(RegistryStore store) throws IOException {
        if (arch != null) {
            if (arch.equalsIgnoreCase("x64") || arch.equalsIgnoreCase("amd64")) return true;
            if (arch.equalsIgnoreCase("x86")) return false;
            throw new InvalidValueException("--arch must be x86 or x64, not '" + arch + "'");
        }
        return store.string(SsprKeys.SESSION_ENVIRONMENT, "PROCESSOR_ARCHITECTURE").map(a -> !a.equalsIgnoreCase("x86")).orElse(true);
    }
}

package dev.ssprkit.cli;

import dev.ssprkit.common.UnsupportedHereException;
import dev.ssprkit.registry.RegFile;
import dev.ssprkit.registry.RegistryStore;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** {@code --reg-file}: read the state from a .reg export instead of the live registry (which only Windows has). */
class RegistrySource {
    @Option(names = "--reg-file", paramLabel = "FILE.reg",
            description = "Use this .reg export (regedit /e, or reg export HKLM FILE.reg) instead of the live registry.")
    Path regFile;

    /** The store to read: the .reg file, or the live registry; fails with a pointer to the options elsewhere. */
    RegistryStore open(CliContext ctx) throws IOException {
        if (regFile != null) return RegFile.read(regFile);
        return ctx.liveRegistry().get().orElseThrow(() -> noLiveRegistry(false));
    }

    static UnsupportedHereException noLiveRegistry(boolean change) {
        return new UnsupportedHereException("this machine has no Windows registry (" + System.getProperty("os.name")
                + "); read a .reg export with --reg-file FILE.reg"
                + (change ? ", apply the change to one with --reg-file FILE.reg, or write it as a .reg file with --emit-reg OUT.reg" : ""));
    }
}

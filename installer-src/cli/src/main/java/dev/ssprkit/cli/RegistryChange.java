package dev.ssprkit.cli;

import dev.ssprkit.registry.InMemoryRegistry;
import dev.ssprkit.registry.RegFile;
import dev.ssprkit.registry.RegistryStore;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a change goes: the live registry; with {@code --reg-file}, into that .reg file (read first when it exists);
 * with {@code --emit-reg}, into a new .reg file holding only the change (reading the current state from
 * {@code --reg-file} or the live registry when there is one).
 */
final class RegistryChange extends RegistrySource {
    @Option(names = "--emit-reg", paramLabel = "OUT.reg",
            description = "Write the change as a .reg file (to import with regedit /s or reg import) instead of applying it.")
    Path emitReg;

    /** A change to make through a store. */
    interface Change {
        void apply(RegistryStore store) throws IOException;
    }

    /** Applies the change; returns where it went, for the message. */
    String apply(CliContext ctx, Change change) throws IOException {
        if (emitReg != null) {
            RegistryStore base = regFile != null ? RegFile.read(regFile) : ctx.liveRegistry().get().orElseGet(InMemoryRegistry::new);
            ChangeRecorder recorder = new ChangeRecorder(base);
            change.apply(recorder);
            Path out = emitReg.toAbsolutePath();
            if (out.getParent() != null) Files.createDirectories(out.getParent());
            recorder.changes().write(out);
            return "written to " + emitReg + " (import it with: reg import " + emitReg.getFileName() + ")";
        }
        if (regFile != null) {
            RegFile file = Files.exists(regFile) ? RegFile.read(regFile) : new RegFile();
            change.apply(file);
            file.write(regFile);
            return "applied to " + regFile;
        }
        RegistryStore live = ctx.liveRegistry().get().orElseThrow(() -> noLiveRegistry(true));
        change.apply(live);
        return "applied to the registry";
    }
}

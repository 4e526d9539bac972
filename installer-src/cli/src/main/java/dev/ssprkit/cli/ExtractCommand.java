package dev.ssprkit.cli;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.layout.InstallLayout;
import dev.ssprkit.msi.layout.PackageExtractor;
import dev.ssprkit.msi.model.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code sspr extract}: the package's files, laid out as they would install. */
@Command(name = "extract", mixinStandardHelpOptions = true, description = "Extract a package's files into a folder, laid out as they install.")
final class ExtractCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    private final CliContext ctx;
    @Parameters(index = "0", paramLabel = "FILE.msi") Path msi;
    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "Folder to extract into (created).") Path out;

    ExtractCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        try (Database db = MsiReader.read(msi)) {
            Path dir = msi.toAbsolutePath().getParent();
            List<Path> written;
            int total = ctx.interactive() ? new InstallLayout(db).files().size() : 0;
            try (Progress p = Progress.start(ctx, spec.commandLine().getErr(), "extracting", total, () -> countFiles(out))) {
                written = PackageExtractor.extract(db, dir, out);
            }
            spec.commandLine().getOut().println("extracted " + written.size() + " files into " + out);
        }
        return Sspr.OK;
    }

    /** Files written so far (polled by the progress line only). */
    private static long countFiles(Path dir) {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}

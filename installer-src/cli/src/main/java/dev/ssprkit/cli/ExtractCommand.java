package dev.ssprkit.cli;

import dev.ssprkit.common.InvalidValueException;
import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.layout.InstallLayout;
import dev.ssprkit.msi.layout.PackageExtractor;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.patch.PatchReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code sspr extract}: the package's files, laid out as they would install. */
@Command(name = "extract", mixinStandardHelpOptions = true, description = {"Extract a package's (or merge module's) files into a folder, laid out as they install; a patch's files go into the folder flat.",
        "The folder appears whole or not at all: a bad cabinet found halfway leaves it as it was."})
final class ExtractCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    private final CliContext ctx;
    @Parameters(index = "0", paramLabel = "FILE.msi") Path msi;
    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "Folder to extract into (created).") Path out;
    @Option(names = "--layout", paramLabel = "windows|ids", description = "Standard folders by their real names (Program Files, "
            + "Windows/System32...; the default) or by their Directory ids (ProgramFilesFolder...).") String layout = "windows";

    ExtractCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        InstallLayout.Style style = PackageKinds.style(layout);
        String kind = MsiReader.kindOf(msi);
        if ("transform".equals(kind)) {
            throw new InvalidValueException(msi + " is a transform: it holds table changes, not files; extract the package it applies to");
        }
        if ("patch".equals(kind)) {
            try (PatchReader patch = PatchReader.open(msi)) {
                List<Path> written = patch.extractFiles(out);
                spec.commandLine().getOut().println("extracted " + written.size() + " files of the patch into " + out);
            }
            return Sspr.OK;
        }
        try (Database db = MsiReader.read(msi)) {
            PackageExtractor.Extraction result;
            int total = ctx.interactive() ? new InstallLayout(db, style).files().size() : 0;
            try (Progress p = Progress.start(ctx, spec.commandLine().getErr(), "extracting", total, () -> countFiles(out))) {
                result = new PackageExtractor(db, msi, style).extractTo(out);
            }
            PrintWriter err = spec.commandLine().getErr();
            db.readWarnings().forEach(w -> err.println("warning: " + w));
            result.warnings().forEach(w -> err.println("warning: " + w));
            spec.commandLine().getOut().println("extracted " + result.written().size() + " files into " + out);
        }
        return Sspr.OK;
    }

    /**
     * Files written so far (polled by the progress line only): extraction writes into a hidden staging folder beside
     * the target ({@code .NAME.<random>.tmp}, see AtomicDirectory) and moves it in at the end.
     */
    private static long countFiles(Path dir) {
        Path abs = dir.toAbsolutePath();
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) return 0;
        String prefix = "." + abs.getFileName() + ".";
        try (Stream<Path> siblings = Files.list(parent)) {
            long n = 0;
            for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".tmp")).toList()) {
                try (Stream<Path> s = Files.walk(p)) {
                    n += s.filter(Files::isRegularFile).count();
                }
            }
            return n;
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}

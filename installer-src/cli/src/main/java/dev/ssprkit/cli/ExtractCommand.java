package dev.ssprkit.cli;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.layout.PackageExtractor;
import dev.ssprkit.msi.model.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code sspr extract}: the package's files, laid out as they would install. */
@Command(name = "extract", mixinStandardHelpOptions = true, description = "Extract a package's files into a folder, laid out as they install.")
final class ExtractCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "FILE.msi") Path msi;
    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "Folder to extract into (created).") Path out;

    @Override
    public Integer call() throws Exception {
        try (Database db = MsiReader.read(msi)) {
            Path dir = msi.toAbsolutePath().getParent();
            List<Path> written = PackageExtractor.extract(db, dir, out);
            spec.commandLine().getOut().println("extracted " + written.size() + " files into " + out);
        }
        return Sspr.OK;
    }
}

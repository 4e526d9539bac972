package dev.ssprkit.cli;

import dev.ssprkit.endpoint.msiexec.MsiexecRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code sspr install}: {@code msiexec /i PACKAGE /qn /norestart /l*vx LOG} with properties and transforms. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = "Install a package quietly with msiexec /i (verbose log, retry on 1618, exit code explained).")
final class InstallCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin MsiexecOptions msiexec;
    @Parameters(index = "0", paramLabel = "FILE.msi") Path msi;
    @Option(names = {"-t", "--transform"}, paramLabel = "FILE.mst", description = "Apply these transforms (TRANSFORMS=...).")
    List<Path> transforms = new ArrayList<>();
    private final CliContext ctx;

    InstallCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(msi)) throw new NoSuchFileException(msi.toString());
        List<String> mst = new ArrayList<>();
        for (Path t : transforms) {
            if (!Files.isRegularFile(t)) throw new NoSuchFileException(t.toString());
            mst.add(msiexec.forMsiexec(ctx, t));
        }
        Map<String, String> extra = mst.isEmpty() ? Map.of() : Map.of("TRANSFORMS", String.join(";", mst));
        return msiexec.execute(ctx, spec, MsiexecRunner.Operation.INSTALL, msi.toString(), extra);
    }
}

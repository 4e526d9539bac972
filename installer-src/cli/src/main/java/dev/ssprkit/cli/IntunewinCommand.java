package dev.ssprkit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssprkit.intune.ApplicationInfo;
import dev.ssprkit.intune.IntuneWinReader;
import dev.ssprkit.intune.IntuneWinWriter;
import dev.ssprkit.intune.MsiInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code sspr intunewin pack|unpack}: Intune Win32 app packages on any OS ({@link IntuneWinWriter}, {@link IntuneWinReader}). */
@Command(name = "intunewin", mixinStandardHelpOptions = true,
        description = "Intune Win32 app packages (.intunewin) without Windows: pack a setup file (and its folder), unpack any package.",
        subcommands = {IntunewinCommand.Pack.class, IntunewinCommand.Unpack.class})
final class IntunewinCommand {
    @Command(name = "pack", mixinStandardHelpOptions = true,
            description = "Zip the setup file (or the whole --source folder), encrypt it (AES-256-CBC, HMAC-SHA256, fresh random keys) and write "
                    + "the .intunewin with its Detection.xml; for an MSI, Detection.xml's MsiInfo is read from the package. Zip64 past 4 GiB; "
                    + "memory does not grow with the package.")
    static final class Pack implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--setup", required = true, paramLabel = "FILE", description = "The installer Intune runs (e.g. SsprWindowsLogon.PROD.msi).") Path setup;
        @Option(names = "--source", paramLabel = "DIR", description = "Package every file of this folder (the setup file must be inside). "
                + "Default: the setup file alone.") Path source;
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.intunewin", description = "The package to write.") Path out;
        @Option(names = "--level", paramLabel = "0-9", defaultValue = "1",
                description = "Deflate level of the inner package (1 like Microsoft's tool; 0 stores, for content compressed already). Default: ${DEFAULT-VALUE}.") int level;
        @Option(names = "--json", description = "Print what was written as JSON (no keys).") boolean json;

        @Override
        public Integer call() throws Exception {
            IntuneWinWriter.Result r = IntuneWinWriter.pack(setup, source, out, IntuneWinWriter.Options.defaults().withDeflateLevel(level));
            PrintWriter o = spec.commandLine().getOut();
            if (json) {
                ObjectNode n = describe(r.info(), r.encryptedSize());
                n.put("file", out.toString());
                n.put("files", r.files());
                n.put("outputSize", r.outputSize());
                Json.print(o, n);
            } else {
                o.printf("%s: %d file(s), %,d bytes zipped, %,d bytes encrypted, %,d bytes in all%n", out, r.files(),
                        r.info().unencryptedContentSize(), r.encryptedSize(), r.outputSize());
                MsiInfo m = r.info().msiInfo();
                if (m != null) o.printf("  MsiInfo: %s %s, upgrade code %s, %s context%n", m.productCode(), m.productVersion(), m.upgradeCode(), m.executionContext());
            }
            return Sspr.OK;
        }
    }

    @Command(name = "unpack", mixinStandardHelpOptions = true,
            description = "Authenticate (HMAC-SHA256) and decrypt any .intunewin, check its digest, and extract its files into a new folder. "
                    + "A package that fails a check is refused (exit 3) and nothing is written.")
    static final class Unpack implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE.intunewin") Path file;
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "New (or empty) folder for the files.") Path out;

        @Override
        public Integer call() throws Exception {
            try (IntuneWinReader r = IntuneWinReader.open(file)) {
                List<String> files = r.unpackTo(out);
                PrintWriter o = spec.commandLine().getOut();
                ApplicationInfo a = r.info();
                o.println(file + ": " + a.name() + " (setup " + a.setupFile() + "), HMAC and SHA-256 verified; " + files.size() + " file(s) in " + out + ":");
                files.forEach(f -> o.println("  " + f));
            }
            return Sspr.OK;
        }
    }

    /** Detection.xml's public facts (sizes, setup, MsiInfo) without the keys. */
    static ObjectNode describe(ApplicationInfo a, long encryptedSize) {
        ObjectNode n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        n.put("name", a.name());
        n.put("setupFile", a.setupFile());
        n.put("unencryptedContentSize", a.unencryptedContentSize());
        n.put("encryptedSize", encryptedSize);
        n.put("profileIdentifier", a.encryptionInfo().profileIdentifier());
        if (a.msiInfo() != null) {
            ObjectNode m = n.putObject("msiInfo");
            m.put("productCode", a.msiInfo().productCode());
            m.put("productVersion", a.msiInfo().productVersion());
            m.put("upgradeCode", a.msiInfo().upgradeCode());
            m.put("packageCode", a.msiInfo().packageCode());
            m.put("publisher", a.msiInfo().publisher());
            m.put("executionContext", a.msiInfo().executionContext().name());
            m.put("requiresReboot", a.msiInfo().requiresReboot());
        }
        return n;
    }
}

package dev.ssprkit.sysprep.cache;

import dev.ssprkit.common.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the cleaner scripts for machines without Java ({@code scripts/clean-webcache.cmd} and
 * {@code scripts/clean-webcache.ps1}) from {@link CacheTargets}. {@code ScriptsUpToDateTest} fails when the checked-in
 * scripts differ from {@link #cmd()} / {@link #powershell()}; regenerate with
 * {@code mvn -f sysprep-helpers/pom.xml test -Dtest=ScriptsUpToDateTest -Dsysprep.regenerateScripts=true}
 * or {@code java -cp ... dev.ssprkit.sysprep.cache.ScriptGenerator sysprep-helpers/scripts}.
 *
 * <p>Both scripts follow the Java rules: the profile folder must be a real folder with a real {@code AppData\Local};
 * a link on the way to the cache folders, or a cache root that is itself a link, is skipped; exit status 0 when
 * everything went, 1 when something is left, 2 on usage errors, 3 when a profile folder is refused.
 */
public final class ScriptGenerator {
    public static final String CMD_NAME = "clean-webcache.cmd";
    public static final String PS1_NAME = "clean-webcache.ps1";

    private final List<CacheTarget> targets;

    public ScriptGenerator(List<CacheTarget> targets) {
        this.targets = List.copyOf(targets);
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "scripts");
        new ScriptGenerator(CacheTargets.ALL).writeTo(dir);
        System.out.println("wrote " + dir.resolve(CMD_NAME) + " and " + dir.resolve(PS1_NAME));
    }

    public void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        AtomicFile.writeString(dir.resolve(CMD_NAME), cmd(), StandardCharsets.US_ASCII);
        AtomicFile.writeString(dir.resolve(PS1_NAME), powershell(), StandardCharsets.UTF_8);
    }

    /** The batch file, CRLF line ends (cmd.exe misparses labels in LF-only files). */
    public String cmd() {
        return CmdScript.render(targets).replace("\n", "\r\n");
    }

    /** The PowerShell script (Windows PowerShell 5.1 and later), CRLF line ends. */
    public String powershell() {
        return PowerShellScript.render(targets).replace("\n", "\r\n");
    }
}

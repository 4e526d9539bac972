package dev.ssprkit.sysprep.cli;

import dev.ssprkit.common.AtomicFile;
import dev.ssprkit.common.ExitStatus;
import dev.ssprkit.common.UnsupportedHereException;
import dev.ssprkit.sysprep.cache.CleanReport;
import dev.ssprkit.sysprep.locks.LockInspector;
import dev.ssprkit.sysprep.profile.OfflineProfileLocator;
import dev.ssprkit.sysprep.profile.ProfileLocator;
import dev.ssprkit.sysprep.run.CacheCleaning;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code sysprep clean-cache}: the web cache cleaner, live (Windows) or on an offline image. */
@Command(name = "clean-cache", mixinStandardHelpOptions = true,
        description = {"Delete the built-in Administrator's web cache (WebCache, WebCacheLock.dat, INetCache, INetCookies, "
                + "Temporary Internet Files under AppData\\Local\\Microsoft\\Windows) before sysprep with CopyProfile.",
                "Links, junctions and reparse points are never followed; nothing outside those folders is deleted."})
final class CleanCacheCommand implements Callable<Integer> {
    private final Host host;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--image-root", paramLabel = "DIR",
            description = "an offline image (DISM mount or any folder with Users\\...); without it, the running Windows")
    Path imageRoot;

    @CommandLine.Option(names = "--profile", paramLabel = "NAME",
            description = "offline: the built-in Administrator's profile folder under Users (default Administrator); "
                    + "needed when the account was renamed, as its SID cannot be read offline")
    String profile;

    @CommandLine.Option(names = "--include-default", description = "also clean the Default profile (Users\\Default)")
    boolean includeDefault;

    @CommandLine.Option(names = "--dry-run", description = "list what would be removed (count, bytes); delete nothing")
    boolean dryRun;

    @CommandLine.Option(names = "--stop-processes",
            description = "live mode: end the processes holding the WebCache files (taskhostw.exe, dllhost.exe) first")
    boolean stopProcesses;

    @CommandLine.Option(names = "--json", paramLabel = "FILE", description = "also write the report as JSON to FILE ('-': stdout, instead of text)")
    Path json;

    CleanCacheCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        boolean jsonToStdout = json != null && json.toString().equals("-");
        PrintWriter log = jsonToStdout ? cl.getErr() : cl.getOut();
        ProfileLocator locator;
        LockInspector locks;
        if (imageRoot != null) {
            if (stopProcesses) throw new CommandLine.ParameterException(cl, "--stop-processes only applies to the running Windows, not --image-root");
            locator = new OfflineProfileLocator(imageRoot, profile);
            locks = LockInspector.none();
        } else {
            if (!host.isWindows()) {
                throw new UnsupportedHereException("cleaning the running system's profiles needs Windows; "
                        + "for a mounted image or a copy of a profile tree use --image-root DIR");
            }
            if (profile != null) throw new CommandLine.ParameterException(cl, "--profile applies to --image-root; live mode finds the built-in Administrator by its SID");
            locator = host.liveProfiles();
            locks = host.lockInspector();
        }
        CleanReport report = CacheCleaning.clean(locator, locks,
                new CacheCleaning.Options(includeDefault, dryRun, stopProcesses), log);
        if (jsonToStdout) {
            cl.getOut().print(report.toJson());
        } else {
            log.print(report.toText());
            if (json != null) AtomicFile.writeString(json, report.toJson(), StandardCharsets.UTF_8);
        }
        return report.succeeded() ? ExitStatus.OK.code : ExitStatus.FAILED.code;
    }
}

package dev.ssprkit.sysprep.cli;

import dev.ssprkit.common.ExitStatus;
import dev.ssprkit.common.UnsupportedHereException;
import dev.ssprkit.sysprep.run.CacheCleaning;
import dev.ssprkit.sysprep.run.SysprepRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code sysprep run --unattend FILE}: check, clean, confirm, sysprep (Windows only). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Windows only: check the answer file, clean the built-in Administrator's web cache, then run",
                "%WINDIR%\\System32\\Sysprep\\sysprep.exe /generalize /oobe /shutdown /unattend:FILE after confirmation."})
final class RunCommand implements Callable<Integer> {
    private final Host host;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--unattend", paramLabel = "FILE", required = true, description = "the answer file")
    Path unattend;

    @CommandLine.Option(names = "--yes", description = "do not ask for confirmation")
    boolean yes;

    @CommandLine.Option(names = "--include-default", description = "also clean the Default profile")
    boolean includeDefault;

    @CommandLine.Option(names = "--stop-processes", description = "end the processes holding the WebCache files first")
    boolean stopProcesses;

    RunCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() throws IOException {
        if (!host.isWindows()) {
            throw new UnsupportedHereException("sysprep runs only on the Windows being prepared; "
                    + "elsewhere use 'unattend check' and 'clean-cache --image-root DIR'");
        }
        PrintWriter out = spec.commandLine().getOut();
        SysprepRun run = new SysprepRun(host.liveProfiles(), host.lockInspector(), host.sysprepRunner(), host.windowsDirectory());
        SysprepRun.Outcome outcome = run.run(unattend, new CacheCleaning.Options(includeDefault, false, stopProcesses),
                command -> yes || confirm(out, command), out);
        return switch (outcome.status()) {
            case DONE -> ExitStatus.OK.code;
            case UNATTEND_PROBLEMS, CLEAN_FAILED -> ExitStatus.FAILED.code;
            case CANCELLED -> {
                out.println("cancelled; nothing was run");
                yield ExitStatus.CANCELLED.code;
            }
            case SYSPREP_FAILED -> {
                spec.commandLine().getErr().println("error: sysprep.exe exited with " + outcome.sysprepExitCode());
                yield ExitStatus.SYSPREP_FAILED.code;
            }
        };
    }

    private boolean confirm(PrintWriter out, List<String> command) {
        out.println("about to run: " + String.join(" ", command));
        out.print("This generalizes Windows and shuts the machine down. Type 'yes' to go on: ");
        out.flush();
        try {
            String answer = host.console().readLine();
            return answer != null && answer.strip().toLowerCase(Locale.ROOT).equals("yes");
        } catch (IOException e) {
            return false;
        }
    }
}

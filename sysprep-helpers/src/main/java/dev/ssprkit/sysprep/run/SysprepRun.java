package dev.ssprkit.sysprep.run;

import dev.ssprkit.sysprep.cache.CleanReport;
import dev.ssprkit.sysprep.locks.LockInspector;
import dev.ssprkit.sysprep.profile.ProfileLocator;
import dev.ssprkit.sysprep.unattend.CheckResult;
import dev.ssprkit.sysprep.unattend.CopyProfileCheck;
import dev.ssprkit.sysprep.unattend.Finding;
import dev.ssprkit.sysprep.unattend.UnattendDocument;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Image preparation in order: check the answer file, clean the web cache, ask for confirmation, run
 * {@code sysprep /generalize /oobe /shutdown /unattend:FILE}. Each step stops the run when it does not pass.
 */
public final class SysprepRun {
    /** Asks the operator; true to go ahead. */
    @FunctionalInterface
    public interface Confirmation {
        boolean confirm(List<String> command);
    }

    public enum Status { DONE, UNATTEND_PROBLEMS, CLEAN_FAILED, CANCELLED, SYSPREP_FAILED }

    /** @param sysprepExitCode sysprep.exe's exit code, or -1 when it was not run */
    public record Outcome(Status status, CheckResult check, CleanReport clean, int sysprepExitCode) {}

    private final ProfileLocator profiles;
    private final LockInspector locks;
    private final SysprepRunner runner;
    private final Path windowsDir;

    public SysprepRun(ProfileLocator profiles, LockInspector locks, SysprepRunner runner, Path windowsDir) {
        this.profiles = profiles;
        this.locks = locks;
        this.runner = runner;
        this.windowsDir = windowsDir;
    }

    public Outcome run(Path unattend, CacheCleaning.Options cleaning, Confirmation confirmation, PrintWriter log)
            throws IOException {
        CheckResult check = CopyProfileCheck.check(UnattendDocument.load(unattend), null);
        if (!check.ok()) {
            for (Finding f : check.findings()) log.println(f.format(unattend.toString()));
            log.println("the answer file is not ready; 'unattend fix " + unattend + "' corrects it");
            return new Outcome(Status.UNATTEND_PROBLEMS, check, null, -1);
        }
        CleanReport report = CacheCleaning.clean(profiles, locks, cleaning, log);
        log.print(report.toText());
        if (!report.succeeded()) {
            return new Outcome(Status.CLEAN_FAILED, check, report, -1);
        }
        List<String> command = SysprepInvocation.command(windowsDir, unattend);
        if (!confirmation.confirm(command)) {
            return new Outcome(Status.CANCELLED, check, report, -1);
        }
        int rc = runner.run(command);
        return new Outcome(rc == 0 ? Status.DONE : Status.SYSPREP_FAILED, check, report, rc);
    }
}

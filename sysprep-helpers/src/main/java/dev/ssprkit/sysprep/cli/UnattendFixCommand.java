package dev.ssprkit.sysprep.cli;

import dev.ssprkit.common.ExitStatus;
import dev.ssprkit.sysprep.unattend.CheckResult;
import dev.ssprkit.sysprep.unattend.CopyProfileCheck;
import dev.ssprkit.sysprep.unattend.CopyProfileFix;
import dev.ssprkit.sysprep.unattend.Finding;
import dev.ssprkit.sysprep.unattend.FixResult;
import dev.ssprkit.sysprep.unattend.UnattendDocument;
import dev.ssprkit.sysprep.unattend.UnattendWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code sysprep unattend fix FILE}: corrects CopyProfile in place (atomically, old file kept as FILE.bak). */
@Command(name = "fix", mixinStandardHelpOptions = true,
        description = {"Add or correct CopyProfile in FILE, leaving everything else as it is.",
                "FILE is replaced atomically; the previous content is kept in FILE.bak. A file already right is not rewritten."})
final class UnattendFixCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    AnswerFileArgs args;

    @Override
    public Integer call() throws IOException {
        String a = args.arch(spec.commandLine());
        Path file = args.file;
        PrintWriter out = spec.commandLine().getOut();
        UnattendDocument doc = UnattendDocument.load(file);
        FixResult fix = CopyProfileFix.fix(doc, a);
        if (!fix.changed()) {
            out.println(file + ": already correct; not rewritten");
            return ExitStatus.OK.code;
        }
        for (String change : fix.changes()) out.println(file + ": " + change);
        Path backup = UnattendWriter.save(doc, file);
        out.println(file + ": written; previous version in " + backup);
        CheckResult after = CopyProfileCheck.check(UnattendDocument.load(file), fix.architecture());
        if (!after.ok()) {
            // the fix and the check disagree: a bug, reported as an internal error with what the check still finds
            for (Finding f : after.findings()) spec.commandLine().getErr().println(f.format(file.toString()));
            throw new IllegalStateException("the fixed answer file " + file + " still fails the CopyProfile check");
        }
        return ExitStatus.OK.code;
    }
}

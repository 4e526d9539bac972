package dev.ssprkit.sysprep.cli;

import dev.ssprkit.common.ExitStatus;
import dev.ssprkit.sysprep.unattend.CheckResult;
import dev.ssprkit.sysprep.unattend.CopyProfileCheck;
import dev.ssprkit.sysprep.unattend.Finding;
import dev.ssprkit.sysprep.unattend.UnattendDocument;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code sysprep unattend check FILE}: exit 0 when CopyProfile is right, 1 with one line per problem. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Report whether FILE sets CopyProfile=true exactly once, in Microsoft-Windows-Shell-Setup of the specialize pass.")
final class UnattendCheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    AnswerFileArgs args;

    @Override
    public Integer call() {
        String a = args.arch(spec.commandLine());
        Path file = args.file;
        CheckResult r = CopyProfileCheck.check(UnattendDocument.load(file), a);
        PrintWriter out = spec.commandLine().getOut();
        if (r.ok()) {
            out.println(file + ": ok: CopyProfile is true in Microsoft-Windows-Shell-Setup (" + r.architecture()
                    + ") of the specialize pass");
            return ExitStatus.OK.code;
        }
        for (Finding f : r.findings()) out.println(f.format(file.toString()));
        out.println(file + ": " + r.findings().size() + " problem(s) for processorArchitecture " + r.architecture()
                + (r.inferred() ? " (inferred; --arch to choose)" : "") + "; 'unattend fix' corrects them");
        return ExitStatus.FAILED.code;
    }
}

package dev.ssprkit.cli;

import dev.ssprkit.report.HtmlReport;
import dev.ssprkit.report.MachineResult;
import dev.ssprkit.report.ReadinessReport;
import dev.ssprkit.report.Unreadable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code sspr report}: many preflight results into one self-contained readiness page ({@link ReadinessReport}, {@link HtmlReport}). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Read preflight results (JSON from sspr preflight, the .cmd or the Intune/ConfigMgr scripts; folders are searched for "
                + "*.json and *.csv, e.g. a ConfigMgr compliance export) and write one self-contained HTML page: ready/blocked/unknown counts, "
                + "a bar per blocking check, a breakdown by Windows version, the fix for each check, and a searchable, sortable machine table "
                + "with CSV export. Unreadable inputs are listed in the page and on stderr; the rest still builds.")
final class ReportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(arity = "1..*", paramLabel = "DIR|FILE", description = "Folders of results and/or result files.") List<Path> inputs;
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "readiness.html", description = "The page to write.") Path out;
    @Option(names = "--csv", paramLabel = "FILE.csv", description = "Also write every machine as CSV.") Path csv;
    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "SSPR readiness", description = "The page title. Default: ${DEFAULT-VALUE}.") String title;

    @Override
    public Integer call() throws Exception {
        ReadinessReport report = ReadinessReport.read(inputs);
        if (report.inputs() == 0) {
            throw new dev.ssprkit.common.InvalidValueException("no preflight results (*.json, *.jsonl, *.csv) found in " + inputs);
        }
        HtmlReport.write(report, title, ZonedDateTime.now(), out);
        if (csv != null) HtmlReport.writeCsv(report, csv);
        PrintWriter o = spec.commandLine().getOut();
        o.printf("%s: %,d machines (%,d ready, %,d blocked, %,d unknown) from %,d input file(s)%n", out, report.machines().size(),
                report.count(MachineResult.Status.READY), report.count(MachineResult.Status.BLOCKED), report.count(MachineResult.Status.UNKNOWN),
                report.inputs());
        PrintWriter err = spec.commandLine().getErr();
        for (Unreadable u : report.unreadable()) err.println("sspr report: unreadable, listed in the page: " + u.file() + ": " + u.reason());
        return Sspr.OK;
    }
}

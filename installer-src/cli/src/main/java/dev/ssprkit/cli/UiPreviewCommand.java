package dev.ssprkit.cli;

import dev.ssprkit.common.ExitStatus;
import dev.ssprkit.common.InvalidValueException;
import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.uipreview.PreviewOptions;
import dev.ssprkit.uipreview.UiPreview;
import dev.ssprkit.uipreview.check.LayoutCheck;
import dev.ssprkit.uipreview.check.LayoutFinding;
import dev.ssprkit.uipreview.model.PreviewNote;
import dev.ssprkit.uipreview.text.FontResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code sspr ui preview}: every dialog of a package as a picture, plus an index page ({@link UiPreview}). */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {"Draw every dialog of a package (one DIALOG.png each, at 96 DPI) and an index.html listing them, without Windows or Wine.",
                "Positions and sizes follow the MSI SDK (installer units x 4/3); fonts and looks are approximations, and what the preview "
                        + "could not show as the package says is printed as a warning. The folder appears whole or not at all."})
final class UiPreviewCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "FILE.msi") Path msi;
    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Folder to write the pictures into (created); may be left out with --check.") Path out;
    @Option(names = "--fonts", paramLabel = "DIR", description = "Also draw and measure with the TrueType fonts in DIR (e.g. a copy of "
            + "Windows' Fonts folder with Tahoma and Segoe UI), instead of stand-ins for faces not installed here.") List<Path> fontDirs = new ArrayList<>();
    @Option(names = "--check", description = "Also check the layout: controls outside their dialog, text that does not fit its control "
            + "(measured with the fonts installed here), controls that cover each other while both show. Exit status 1 when it finds any.")
    boolean check;
    @Option(names = {"-p", "--property"}, paramLabel = "NAME=VALUE",
            description = "A property value the dialogs see instead of the Property table's (e.g. Installed=1 for the maintenance view).")
    List<String> properties = new ArrayList<>();
    @Option(names = "--show-hidden", description = "Also draw the controls that would be hidden, outlined with a dashed line.") boolean showHidden;
    @Option(names = "--no-conditions", description = "Do not evaluate ControlCondition rows: controls keep the state their Attributes give them.")
    boolean noConditions;

    @Override
    public Integer call() throws Exception {
        // drawing into images needs no display; without this, a set DISPLAY that cannot be reached fails the run
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        PreviewOptions options = PreviewOptions.defaults().withShowHidden(showHidden).withConditions(!noConditions).withProperties(parse(properties));
        if (out == null && !check) throw new InvalidValueException("give the folder to write the pictures into with -o DIR (or only check the layout with --check)");
        PrintWriter stdout = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        for (Path fonts : fontDirs) {
            if (!java.nio.file.Files.isDirectory(fonts)) throw new java.nio.file.NoSuchFileException(fonts.toString(), null, "--fonts needs a folder");
            FontResolver.registerFonts(fonts).forEach(problem -> err.println("warning: " + problem));
        }
        UiPreview.Result result = null;
        List<LayoutFinding> findings = List.of();
        try (Database db = MsiReader.read(msi)) {
            db.readWarnings().forEach(w -> err.println("warning: " + w));
            if (out != null) result = UiPreview.write(db, msi.getFileName().toString(), out, options);
            if (check) {
                var dialogs = db.tableOrNull("Dialog");
                if (out == null && (dialogs == null || dialogs.rows().isEmpty())) {
                    throw new UiPreview.NoDialogsException(msi.getFileName() + " has no dialogs (its Dialog table is " + (dialogs == null ? "absent" : "empty") + "): nothing to check");
                }
                findings = LayoutCheck.check(db, options);
            }
        }
        if (result != null && report(result, stdout, err) != Sspr.OK) return ExitStatus.INTERNAL.code;
        if (!check) return Sspr.OK;
        findings.forEach(f -> stdout.println("check: " + f));
        stdout.println(findings.isEmpty() ? "layout check: no problems found"
                : "layout check: " + findings.size() + (findings.size() == 1 ? " problem found" : " problems found"));
        return findings.isEmpty() ? Sspr.OK : Sspr.FAILED;
    }

    /** Prints what the preview noted and wrote; INTERNAL when drawing failed through a bug of ours. */
    private int report(UiPreview.Result result, PrintWriter stdout, PrintWriter err) {
        result.notes().forEach(n -> err.println("warning: " + n));
        int drawn = 0;
        for (UiPreview.DialogPreview d : result.dialogs()) {
            for (PreviewNote n : d.notes()) err.println("warning: " + n);
            if (d.file() != null) drawn++;
        }
        result.fontSubstitutions().forEach(f -> err.println("note: font " + f + " (not installed here; text measures differ from Windows)"));
        stdout.println("wrote " + drawn + " of " + result.dialogs().size() + " dialogs and index.html into " + out);
        if (result.internalErrors() > 0) {
            err.println("error: " + result.internalErrors() + " controls could not be drawn because of a bug in ssprkit (internal error, please report it; see the warnings above)");
            return ExitStatus.INTERNAL.code;
        }
        return Sspr.OK;
    }

    static Map<String, String> parse(List<String> pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String p : pairs) {
            int eq = p.indexOf('=');
            if (eq <= 0) throw new InvalidValueException("-p needs NAME=VALUE, not '" + p + "'");
            values.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return values;
    }
}

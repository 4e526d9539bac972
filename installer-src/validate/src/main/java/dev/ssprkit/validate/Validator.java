package dev.ssprkit.validate;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.check.StructuralCheck;
import dev.ssprkit.msi.model.Database;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Validates an installation database the way the SDK's ICE suite (darice.cub) does, for the ICEs that matter to a
 * product package (see the README's table). Every finding of every rule is collected; nothing is thrown for bad
 * content. A rule that fails on unexpected content is itself reported ({@code SSPRK90}) and the others still run.
 *
 * <pre>{@code
 * for (Finding f : Validator.validate(Path.of("dist/tool.msi"))) System.err.println(f);
 * }</pre>
 *
 * <p>Ids other than ICEs: {@code SSPRK01} structural problems of the file ({@link StructuralCheck}: sorting,
 * refcounts, widths), {@code SSPRK02} a file that cannot be read, {@code SSPRK90} a rule that failed.
 */
public final class Validator {
    public static final String STRUCTURE = "SSPRK01";
    public static final String UNREADABLE = "SSPRK02";
    public static final String RULE_FAILED = "SSPRK90";

    private Validator() {}

    /** Runs every rule of {@link Rules#ALL} on a database in memory. */
    public static List<Finding> validate(Database db) {
        return validate(db, Rules.ALL);
    }

    public static List<Finding> validate(Database db, List<Rule> rules) {
        Context ctx = new Context(db);
        for (Rule rule : rules) {
            try {
                rule.check(ctx);
            } catch (RuntimeException e) {
                ctx.reportPackage(RULE_FAILED, Severity.ERROR, rule.getClass().getSimpleName() + " " + rule.ices()
                        + " could not finish: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
            }
        }
        List<Finding> out = new ArrayList<>(ctx.findings());
        out.sort(Comparator.comparing((Finding f) -> f.severity()).thenComparing(f -> number(f.iceId())));
        return out;
    }

    /** Runs the structural check on the file, then (if it can be read) every rule. */
    public static List<Finding> validate(Path msi) {
        List<Finding> out = new ArrayList<>();
        for (String problem : StructuralCheck.check(msi)) {
            out.add(new Finding(STRUCTURE, Severity.ERROR, null, null, null, msi.getFileName().toString(), problem));
        }
        try (Database db = MsiReader.read(msi)) {
            out.addAll(validate(db));
        } catch (IOException e) {
            out.add(new Finding(UNREADABLE, Severity.ERROR, null, null, null, msi.getFileName().toString(), e.getMessage()));
        }
        return out;
    }

    private static int number(String id) {
        String digits = id.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits) + (id.startsWith("ICE") ? 0 : 1000);
    }
}

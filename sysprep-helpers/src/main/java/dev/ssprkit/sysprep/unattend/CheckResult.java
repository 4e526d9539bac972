package dev.ssprkit.sysprep.unattend;

import java.util.List;

/**
 * The outcome of {@link CopyProfileCheck}.
 *
 * @param architecture the processor architecture the file was judged for
 * @param inferred     true when that architecture was inferred from the file rather than given
 */
public record CheckResult(String architecture, boolean inferred, List<Finding> findings) {
    public boolean ok() {
        return findings.isEmpty();
    }

    public boolean has(Problem p) {
        return findings.stream().anyMatch(f -> f.problem() == p);
    }
}

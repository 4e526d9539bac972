package dev.ssprkit.sysprep.unattend;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that an answer file sets {@code <CopyProfile>true</CopyProfile>} exactly once, in component
 * {@code Microsoft-Windows-Shell-Setup} (publicKeyToken 31bf3856ad364e35, language neutral, versionScope nonSxS, the
 * target processorArchitecture) of the {@code specialize} pass, and nowhere else.
 */
public final class CopyProfileCheck {
    private CopyProfileCheck() {}

    /** {@code arch} may be null: then it is {@link Architectures#infer inferred} from the file. */
    public static CheckResult check(UnattendDocument doc, String arch) {
        String target = arch != null ? arch : Architectures.infer(doc.dom());
        List<Finding> findings = new ArrayList<>();
        List<Occurrence> all = Occurrence.findAll(doc.dom(), target);
        boolean seenWellPlaced = false;
        for (Occurrence o : all) {
            int line = doc.line(o.element());
            if (!o.wellPlaced()) {
                findings.add(new Finding(o.misplacement(), line, o.detail()));
                continue;
            }
            if (seenWellPlaced) {
                findings.add(new Finding(Problem.DUPLICATE, line, "another one comes earlier"));
            }
            seenWellPlaced = true;
            String v = o.value();
            if (v.equals("false")) {
                findings.add(new Finding(Problem.FALSE, line, null));
            } else if (!v.equals("true")) {
                findings.add(new Finding(Problem.INVALID_VALUE, line, "value \"" + o.element().getTextContent() + "\""));
            }
        }
        if (all.isEmpty()) {
            findings.add(new Finding(Problem.MISSING, 0, "processorArchitecture " + target));
        }
        return new CheckResult(target, arch == null, findings);
    }
}

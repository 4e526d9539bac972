package dev.ssprkit.wix.project;

import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.diag.ProjectMessage;
import dev.ssprkit.wix.diag.SourceLocation;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reports what the evaluation of a project could not do: text the build reads that needs an unsupported function
 * (WIX0301, where the text is), a deferred property the build reads (WIX0301 at the property's definition, once per
 * definition, saying where it is read and which -p to pass), and what MSBuild itself cannot evaluate (WIX0308).
 */
final class EvaluationErrors {
    private final Diagnostics diagnostics;
    private final Set<MsBuildProperties.Deferred> reported = new HashSet<>();

    EvaluationErrors(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** {@code x} stopped the evaluation of text written at {@code at}. */
    void report(MsBuildProperties.Unsupported x, SourceLocation at) {
        if (x instanceof MsBuildProperties.Failed f) {
            diagnostics.report(ProjectMessage.BAD_FUNCTION, at, f.expression, f.getMessage());
        } else if (x.deferred != null) {
            deferred(x.deferred, "its value is read at " + at);
        } else {
            diagnostics.report(ProjectMessage.UNSUPPORTED, at, x.getMessage(), "the README's \"Project files\" lists the property "
                    + "functions sspr evaluates; if the build needs this value, set it with -p:Name=Value");
        }
    }

    /** The deferred properties the build read by name ({@code OutputName}, {@code DefineConstants}...). */
    void reads(MsBuildProperties properties) {
        for (Map.Entry<String, MsBuildProperties.Deferred> e : properties.deferredReads().entrySet()) {
            deferred(e.getValue(), "the build reads " + e.getKey());
        }
    }

    private void deferred(MsBuildProperties.Deferred d, String read) {
        if (!reported.add(d)) return;
        diagnostics.report(ProjectMessage.UNSUPPORTED, d.at(), d.what() + " (in the value of " + d.property() + ")",
                read + "; pass the value MSBuild would give with -p:" + d.property() + "=VALUE");
    }
}

package dev.ssprkit.wix.diag;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a build does with its warnings, as WiX's command lines set it: {@code -sw} / {@code -swN} suppress all warnings
 * or warning N, {@code -wx} / {@code -wxN} treat all warnings or warning N as errors (a .wixproj's
 * {@code SuppressAllWarnings}, {@code SuppressSpecificWarnings}, {@code TreatWarningsAsErrors} and
 * {@code WarningsAsErrors}). A suppressed warning is dropped, so it is never raised to an error; a raised one keeps its
 * ID and text and stops the build like any error. Errors are never touched. IDs are sspr's ({@code WIX1149} or
 * {@code 1149}); sspr numbers its warnings its own way, so WiX's numbers rarely match.
 */
public record WarningPolicy(boolean suppressAll, Set<String> suppressed, boolean errorsAll, Set<String> errors) {
    public static final WarningPolicy NONE = new WarningPolicy(false, Set.of(), false, Set.of());

    public WarningPolicy {
        suppressed = ids(suppressed);
        errors = ids(errors);
    }

    private static Set<String> ids(Set<String> written) {
        Set<String> out = new TreeSet<>();
        if (written != null) for (String id : written) out.add(normalize(id));
        return Set.copyOf(out);
    }

    /** {@code 1149}, {@code WIX1149} or {@code wix1149} as the catalog spells it: {@code WIX1149}. */
    public static String normalize(String id) {
        String s = id.strip().toUpperCase(Locale.ROOT);
        if (s.startsWith("WIX")) s = s.substring(3);
        if (!s.matches("[0-9]{1,4}") || Integer.parseInt(s) == 0) {
            throw new IllegalArgumentException("a warning number is 1 to 9999 (e.g. 1149 or WIX1149), not '" + id + "'");
        }
        return Message.idOf(Integer.parseInt(s));
    }

    /** Both policies at once: what either suppresses or raises (a project's settings and a front end's own). */
    public WarningPolicy union(WarningPolicy other) {
        Set<String> s = new TreeSet<>(suppressed);
        s.addAll(other.suppressed);
        Set<String> e = new TreeSet<>(errors);
        e.addAll(other.errors);
        return new WarningPolicy(suppressAll || other.suppressAll, s, errorsAll || other.errorsAll, e);
    }

    /** The diagnostic as this policy reports it: unchanged, raised to an error, or {@code null} when suppressed. */
    public Diagnostic apply(Diagnostic d) {
        return apply(d, true);
    }

    /** As {@link #apply(Diagnostic)}; a warning that is not {@code raisable} may be suppressed but stays a warning. */
    public Diagnostic apply(Diagnostic d, boolean raisable) {
        if (d.isError()) return d;
        if (suppressAll || suppressed.contains(d.id())) return null;
        if (raisable && (errorsAll || errors.contains(d.id()))) {
            return new Diagnostic(new Raised(d.message()), d.location(), d.text(), d.hint());
        }
        return d;
    }

    /** A warning reported as an error: its catalog entry with the error severity. */
    record Raised(Message warning) implements Message {
        @Override
        public Entry entry() {
            Entry e = warning.entry();
            return new Entry(e.id(), Severity.ERROR, e.template(), e.hint());
        }
    }
}

package dev.ssprkit.wix.diag;

import java.util.Locale;

/**
 * One catalog entry: a stable ID, a severity, a text template and a hint. Each layer declares its entries once, as an
 * enum implementing this interface (see {@link PreprocessorMessage}).
 *
 * <p>Templates and hints use {@link String#format} syntax; both receive the same arguments, so a hint may refer to
 * an argument by position ({@code %2$s}) and ignore the others.
 */
public interface Message {

    /** What an entry declares: its id, severity, template and hint (each catalog enum holds one per constant). */
    record Entry(String id, Severity severity, String template, String hint) {
        public Entry(int number, Severity severity, String template, String hint) {
            this(idOf(number), severity, template, hint);
        }
    }

    /** This entry's declaration. */
    Entry entry();

    /** The stable ID, {@code WIX} followed by four digits. */
    default String id() {
        return entry().id();
    }

    default Severity severity() {
        return entry().severity();
    }

    default String template() {
        return entry().template();
    }

    /** Advice for the author, or the empty string when there is nothing useful to add. */
    default String hint() {
        return entry().hint();
    }

    default String formatText(Object... args) {
        return String.format(Locale.ROOT, template(), args);
    }

    /** The formatted hint, or {@code null} when the entry has none. */
    default String formatHint(Object... args) {
        return hint().isEmpty() ? null : String.format(Locale.ROOT, hint(), args);
    }

    /** Formats a numeric ID the way every catalog spells it. */
    static String idOf(int number) {
        if (number < 1 || number > 9999) {
            throw new IllegalArgumentException("message number out of range 1..9999: " + number);
        }
        return String.format(Locale.ROOT, "WIX%04d", number);
    }
}

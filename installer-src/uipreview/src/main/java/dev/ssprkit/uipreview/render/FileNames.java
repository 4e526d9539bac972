package dev.ssprkit.uipreview.render;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Safe, distinct file names for dialogs: a dialog name from an untrusted package keeps its letters, digits, '_',
 * '-' and '.', anything else becomes '_'; names Windows reserves (CON, NUL, COM1...) and names that differ only by
 * case from one already given (case-insensitive file systems) get a suffix.
 */
public final class FileNames {
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
            "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");
    private final Set<String> taken = new HashSet<>();

    /** A new name {@code BASE.ext} for {@code dialog}. */
    public String next(String dialog, String ext) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < dialog.length() && b.length() < 100; i++) {
            char c = dialog.charAt(i);
            b.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') ? c : '_');
        }
        String base = b.length() == 0 ? "_" : b.toString();
        if (base.startsWith(".")) base = "_" + base.substring(1);
        if (RESERVED.contains(base.toLowerCase(Locale.ROOT))) base = base + "_";
        String name = base;
        for (int n = 2; !taken.add((name + "." + ext).toLowerCase(Locale.ROOT)); n++) name = base + "~" + n;
        return name + "." + ext;
    }
}

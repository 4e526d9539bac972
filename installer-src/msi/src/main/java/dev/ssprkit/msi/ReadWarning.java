package dev.ssprkit.msi;

/**
 * Something wrong in a package that Windows Installer still reads, so we read it too: a string longer than its
 * column, a file that ends inside its last sector, a directory whose parent has no row, a cabinet holding only empty
 * files with no data block. {@code sspr inspect} shows these; {@code sspr validate} reports them as findings.
 *
 * @param where what the warning is about: a table and row, a stream, a cabinet, the file
 * @param what  what is wrong and what Windows does with it
 * @param ice   the ICE rule that reports the same thing, or null
 */
public record ReadWarning(String where, String what, String ice) {
    @Override
    public String toString() {
        return (ice == null ? "" : ice + ": ") + where + ": " + what;
    }
}

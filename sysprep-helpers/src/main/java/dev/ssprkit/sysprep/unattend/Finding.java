package dev.ssprkit.sysprep.unattend;

/**
 * One problem found in an answer file.
 *
 * @param line   1-based line of the element concerned (the end of its start tag), 0 when it has no place in the file
 * @param detail what exactly was found, e.g. {@code pass="oobeSystem"}
 */
public record Finding(Problem problem, int line, String detail) {
    /** {@code FILE(line): error ID: text}, as compilers print it. */
    public String format(String file) {
        String where = line > 0 ? file + "(" + line + ")" : file;
        return where + ": error " + problem.id() + ": " + problem.summary() + (detail == null ? "" : " (" + detail + ")");
    }
}

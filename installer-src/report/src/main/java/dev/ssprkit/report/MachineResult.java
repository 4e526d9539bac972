package dev.ssprkit.report;

import java.util.List;

/**
 * One machine's preflight result as the report shows it.
 *
 * @param machine  the computer name (or, when a result names none, the file it came from)
 * @param os       the Windows version line ("Windows 10 22H2", "Windows 7 SP1"...), or "unknown"
 * @param osOrder  sorts versions: major, minor and build as one number (0 when unknown)
 * @param status   {@link Status#READY} no blocker; {@link Status#BLOCKED} one or more; {@link Status#UNKNOWN} the machine
 *                 reported but its result cannot be judged (the script failed, the output was cut short)
 * @param findings the blockers and warnings (info findings are left out)
 * @param detail   for UNKNOWN: why
 * @param source   the input file (and row) it came from
 */
public record MachineResult(String machine, String os, long osOrder, Status status, List<Item> findings, String detail, String source) {
    public enum Status { READY, BLOCKED, UNKNOWN }

    /** A finding, reduced to what the page shows; title and fix come from the check table. */
    public record Item(String id, String severity, String found) {}

    public long blockers() {
        return findings.stream().filter(f -> "BLOCKER".equals(f.severity())).count();
    }
}

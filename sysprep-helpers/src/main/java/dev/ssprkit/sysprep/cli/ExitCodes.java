package dev.ssprkit.sysprep.cli;

/**
 * Exit statuses of every {@code sysprep} subcommand.
 *
 * <table>
 *   <tr><td>0</td><td>success: everything removed / the answer file is right / sysprep ran</td></tr>
 *   <tr><td>1</td><td>findings: some entries could not be removed, or the answer file has problems</td></tr>
 *   <tr><td>2</td><td>usage error (unknown option, missing argument)</td></tr>
 *   <tr><td>3</td><td>bad input: missing or malformed file, folder that is not a profile, unsafe path</td></tr>
 *   <tr><td>4</td><td>needs Windows (live mode, running sysprep) and this is not Windows</td></tr>
 *   <tr><td>5</td><td>cancelled at the confirmation prompt</td></tr>
 *   <tr><td>6</td><td>sysprep.exe ran and failed</td></tr>
 *   <tr><td>70</td><td>internal error (a bug: please report it with the stack trace)</td></tr>
 * </table>
 */
public final class ExitCodes {
    private ExitCodes() {}

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int BAD_INPUT = 3;
    public static final int NOT_WINDOWS = 4;
    public static final int CANCELLED = 5;
    public static final int SYSPREP_FAILED = 6;
    public static final int INTERNAL = 70;
}

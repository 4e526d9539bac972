package dev.ssprkit.endpoint.msiexec;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one msiexec operation.
 *
 * @param exitCode     msiexec's last exit code
 * @param attempts     how many times msiexec ran (more than one after 1618 retries)
 * @param failedAction on 1603, the action that failed according to the verbose log, or null
 * @param command      the last command line run
 */
public record MsiexecResult(int exitCode, MsiexecExit exit, int attempts, Path log, String failedAction, List<String> command) {
    /** One line for people: code, meaning, and the failing action when known. */
    public String describe() {
        return "msiexec exited " + exitCode + ": " + (exit == MsiexecExit.UNKNOWN ? exit.message + " " + exitCode : exit.message)
                + (failedAction == null ? "" : " (failing action: " + failedAction + ")")
                + (attempts > 1 ? " after " + attempts + " attempts" : "") + (log == null ? "" : "; log: " + log);
    }
}

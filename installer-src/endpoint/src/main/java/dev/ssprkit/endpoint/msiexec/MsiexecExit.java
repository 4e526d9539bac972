package dev.ssprkit.endpoint.msiexec;

/**
 * msiexec exit codes from the domain notes, each with a message and the exit status our CLI returns for it:
 * 0 success; 1 success but a restart is needed or was started; 2 cancelled; 3 failed (fatal, or unknown code);
 * 4 nothing to do (not installed / another version installed); 5 busy (1618 after all retries); 6 bad input
 * (package, transform, command line, log file, source); 7 refused by the machine (policy, platform).
 */
public enum MsiexecExit {
    SUCCESS(0, "success", 0),
    RESTART_INITIATED(1641, "success; the installer started a restart", 1),
    RESTART_REQUIRED(3010, "success; a restart is required to complete the installation", 1),
    CANCELLED(1602, "the user cancelled the installation", 2),
    FATAL_ERROR(1603, "fatal error during installation", 3),
    NOT_INSTALLED(1605, "this action is only valid for products that are currently installed", 4),
    SOURCE_MISSING(1612, "the installation source for this product is not available", 6),
    ANOTHER_INSTALL_IN_PROGRESS(1618, "another installation is already in progress (retry later)", 5),
    PACKAGE_OPEN_FAILED(1619, "the installation package could not be opened", 6),
    INVALID_PACKAGE(1620, "the installation package is invalid", 6),
    LOG_FILE_ERROR(1622, "error opening the installation log file (does the folder exist and is it writable?)", 6),
    TRANSFORM_ERROR(1624, "error applying transforms", 6),
    BLOCKED_BY_POLICY(1625, "the installation is forbidden by system policy", 7),
    PLATFORM_UNSUPPORTED(1633, "this installation package is not supported by this processor type", 7),
    ANOTHER_VERSION_INSTALLED(1638, "another version of this product is already installed", 4),
    INVALID_COMMAND_LINE(1639, "invalid command line argument", 6),
    UNKNOWN(-1, "unknown msiexec exit code", 3);

    public final int code;
    public final String message;
    public final int cliStatus;

    MsiexecExit(int code, String message, int cliStatus) {
        this.code = code;
        this.message = message;
        this.cliStatus = cliStatus;
    }

    /** The operation did what was asked (possibly needing a restart). */
    public boolean succeeded() {
        return cliStatus <= 1;
    }

    public boolean restartNeeded() {
        return this == RESTART_REQUIRED || this == RESTART_INITIATED;
    }

    /**
     * The documented code whose low byte is {@code code}, for exit statuses that went through a Unix process (as
     * {@code wine msiexec} does: 1603 arrives as 67, 3010 as 194). The low bytes of the documented codes are all
     * distinct, so the mapping is unambiguous; other values are returned unchanged.
     */
    public static int widen(int code) {
        if (code < 0 || code > 0xFF || code == 0) return code;
        for (MsiexecExit e : values()) if (e.code > 0xFF && (e.code & 0xFF) == code) return e.code;
        return code;
    }

    public static MsiexecExit of(int code) {
        for (MsiexecExit e : values()) if (e.code == code && e != UNKNOWN) return e;
        return UNKNOWN;
    }
}

package dev.ssprkit.common;

/**
 * The exit statuses of the whole {@code sspr} binary, its {@code sysprep} subcommands included, and the status named
 * in the Maven plugin's failure messages. installer-src/cli/README.md shows this table; change both together.
 * msiexec's outcomes are {@link #MSIEXEC_BASE} + their class (11..17), see {@code MsiexecExit}.
 */
public enum ExitStatus {
    OK(0, "success"),
    FAILED(1, "the work failed"),
    USAGE(2, "usage error"),
    BAD_INPUT(3, "bad input"),
    IO_ERROR(4, "I/O error"),
    UNSUPPORTED(5, "not supported here"),
    CANCELLED(6, "cancelled"),
    SYSPREP_FAILED(7, "sysprep.exe failed"),
    /** A bug (BSD sysexits' EX_SOFTWARE): "internal error — please report". */
    INTERNAL(70, "internal error");

    /** Added to an msiexec outcome's class (1..7) for {@code install}, {@code uninstall} and {@code repair}. */
    public static final int MSIEXEC_BASE = 10;

    public final int code;
    private final String label;

    ExitStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** Short words for people, e.g. {@code "bad input"}. */
    public String label() {
        return label;
    }

    /** {@code "bad input, exit status 3"}: how the Maven plugin names the status {@code sspr} would exit with. */
    public String describe() {
        return label + ", exit status " + code;
    }

    public static ExitStatus of(ErrorKind kind) {
        return switch (kind) {
            case FAILED -> FAILED;
            case USAGE -> USAGE;
            case BAD_INPUT -> BAD_INPUT;
            case IO -> IO_ERROR;
            case UNSUPPORTED -> UNSUPPORTED;
            case INTERNAL -> INTERNAL;
        };
    }

    public static ExitStatus of(Throwable failure) {
        return of(ErrorKind.of(failure));
    }
}

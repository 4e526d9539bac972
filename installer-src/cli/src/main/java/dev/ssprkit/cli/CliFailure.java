package dev.ssprkit.cli;

/** An expected failure with its own exit status and a message for people (no stack trace). */
final class CliFailure extends RuntimeException {
    final int status;

    CliFailure(int status, String message) {
        super(message);
        this.status = status;
    }
}

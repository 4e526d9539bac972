package dev.ssprkit.sign;

import dev.ssprkit.common.Classified;
import dev.ssprkit.common.ErrorKind;

import java.io.IOException;

/**
 * Signing or verification failed. Built only through {@link Scrubbed}, so that neither the message nor any cause in
 * the chain carries a secret: causes are copies (class name, scrubbed message, stack trace), not the originals.
 * Its {@link #kind()} says whose problem it is: {@link ErrorKind#BAD_INPUT} for a file that cannot be signed,
 * {@link ErrorKind#IO} for a missing one, otherwise {@link ErrorKind#FAILED} (keystore, password, time-stamping).
 */
public class SigningException extends IOException implements Classified {
    private final ErrorKind kind;

    public SigningException(String message) {
        this(ErrorKind.FAILED, message);
    }

    public SigningException(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    SigningException(String message, Throwable scrubbedCause) {
        this(ErrorKind.FAILED, message, scrubbedCause);
    }

    /** {@code cause} must carry no secret (verification handles none; signing passes a {@link Scrubbed} copy). */
    SigningException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}

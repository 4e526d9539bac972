package dev.ssprkit.sign;

import java.io.IOException;

/**
 * Signing or verification failed. Built only through {@link Scrubbed}, so that neither the message nor any cause in
 * the chain carries a secret: causes are copies (class name, scrubbed message, stack trace), not the originals.
 */
public class SigningException extends IOException {
    public SigningException(String message) {
        super(message);
    }

    SigningException(String message, Throwable scrubbedCause) {
        super(message, scrubbedCause);
    }
}

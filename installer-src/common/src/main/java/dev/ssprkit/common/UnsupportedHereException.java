package dev.ssprkit.common;

/**
 * Asked for something this machine or this version cannot do: the live registry or sysprep.exe outside Windows, a
 * format variant that is not implemented. The message says what to do instead. {@link ExitStatus#UNSUPPORTED}.
 */
public class UnsupportedHereException extends RuntimeException implements Classified {
    public UnsupportedHereException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.UNSUPPORTED;
    }
}

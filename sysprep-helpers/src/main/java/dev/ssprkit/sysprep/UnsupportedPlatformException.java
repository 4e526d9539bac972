package dev.ssprkit.sysprep;

/** An operation that only exists on Windows (live profile lookup, running sysprep.exe) was asked for elsewhere. */
public class UnsupportedPlatformException extends RuntimeException {
    public UnsupportedPlatformException(String message) {
        super(message);
    }
}

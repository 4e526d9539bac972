package dev.ssprkit.common;

/** An exception that says which {@link ErrorKind} it is; front ends map the kind, never the message. */
public interface Classified {
    ErrorKind kind();
}

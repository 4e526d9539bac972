package dev.ssprkit.sign;

import dev.ssprkit.common.InvalidValueException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where a keystore password (or PIN, or cloud credential) comes from: an environment variable or a file. There is
 * deliberately no way to give the secret itself, so that it never appears on a command line, in a build file or in
 * a process listing.
 */
public sealed interface PasswordSource {

    /** The value of an environment variable. */
    record Env(String variable) implements PasswordSource {
        public Env {
            if (variable == null || variable.isBlank()) throw new InvalidValueException("the password environment variable name is empty");
        }

        @Override
        public String toString() {
            return "environment variable " + variable;
        }
    }

    /** The first line of a file (UTF-8; a trailing newline is not part of the password). */
    record File(Path path) implements PasswordSource {
        public File {
            Objects.requireNonNull(path, "password file");
        }

        @Override
        public String toString() {
            return "file " + path;
        }
    }

    static PasswordSource env(String variable) {
        return new Env(variable);
    }

    static PasswordSource file(Path path) {
        return new File(path);
    }

    /**
     * Parses {@code env:NAME} or {@code file:PATH} (the forms a CLI or Maven plugin option takes). Anything else is
     * refused without echoing it, in case someone passed the password itself.
     */
    static PasswordSource parse(String spec) {
        if (spec != null && spec.startsWith("env:")) return env(spec.substring(4));
        if (spec != null && spec.startsWith("file:")) return file(Path.of(spec.substring(5)));
        throw new InvalidValueException("a password source must be env:VARIABLE or file:PATH (the value given is not shown)");
    }

    /** Reads the secret. Messages name the variable or file, never the value. */
    default String resolve(Function<String, String> environment) throws SigningException {
        if (this instanceof Env e) {
            String v = environment.apply(e.variable());
            if (v == null || v.isEmpty()) throw new SigningException("the password environment variable " + e.variable() + " is not set");
            return v;
        }
        Path p = ((File) this).path();
        try {
            String s = Files.readString(p, StandardCharsets.UTF_8);
            int nl = s.indexOf('\n');
            if (nl >= 0) s = s.substring(0, nl);
            if (s.endsWith("\r")) s = s.substring(0, s.length() - 1);
            if (s.isEmpty()) throw new SigningException("the password file " + p + " is empty");
            return s;
        } catch (IOException ex) {
            throw new SigningException("cannot read the password file " + p + ": " + ex.getClass().getSimpleName());
        }
    }
}

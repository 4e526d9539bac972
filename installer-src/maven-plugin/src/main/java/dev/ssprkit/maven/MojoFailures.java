package dev.ssprkit.maven;

import dev.ssprkit.common.ErrorKind;
import dev.ssprkit.common.ExitStatus;
import dev.ssprkit.common.FailureText;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Maps a library failure to Maven's two kinds, once, by its {@link ErrorKind} (as {@code sspr} maps it to an exit
 * status): a problem with the sources or the configuration fails the build ({@link MojoFailureException}); an I/O
 * error or a bug is a build error ({@link MojoExecutionException}). Every message ends with the status {@code sspr}
 * gives the same problem, e.g. {@code [bad input, exit status 3]}, so the vocabulary is the same in both front ends.
 */
final class MojoFailures {
    private MojoFailures() {}

    /**
     * Throws a {@link MojoFailureException} for the user's problems, returns the {@link MojoExecutionException} for I/O
     * errors and bugs, so that a caller writes {@code throw MojoFailures.raise(prefix, e)}.
     */
    static MojoExecutionException raise(String prefix, Throwable failure) throws MojoFailureException {
        ErrorKind kind = ErrorKind.of(failure);
        String tag = " [" + ExitStatus.of(kind).describe() + "]";
        return switch (kind) {
            case INTERNAL -> new MojoExecutionException(prefix + FailureText.internal(failure, "run Maven with -e") + tag, failure);
            case IO -> new MojoExecutionException(prefix + FailureText.message(failure) + tag, failure);
            case FAILED, USAGE, BAD_INPUT, UNSUPPORTED -> throw new MojoFailureException(prefix + FailureText.message(failure) + tag, failure);
        };
    }
}

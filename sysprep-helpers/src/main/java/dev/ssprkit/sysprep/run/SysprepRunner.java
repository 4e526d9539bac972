package dev.ssprkit.sysprep.run;

import java.io.IOException;
import java.util.List;

/** Runs sysprep.exe ({@link CommonsExecSysprepRunner}); tests use a fake that records the command. */
public interface SysprepRunner {
    /** Runs {@code command} to completion and returns its exit code. */
    int run(List<String> command) throws IOException;
}

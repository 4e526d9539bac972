package dev.ssprkit.sysprep.run;

import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.PumpStreamHandler;

import java.io.IOException;
import java.util.List;

/** Runs the command through commons-exec, passing its output through and returning its exit code. */
public final class CommonsExecSysprepRunner implements SysprepRunner {
    @Override
    public int run(List<String> command) throws IOException {
        CommandLine line = new CommandLine(command.get(0));
        for (String arg : command.subList(1, command.size())) {
            line.addArgument(arg, false);
        }
        DefaultExecutor executor = DefaultExecutor.builder().get();
        executor.setExitValues(null);
        executor.setStreamHandler(new PumpStreamHandler(System.out, System.err));
        try {
            return executor.execute(line);
        } catch (ExecuteException e) {
            return e.getExitValue();
        }
    }
}

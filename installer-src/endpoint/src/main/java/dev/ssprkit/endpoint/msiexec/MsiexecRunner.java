package dev.ssprkit.endpoint.msiexec;

import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs msiexec quietly with a verbose log: {@code /i} install, {@code /x} uninstall, {@code /fa} repair (reinstall
 * all files), always {@code /qn /norestart /l*vx LOG} (the log folder is created first, since msiexec fails with 1622
 * otherwise) plus validated public properties ({@link MsiProperties}). Exit code 1618 (another installation in
 * progress) is retried with exponential back-off; on 1603 the failing action is read from the log.
 *
 * <p>The msiexec command is configurable, e.g. {@code ["wine", "msiexec"]} with a Wine prefix in the environment.
 */
public final class MsiexecRunner {
    public enum Operation {
        INSTALL("/i"), UNINSTALL("/x"), REPAIR("/fa");

        public final String option;

        Operation(String option) {
            this.option = option;
        }
    }

    private final List<String> command;
    private final Map<String, String> environment;
    private final int maxAttempts;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Sleeper sleeper;
    private final Duration timeout;
    private final boolean widenExitCodes;

    private MsiexecRunner(Builder b) {
        this.command = List.copyOf(b.command);
        this.environment = Map.copyOf(b.environment);
        this.maxAttempts = b.maxAttempts;
        this.firstDelay = b.firstDelay;
        this.maxDelay = b.maxDelay;
        this.sleeper = b.sleeper;
        this.timeout = b.timeout;
        this.widenExitCodes = b.widenExitCodes;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private List<String> command = List.of("msiexec");
        private final Map<String, String> environment = new HashMap<>();
        private int maxAttempts = 5;
        private Duration firstDelay = Duration.ofSeconds(30);
        private Duration maxDelay = Duration.ofMinutes(5);
        private Sleeper sleeper = Sleeper.real();
        private Duration timeout = Duration.ofHours(1);
        private boolean widenExitCodes = !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");

        /** The program and its leading arguments, e.g. {@code ["wine", "msiexec"]}. */
        public Builder command(List<String> command) {
            if (command.isEmpty()) throw new IllegalArgumentException("empty msiexec command");
            this.command = List.copyOf(command);
            return this;
        }

        /** Extra environment variables (added to this process's environment). */
        public Builder environment(Map<String, String> env) {
            environment.putAll(env);
            return this;
        }

        /** Retries on 1618: at most {@code attempts} runs, waiting {@code first}, then doubling up to {@code max}. */
        public Builder retryOnBusy(int attempts, Duration first, Duration max) {
            if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1");
            this.maxAttempts = attempts;
            this.firstDelay = first;
            this.maxDelay = max;
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper);
            return this;
        }

        /** How long one msiexec run may take before it is killed. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Whether 8-bit exit statuses are mapped back to the documented msiexec codes ({@link MsiexecExit#widen}).
         * On by default off Windows, where msiexec runs through Wine and Unix keeps only the low byte.
         */
        public Builder widenExitCodes(boolean widen) {
            this.widenExitCodes = widen;
            return this;
        }

        public MsiexecRunner build() {
            return new MsiexecRunner(this);
        }
    }

    public MsiexecResult install(Path msi, Map<String, String> properties, Path log) throws IOException {
        return run(Operation.INSTALL, msi.toString(), properties, log);
    }

    /** Uninstalls by package path or product code ({@code {GUID}}). */
    public MsiexecResult uninstall(String packageOrProductCode, Map<String, String> properties, Path log) throws IOException {
        return run(Operation.UNINSTALL, packageOrProductCode, properties, log);
    }

    public MsiexecResult repair(String packageOrProductCode, Map<String, String> properties, Path log) throws IOException {
        return run(Operation.REPAIR, packageOrProductCode, properties, log);
    }

    /** The full argument list for one run (without running it). */
    public List<String> commandLine(Operation op, String target, Map<String, String> properties, Path log) {
        List<String> args = new ArrayList<>(command);
        args.add(op.option);
        args.add(target);
        args.add("/qn");
        args.add("/norestart");
        args.add("/l*vx");
        args.add(log.toString());
        args.addAll(MsiProperties.arguments(properties == null ? Map.of() : new LinkedHashMap<>(properties)));
        return args;
    }

    public MsiexecResult run(Operation op, String target, Map<String, String> properties, Path log) throws IOException {
        List<String> args = commandLine(op, target, properties, log); // validates before anything runs
        Path dir = log.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        int attempt = 0;
        int code;
        Duration delay = firstDelay;
        while (true) {
            attempt++;
            code = execute(args);
            if (widenExitCodes) code = MsiexecExit.widen(code);
            if (code != MsiexecExit.ANOTHER_INSTALL_IN_PROGRESS.code || attempt >= maxAttempts) break;
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting to retry msiexec");
            }
            delay = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
        }
        MsiexecExit exit = MsiexecExit.of(code);
        String failed = exit == MsiexecExit.FATAL_ERROR ? VerboseLog.failedAction(log) : null;
        return new MsiexecResult(code, exit, attempt, log, failed, args);
    }

    private int execute(List<String> args) throws IOException {
        CommandLine cl = new CommandLine(args.get(0));
        for (String a : args.subList(1, args.size())) cl.addArgument(a, false);
        DefaultExecutor executor = DefaultExecutor.builder().get();
        executor.setExitValues(null);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PumpStreamHandler streams = new PumpStreamHandler(output, output);
        streams.setStopTimeout(Duration.ofSeconds(10));
        executor.setStreamHandler(streams);
        executor.setWatchdog(ExecuteWatchdog.builder().setTimeout(timeout).get());
        Map<String, String> env = null;
        if (!environment.isEmpty()) {
            env = new HashMap<>(System.getenv());
            env.putAll(environment);
        }
        try {
            return executor.execute(cl, env);
        } catch (ExecuteException e) {
            if (executor.getWatchdog().killedProcess()) throw new IOException("msiexec did not finish within " + timeout + ": " + args, e);
            throw e;
        }
    }
}

package dev.ssprkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The jar's entry point for plain {@code java -jar sspr.jar ...}. The JVM's defaults (G1 with its concurrent threads, the
 * C2 compiler) suit long-running servers: for one build on two cores they cost twice the time and CPU of the flags the
 * {@code bin/sspr} launcher passes (serial collector, C1 only), and a jar's manifest cannot name JVM flags. So when the
 * JVM was started without them, this starts the same jar once more with the launcher's flags added (after the user's
 * own, which still win), passes the terminal through and exits with its status; the extra start costs about a tenth of
 * a second. It runs the command in this JVM instead when the flags are already there (the launcher sets
 * {@value #LAUNCHED}), when {@code SSPR_NO_REEXEC} is set, when the user chose a collector and a compiler level
 * themselves, when a flight recording, an agent or a debugger is attached to this JVM, or when the command line of
 * this JVM cannot be read (then nothing is lost but speed). The restarted JVM uses (or, for a build, makes) sspr's
 * class-data archive in the user's cache ({@link ClassDataArchive}).
 */
public final class JarLauncher {
    /** Set by bin/sspr and by the re-started JVM: run in this process. */
    static final String LAUNCHED = "ssprkit.launcher";
    /** The launcher's flags (installer-src/cli/bin/sspr), each added unless the user's options set it already. */
    static final List<String> FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /**
     * The launcher's heap sizing (bin/sspr's {@code heap}), added with the serial collector when the user sized the
     * heap in no way: the heap grows with what the build holds (a ninth more than its live data after each full
     * collection, a 16 MB young generation) instead of starting at a sixty-fourth of the machine's memory, which a
     * 100,000-file build filled to 440 MB before its first full collection. No limit: a build that holds more gets
     * more. Not mixed with the user's own sizes, which could contradict them (an -Xmx below -Xms stops the JVM).
     */
    static final List<String> HEAP_FLAGS = List.of("-Xms64m", "-Xmn16m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=25");

    /**
     * Transparent huge pages for the heap (bin/sspr's {@code thp}), added when Linux gives them only to memory that asks
     * for them ({@link #hugePagesOnRequest}): a build then takes one page fault per 2 MB of heap it touches instead of
     * one per 4 KB (a 20,000-file build about 9 % faster, a small one about 60 ms; 4 to 7 MB more resident). Not added
     * when the user's options name huge or large pages.
     */
    static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";
    /** Linux's transparent-huge-page mode: {@code always [madvise] never}, the chosen one in brackets. */
    static final Path HUGE_PAGE_MODE = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    private JarLauncher() {
    }

    public static void main(String[] args) {
        if (System.getProperty(LAUNCHED) == null && System.getenv("SSPR_NO_REEXEC") == null) {
            ProcessHandle.Info self = ProcessHandle.current().info();
            Optional<List<String>> command = restart(self.command().orElse(null),
                    self.arguments().map(Arrays::asList).orElse(null), environmentOptions(), args, hugePagesOnRequest(HUGE_PAGE_MODE));
            if (command.isPresent()) {
                List<String> line = new ArrayList<>(command.get());
                Optional<ClassDataArchive> archive = archive(line, args);
                archive.ifPresent(a -> line.addAll(line.indexOf("-jar"), a.flags()));
                Integer jvm = runChild(line);
                Integer status = archive.isPresent() ? archive.get().finish(jvm) : jvm;
                if (status != null) System.exit(status);
            }
        }
        Sspr.main(args);
    }

    /**
     * The command that re-runs this jar with the launcher's flags, or empty when this JVM should run the command
     * itself: {@code java} is this JVM's executable, {@code jvmLine} its arguments (JVM options, {@code -jar},
     * the jar, then the program's arguments), {@code args} the program's arguments as main received them.
     */
    static Optional<List<String>> restart(String java, List<String> jvmLine, String[] args) {
        return restart(java, jvmLine, List.of(), args);
    }

    /** As above; {@code inherited} are the options the environment gives every JVM (JDK_JAVA_OPTIONS, JAVA_TOOL_OPTIONS). */
    static Optional<List<String>> restart(String java, List<String> jvmLine, List<String> inherited, String[] args) {
        return restart(java, jvmLine, inherited, args, false);
    }

    /** As above; with {@code hugePages} (the system gives them on request) {@link #HUGE_PAGES} is added too. */
    static Optional<List<String>> restart(String java, List<String> jvmLine, List<String> inherited, String[] args, boolean hugePages) {
        if (java == null || jvmLine == null) return Optional.empty();
        int jar = jvmLine.indexOf("-jar");
        if (jar < 0 || jar + 1 >= jvmLine.size()) return Optional.empty(); // not started as java -jar
        List<String> options = jvmLine.subList(0, jar);
        // a recording, an agent or a debugger watches this process: a second JVM would escape it (or, for a flight
        // recording, both would write the same file), so the command runs here
        if (options.stream().anyMatch(o -> o.startsWith("-XX:StartFlightRecording") || o.startsWith("-agentlib:")
                || o.startsWith("-agentpath:") || o.startsWith("-javaagent:") || o.startsWith("-Xrunjdwp"))) {
            return Optional.empty();
        }
        List<String> added = new ArrayList<>();
        boolean collectorChosen = options.stream().anyMatch(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"));
        boolean compilerChosen = options.stream().anyMatch(o -> o.startsWith("-XX:TieredStopAtLevel")
                || o.equals("-XX:-TieredCompilation") || o.equals("-Xint") || o.equals("-Xcomp"));
        boolean heapChosen = Stream.concat(options.stream(), inherited.stream()).anyMatch(o -> o.startsWith("-Xms")
                || o.startsWith("-Xmx") || o.startsWith("-Xmn") || o.startsWith("-XX:") && (o.contains("HeapSize")
                || o.contains("NewSize") || o.contains("HeapFreeRatio") || o.contains("RAMPercentage") || o.contains("MaxRAM=")));
        if (!collectorChosen) added.add(FLAGS.get(0));
        if (!compilerChosen) added.add(FLAGS.get(1));
        if (added.isEmpty()) return Optional.empty();
        if (!collectorChosen && !heapChosen) added.addAll(HEAP_FLAGS);
        if (hugePages && Stream.concat(options.stream(), inherited.stream())
                .noneMatch(o -> o.contains("TransparentHugePages") || o.contains("LargePages"))) {
            added.add(HUGE_PAGES);
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(added);
        command.addAll(options);
        command.add("-D" + LAUNCHED + "=java-jar");
        command.add("-jar");
        command.add(jvmLine.get(jar + 1));
        command.addAll(Arrays.asList(args));
        return Optional.of(command);
    }

    /** Whether {@code mode} (Linux's {@link #HUGE_PAGE_MODE}) says huge pages go to memory that asks: {@code [madvise]}. */
    static boolean hugePagesOnRequest(Path mode) {
        try {
            return Files.readString(mode, java.nio.charset.StandardCharsets.US_ASCII).contains("[madvise]");
        } catch (IOException | RuntimeException e) {
            return false; // not Linux, or no transparent huge pages: nothing to ask for
        }
    }

    /** The class-data archive for the restarted JVM ({@link ClassDataArchive}), when one applies. */
    private static Optional<ClassDataArchive> archive(List<String> line, String[] args) {
        int jar = line.indexOf("-jar");
        try {
            return ClassDataArchive.of(System.getenv(), Path.of(line.get(0)), Path.of(line.get(jar + 1)), line.subList(1, jar),
                    args.length > 0 ? args[0] : null);
        } catch (RuntimeException e) {
            return Optional.empty(); // a path the file system cannot take: start without an archive
        }
    }

    /** The options every JVM of this environment starts with, which the restarted one gets too. */
    private static List<String> environmentOptions() {
        List<String> out = new ArrayList<>();
        for (String name : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS")) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) out.addAll(Arrays.asList(value.trim().split("\\s+")));
        }
        return out;
    }

    /** Runs the command with this process's terminal; its exit status, or null when it could not be started. */
    private static Integer runChild(List<String> command) {
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return null;
        }
        // stopped from outside (SIGTERM): stop the child too rather than leave it running
        Thread stop = new Thread(child::destroy, "sspr-stop-child");
        Runtime.getRuntime().addShutdownHook(stop);
        while (true) {
            try {
                int status = child.waitFor();
                Runtime.getRuntime().removeShutdownHook(stop);
                return status;
            } catch (InterruptedException e) {
                // keep waiting: the child decides when the command is over
            } catch (IllegalStateException e) {
                return child.exitValue(); // shutting down already
            }
        }
    }
}

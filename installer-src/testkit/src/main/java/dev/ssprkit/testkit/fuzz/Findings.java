package dev.ssprkit.testkit.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Inputs that made a reader fail other than with its domain error, kept so they become regression cases. Each is
 * written to {@code <dir>/<reader>/<sha-256 prefix>.bin} with the failure beside it ({@code .txt}); {@code dir} is the
 * system property {@value #PROPERTY}, by default {@code target/fuzz-findings}. The nightly profile points it at
 * {@code src/test/resources/fuzz-corpus}, the corpus the regression tests replay.
 */
public final class Findings {
    public static final String PROPERTY = "ssprkit.fuzz.findings";

    private final String reader;
    private final List<String> found = Collections.synchronizedList(new ArrayList<>());

    public Findings(String reader) {
        this.reader = reader;
    }

    /** Keeps the input and what went wrong; returns the file it was saved to. */
    public Path keep(byte[] input, Throwable failure) {
        Path dir = Path.of(System.getProperty(PROPERTY, "target/fuzz-findings")).resolve(reader);
        try {
            Files.createDirectories(dir);
            String name = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input)).substring(0, 16);
            Path file = dir.resolve(name + ".bin");
            Files.write(file, input);
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            Files.writeString(dir.resolve(name + ".txt"), trace.toString(), StandardCharsets.UTF_8);
            found.add(file + ": " + failure);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What was found so far, one line each. */
    public List<String> all() {
        return List.copyOf(found);
    }

    public void clear() {
        found.clear();
    }

    /**
     * The corpus files ({@code *.bin} and any other input file, not the {@code .txt}/{@code .md} notes) of a folder.
     * A missing folder or one without inputs fails the replay (it would otherwise pass having replayed nothing).
     */
    public static List<Path> corpus(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("fuzz corpus " + dir.toAbsolutePath() + " is missing: the replay would test nothing");
        }
        List<Path> inputs;
        try (Stream<Path> s = Files.list(dir)) {
            inputs = s.filter(p -> {
                String n = p.getFileName().toString();
                return Files.isRegularFile(p) && !n.endsWith(".txt") && !n.endsWith(".md");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (inputs.isEmpty()) throw new AssertionError("fuzz corpus " + dir.toAbsolutePath() + " holds no inputs: the replay would test nothing");
        return inputs;
    }
}

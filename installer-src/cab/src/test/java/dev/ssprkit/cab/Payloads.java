package dev.ssprkit.cab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/** Deterministic test payloads (text-like and incompressible) and hashing helpers. */
final class Payloads {
    private Payloads() {}

    private static final String[] WORDS = ("the installer writes a cabinet folder with data blocks and each block "
            + "holds thirty two kilobytes of file content compressed by deflate while the decoder keeps history "
            + "Windows msiexec reads tables streams summary information component feature directory registry")
            .split(" ");

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] text(int size, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(size + 16);
        while (sb.length() < size) {
            sb.append(WORDS[r.nextInt(WORDS.length)]).append(r.nextInt(12) == 0 ? "\r\n" : " ");
        }
        return sb.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }

    /** Random bytes repeating with the given period. */
    static byte[] repeated(int size, int period, long seed) {
        byte[] unit = random(period, seed);
        byte[] b = new byte[size];
        for (int off = 0; off < size; off += period) {
            System.arraycopy(unit, 0, b, off, Math.min(period, size - off));
        }
        return b;
    }

    /** Alternating 64 KiB stretches of text and random bytes. */
    static byte[] mixed(int size, long seed) {
        byte[] b = new byte[size];
        for (int off = 0, i = 0; off < size; off += 65536, i++) {
            int n = Math.min(65536, size - off);
            byte[] part = i % 2 == 0 ? text(n, seed + i) : random(n, seed + i);
            System.arraycopy(part, 0, b, off, n);
        }
        return b;
    }

    /** The mixed payload used by the interop tests: name to content, in cabinet order. */
    static Map<String, byte[]> interopPayload() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("readme.txt", text(100_000, 1));
        m.put("random.bin", random(200_000, 2));
        m.put("empty1", new byte[0]);
        m.put("small.txt", "Hello, world!\n".getBytes(StandardCharsets.US_ASCII));
        m.put("exact32k.bin", text(32768, 3));
        m.put("big.dat", mixed(5 * 1024 * 1024 + 123, 4));
        m.put("empty2", new byte[0]);
        m.put("last.txt", text(40_000, 5));
        m.put("repeat.bin", repeated(100_000, 16384, 6)); // only compresses by referring back across blocks
        return m;
    }

    static Map<String, Path> writeFiles(Path dir, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(dir);
        Map<String, Path> paths = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.write(p, e.getValue());
            paths.put(e.getKey(), p);
        }
        return paths;
    }

    static String sha256(byte[] b) {
        return HexFormat.of().formatHex(digest().digest(b));
    }

    static String sha256(Path p) {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(p)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Names of the regular files directly or indirectly under dir, relative, '/'-separated. */
    static java.util.List<String> listFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Extracts every entry with our reader: name to content, in cabinet order. */
    static Map<String, byte[]> readAll(CabinetReader r) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        r.extract((e, in) -> out.put(e.name(), in.readAllBytes()));
        return out;
    }
}

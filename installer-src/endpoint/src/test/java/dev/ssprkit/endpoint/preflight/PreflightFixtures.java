package dev.ssprkit.endpoint.preflight;

import dev.ssprkit.registry.InMemoryRegistry;
import dev.ssprkit.registry.RegFile;
import dev.ssprkit.registry.RegistryKey;
import dev.ssprkit.registry.RegistryValue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The fixture machines under {@code src/test/resources/preflight-fixtures} (see its README.md). */
record PreflightFixtures(String name, Path dir) {
    static Path root() {
        try {
            return Path.of(PreflightFixtures.class.getResource("/preflight-fixtures").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<PreflightFixtures> all() throws IOException {
        try (Stream<Path> s = Files.list(root())) {
            return s.filter(Files::isDirectory).sorted().map(p -> new PreflightFixtures(p.getFileName().toString(), p)).toList();
        }
    }

    String regText() throws IOException {
        return Files.readString(dir.resolve("fixture.reg.txt"), StandardCharsets.UTF_8);
    }

    RegFile reg() throws IOException {
        return RegFile.parse(regText());
    }

    /** The profiles folder (possibly absent: then an empty folder is what the scripts get). */
    Path profiles() {
        return dir.resolve("profiles");
    }

    /** +PF0nn / -PF0nn lines. */
    List<String> expectations() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("expect.txt"))) if (!line.isBlank()) out.add(line.strip());
        return out;
    }

    /** The .reg text as regedit writes .reg files: UTF-16LE with a byte-order mark, CRLF. */
    static byte[] regeditBytes(String text) {
        byte[] body = text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    /** Applies a .reg file to a registry as regedit imports it: deletions, then the keys and values it sets. */
    static void apply(InMemoryRegistry target, RegFile reg) {
        for (RegistryKey k : reg.deletedKeys()) target.deleteKey(k);
        for (Map.Entry<RegistryKey, java.util.Set<String>> e : reg.deletedValues().entrySet()) {
            for (String name : e.getValue()) target.delete(e.getKey(), name);
        }
        for (RegistryKey k : reg.keys()) {
            target.createKey(k);
            for (Map.Entry<String, RegistryValue> v : reg.values(k).entrySet()) target.set(k, v.getKey(), v.getValue());
        }
    }
}

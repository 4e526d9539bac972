package dev.ssprkit.kit;

import dev.ssprkit.endpoint.preflight.PreflightScripts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code preflight/}: the readiness checks for the fleet, generated from the preflight table — the .cmd, the Intune
 * Remediations pair and the ConfigMgr discovery script ({@link PreflightScripts}). Their JSON results go into
 * {@code sspr report}.
 */
public final class PreflightPart implements KitGenerator.KitPart {
    @Override
    public List<String> write(Path msi, ProductFacts facts, KitOptions options, Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("preflight"));
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, String> e : new PreflightScripts().all().entrySet()) {
            Files.writeString(folder.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            written.add("preflight/" + e.getKey());
        }
        return written;
    }
}

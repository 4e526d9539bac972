package dev.ssprkit.cli;

import dev.ssprkit.endpoint.SwitchRegFiles;
import dev.ssprkit.kit.IntunePart;
import dev.ssprkit.kit.KitGenerator;
import dev.ssprkit.kit.KitOptions;
import dev.ssprkit.kit.PreflightPart;
import dev.ssprkit.kit.ProductFacts;
import dev.ssprkit.kit.TransformPart;
import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.model.Database;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The kit parts contributed by other modules (transform, .reg files), wired in one place. */
final class KitParts {
    private KitParts() {}

    static KitGenerator all(KitGenerator generator) {
        // the Intune part packs the transform with the MSI, so it comes after the transform part
        return generator.with(new TransformPart()).with(KitParts::regFiles).with(new IntunePart()).with(new PreflightPart());
    }

    /** {@code reg/*.reg}: the endpoint switches, with the Wow6432Node twins when the package is not 32-bit. */
    private static List<String> regFiles(Path msi, ProductFacts facts, KitOptions options, Path dir) throws IOException {
        boolean is64Bit;
        try (Database db = MsiReader.read(msi)) {
            String template = db.summary().template == null ? "" : db.summary().template.toLowerCase(Locale.ROOT);
            is64Bit = !(template.startsWith("intel;") || template.equals("intel"));
        }
        return SwitchRegFiles.write(dir.resolve("reg"), is64Bit).stream().map(n -> "reg/" + n).toList();
    }
}

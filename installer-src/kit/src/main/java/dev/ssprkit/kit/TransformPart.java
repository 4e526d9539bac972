package dev.ssprkit.kit;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.transform.TransformOptions;
import dev.ssprkit.msi.transform.TransformWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Group Policy transform ({@code X.mst} next to {@code X.msi}): Group Policy cannot pass properties, so the kit's
 * choices (ENABLELOGGING, TLS12...) become Property rows changed or added in a copy of the package's own database,
 * and the transform is the difference. Validation: same product and upgrade code ({@link TransformOptions#defaults}).
 */
public final class TransformPart implements KitGenerator.KitPart {
    private final TransformOptions transformOptions;

    public TransformPart() {
        this(TransformOptions.defaults());
    }

    public TransformPart(TransformOptions transformOptions) {
        this.transformOptions = transformOptions;
    }

    @Override
    public List<String> write(Path msi, ProductFacts facts, KitOptions options, Path dir) throws IOException {
        String name = KitGenerator.TransformName.of(msi.getFileName().toString());
        try (Database base = MsiReader.read(msi); Database target = MsiReader.read(msi)) {
            Table property = target.table("Property");
            for (Map.Entry<String, String> e : options.properties().entrySet()) {
                Row row = property.find(e.getKey());
                if (row != null && e.getValue().equals(row.string("Value"))) continue;
                if (row != null) property.remove(row);
                property.add(e.getKey(), e.getValue());
            }
            TransformWriter.write(base, target, dir.resolve(name), transformOptions);
        }
        return List.of(name);
    }
}

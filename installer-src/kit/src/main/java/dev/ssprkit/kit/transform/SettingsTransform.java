package dev.ssprkit.kit.transform;

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
 * A transform ({@code .mst}) that delivers settings to a package we did not build: Property rows set or added (for
 * packages that read them) and registry settings as components of their own ({@link RegistryInjection}), computed as
 * the difference between the package and a copy of it with those changes. Written whole or not at all.
 */
public final class SettingsTransform {
    private SettingsTransform() {}

    /**
     * @param properties public properties to set in the Property table (empty for none)
     * @param settings   registry settings to add as components
     */
    public static RegistryInjection.Result write(Path msi, Map<String, String> properties, List<RegistrySettings> settings, Path mst,
                                                 TransformOptions options) throws IOException {
        String label = msi.getFileName().toString();
        try (Database base = MsiReader.read(msi); Database target = MsiReader.read(msi)) {
            setProperties(target, properties);
            RegistryInjection.Result result = RegistryInjection.inject(target, settings, label);
            TransformWriter.write(base, target, mst, options);
            return result;
        }
    }

    static void setProperties(Database target, Map<String, String> properties) {
        if (properties.isEmpty()) return;
        Table property = target.table("Property");
        for (Map.Entry<String, String> e : properties.entrySet()) {
            Row row = property.find(e.getKey());
            if (row != null && e.getValue().equals(row.string("Value"))) continue;
            if (row != null) property.remove(row);
            property.add(e.getKey(), e.getValue());
        }
    }
}

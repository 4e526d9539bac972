package dev.ssprkit.kit;

import dev.ssprkit.endpoint.SwitchRegFiles;
import dev.ssprkit.kit.transform.RegistryInjection;
import dev.ssprkit.kit.transform.RegistrySettings;
import dev.ssprkit.kit.transform.SettingsTransform;
import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.transform.TransformOptions;
import dev.ssprkit.registry.RegFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Group Policy transform ({@code X.mst} next to {@code X.msi}). Group Policy cannot pass properties, and a vendor
 * package's property names are not public, so the transform delivers the kit's choices twice over:
 * <ul>
 *   <li>the Property rows (ENABLELOGGING, TLS12...) set as chosen, for packages that read them (ours);</li>
 *   <li>the registry values themselves as components of the transform's own, for any package: {@code EnableLogging}=1
 *       under the provider key (removed with the product) when logging is on, and every TLS 1.2 value (a permanent
 *       component: uninstalling never weakens TLS) when TLS12=1. The values come from the endpoint switches
 *       ({@link SwitchRegFiles}), the same ones {@code reg/*.reg} holds. A value the package already writes is left to
 *       the package and its property.</li>
 * </ul>
 * Validation: same product and upgrade code ({@link TransformOptions#defaults}).
 */
public final class TransformPart implements KitGenerator.KitPart {
    private final TransformOptions transformOptions;
    private RegistryInjection.Result lastResult;

    public TransformPart() {
        this(TransformOptions.defaults());
    }

    public TransformPart(TransformOptions transformOptions) {
        this.transformOptions = transformOptions;
    }

    @Override
    public List<String> write(Path msi, ProductFacts facts, KitOptions options, Path dir) throws IOException {
        String name = KitGenerator.TransformName.of(msi.getFileName().toString());
        lastResult = SettingsTransform.write(msi, options.properties(), settings(msi, options), dir.resolve(name), transformOptions);
        return List.of(name);
    }

    /** What the last {@link #write} added to the package (components, values left to the package). */
    public RegistryInjection.Result lastResult() {
        return lastResult;
    }

    /** The registry settings the kit's options call for, for this package's architecture. */
    static List<RegistrySettings> settings(Path msi, KitOptions options) throws IOException {
        boolean is64;
        try (Database db = MsiReader.read(msi)) {
            is64 = RegistryInjection.is64BitPackage(db);
        }
        Map<String, RegFile> reg = SwitchRegFiles.all(is64);
        List<RegistrySettings> out = new ArrayList<>();
        if ("1".equals(options.properties().get("ENABLELOGGING"))) {
            out.add(new RegistrySettings("Logging", "the kit's logging switch (reg/logging-on.reg)", false, reg.get("logging-on.reg")));
        }
        if ("1".equals(options.properties().get("TLS12"))) {
            out.add(new RegistrySettings("Tls12", "the kit's TLS 1.2 values (reg/tls12-enable.reg)", true, reg.get("tls12-enable.reg")));
        }
        return out;
    }
}

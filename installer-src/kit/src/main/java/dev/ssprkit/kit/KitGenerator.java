package dev.ssprkit.kit;

import dev.ssprkit.common.AtomicFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates a deployment kit for a built MSI into a new folder: silent install/uninstall scripts, the ConfigMgr
 * application script, Intune JSON, Group Policy steps (and, through {@link KitPart}s, the transform and .reg files).
 * Everything is read from the MSI (ProductCode, version, name). The folder appears complete or not at all
 * ({@link AtomicFile#writeFolder}): the files are written into a hidden work folder that is then moved into place.
 */
public final class KitGenerator {
    /** An extra part of the kit written by another module (transform, .reg files). */
    public interface KitPart {
        /** Writes files under {@code dir}; returns their paths relative to it. */
        List<String> write(Path msi, ProductFacts facts, KitOptions options, Path dir) throws IOException;
    }

    private final List<KitPart> parts = new ArrayList<>();

    public KitGenerator with(KitPart part) {
        parts.add(part);
        return this;
    }

    /** Writes the kit to {@code out} (which must not exist or be empty); returns the files written, relative. */
    public List<String> generate(Path msi, KitOptions options, Path out) throws IOException {
        ProductFacts facts = ProductFacts.read(msi);
        List<String> written = new ArrayList<>();
        AtomicFile.writeFolder(out, work -> written.addAll(writeAll(msi, facts, options, work)));
        return written;
    }

    private List<String> writeAll(Path msi, ProductFacts facts, KitOptions options, Path dir) throws IOException {
        String msiName = msi.getFileName().toString();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("PRODUCT_NAME", facts.productName());
        v.put("PRODUCT_VERSION", facts.productVersion());
        v.put("PRODUCT_CODE", facts.productCode());
        v.put("MANUFACTURER", facts.manufacturer());
        v.put("MSI_NAME", msiName);
        v.put("MST_NAME", TransformName.of(msiName));
        v.put("LOG_DIR", options.logDir());
        v.put("PROPERTIES", options.commandLineProperties());
        v.put("TRANSFORM_SUMMARY", options.commandLineProperties().strip());
        List<String> written = new ArrayList<>();
        write(dir, "install.cmd", Templates.render("install.cmd", v), written);
        write(dir, "uninstall.cmd", Templates.render("uninstall.cmd", v), written);
        write(dir, "configmgr/New-SsprApplication.ps1", Templates.render("configmgr.ps1", v), written);
        write(dir, "gpo/README.txt", Templates.render("gpo-steps.txt", v), written);
        write(dir, "intune/win10-policy.json", IntuneJson.pretty(IntuneJson.windows10Policy()), written);
        write(dir, "intune/win32-app.json", IntuneJson.pretty(IntuneJson.win32App(facts, msiName, options)), written);
        Files.copy(msi, dir.resolve(msiName));
        written.add(msiName);
        for (KitPart part : parts) written.addAll(part.write(msi, facts, options, dir));
        return written;
    }

    private static void write(Path dir, String rel, String text, List<String> written) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        written.add(rel);
    }

    /** The transform's file name for a package: {@code X.msi} → {@code X.mst}. */
    static final class TransformName {
        static String of(String msiName) {
            return (msiName.toLowerCase(java.util.Locale.ROOT).endsWith(".msi") ? msiName.substring(0, msiName.length() - 4) : msiName) + ".mst";
        }
    }
}

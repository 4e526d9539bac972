package dev.ssprkit.cli;

import dev.ssprkit.common.InvalidValueException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** What uninstall and repair accept: a ProductCode ({GUID}) or an existing package file. */
final class Targets {
    private static final Pattern GUID = Pattern.compile("\\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}}");

    private Targets() {}

    static String packageOrProductCode(String target) throws java.nio.file.NoSuchFileException {
        if (target.startsWith("{")) {
            if (!GUID.matcher(target).matches()) throw new InvalidValueException("'" + target + "' is not a ProductCode ({XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX})");
            return target.toUpperCase(java.util.Locale.ROOT);
        }
        if (!Files.isRegularFile(Path.of(target))) throw new java.nio.file.NoSuchFileException(target);
        return target;
    }
}

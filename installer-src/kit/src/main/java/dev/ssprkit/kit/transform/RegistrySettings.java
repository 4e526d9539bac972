package dev.ssprkit.kit.transform;

import dev.ssprkit.registry.RegFile;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Registry settings a transform delivers as components of its own: the values (and deletions) of a .reg file, and
 * whether they stay on the machine when the product is removed.
 *
 * @param name      a short identifier for the settings ({@code Logging}, {@code Tls12}, {@code Reg}); it becomes part
 *                  of the component names, so it is letters and digits only
 * @param source    where the settings came from, for messages ({@code settings.reg}, {@code the kit's TLS 1.2 values})
 * @param permanent true: the components carry msidbComponentAttributesPermanent, so uninstalling leaves the values
 * @param reg       the values to write and the keys/values to delete
 */
public record RegistrySettings(String name, String source, boolean permanent, RegFile reg) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,15}");

    public RegistrySettings {
        if (!NAME.matcher(name).matches()) throw new dev.ssprkit.common.InvalidValueException("settings name '" + name + "' must be 1-16 letters and digits");
        Objects.requireNonNull(source);
        Objects.requireNonNull(reg);
    }
}

package dev.ssprkit.wix.source;

import dev.ssprkit.wix.diag.SourceLocation;
import java.util.Objects;

/**
 * One attribute after variable substitution.
 *
 * @param namespaceUri the attribute's namespace, empty for the usual unqualified WiX attributes
 * @param location where the attribute's name starts
 */
public record SourceAttribute(String namespaceUri, String localName, String value, SourceLocation location) {

    public SourceAttribute {
        Objects.requireNonNull(namespaceUri, "namespaceUri");
        Objects.requireNonNull(localName, "localName");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(location, "location");
    }
}

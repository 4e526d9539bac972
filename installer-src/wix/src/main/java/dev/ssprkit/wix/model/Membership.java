package dev.ssprkit.wix.model;

import dev.ssprkit.wix.diag.SourceLocation;

/**
 * A complex reference: {@code child} is placed in {@code parent} (a component in a feature or component group, a
 * group in a feature, a feature in a feature group, a merge module in a feature...). The linker flattens these into
 * FeatureComponents rows and feature parents.
 *
 * @param primary the feature is the component's primary feature (WiX's {@code Primary="yes"}), used for advertising
 */
public record Membership(String parentKind, String parentId, String childKind, String childId, boolean primary,
                         SourceLocation location) implements Symbol {}

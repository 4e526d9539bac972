package dev.ssprkit.wix.model;

import dev.ssprkit.wix.diag.SourceLocation;

/**
 * {@code <InstanceTransforms Property="P"><Instance Id="I1" .../>}: one instance of the product, built as a transform
 * embedded in the package under the instance's Id (installed with {@code MSINEWINSTANCE=1 TRANSFORMS=:I1}).
 *
 * @param id          the instance Id: the embedded storage's name and the instance property's value
 * @param property    the property that holds the instance Id once the transform is applied
 * @param productCode the instance's ProductCode, or {@code *} to derive one
 * @param productName the instance's ProductName, or null to keep the package's
 * @param upgradeCode the instance's UpgradeCode, or null to keep the package's
 */
public record InstanceTransformSymbol(String id, String property, String productCode, String productName,
                                      String upgradeCode, SourceLocation location) implements Symbol {
    @Override
    public SymbolKey key() {
        return new SymbolKey("Instance", id);
    }
}

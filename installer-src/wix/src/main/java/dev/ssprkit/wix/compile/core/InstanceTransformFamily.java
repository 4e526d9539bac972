package dev.ssprkit.wix.compile.core;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.model.InstanceTransformSymbol;
import dev.ssprkit.wix.source.SourceElement;

/**
 * InstanceTransforms and Instance (WiX v3 under Product, v4+ under Package): each Instance becomes a transform the
 * binder embeds in the package. As WiX's compiler reads them: InstanceTransforms/@Property is required and references
 * a Property that must be defined; Instance/@Id and @ProductCode ({@code *} or a GUID) are required, @UpgradeCode is a
 * GUID, @ProductName any text. Components with {@code MultiInstance="yes"} get a new GUID in every instance.
 */
public final class InstanceTransformFamily implements ElementFamily {
    @Override
    public void register(Grammar g) {
        g.on("InstanceTransforms", this::instanceTransforms, "Product", "Package");
    }

    private void instanceTransforms(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Property");
        String property = a.id("Property", true);
        if (property != null) ctx.reference("Property", property, a.at("Property"));
        ctx.children(e, scope).on("Instance", (c, x, s) -> instance(c, x, property)).run();
    }

    private void instance(CompileContext ctx, SourceElement e, String property) {
        Attrs a = ctx.attrs(e, "Id", "ProductCode", "ProductName", "UpgradeCode");
        String id = a.id("Id", true);
        String productCode = a.guid("ProductCode", true, true, false);
        String productName = a.str("ProductName");
        String upgradeCode = a.guid("UpgradeCode", false, false, false);
        ctx.children(e, Scope.ROOT).run();
        boolean badUpgradeCode = a.has("UpgradeCode") && upgradeCode == null;
        if (id == null || property == null || productCode == null || badUpgradeCode) return;
        ctx.add(new InstanceTransformSymbol(id, property, productCode, productName == null || productName.isEmpty() ? null : productName,
                upgradeCode, e.location()));
    }
}

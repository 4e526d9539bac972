package dev.ssprkit.wix.bind;

import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.wix.model.Row;

import java.util.List;
import java.util.Map;

/** Feature_Parent from nesting and feature groups; FeatureComponents from the resolved memberships. */
final class FeatureStep {
    private final BindContext ctx;

    FeatureStep(BindContext ctx) {
        this.ctx = ctx;
    }

    void run() {
        Map<String, String> parents = ctx.linked.featureParents();
        for (Row f : ctx.rows("Feature")) {
            String parent = parents.get(f.str("Feature"));
            if (parent != null) f.set("Feature_Parent", parent);
        }
        // advertised COM rows (Class, Extension, TypeLib...) name the feature that installs their component
        for (var symbol : ctx.linked.symbols()) {
            if (symbol instanceof Row r && r.flag("FeatureFromComponent")) {
                String feature = primaryFeature(ctx, r.str("Component_"));
                if (feature != null) r.set("Feature_", feature);
                else ctx.report(dev.ssprkit.wix.diag.CompilerMessage.COMPONENT_WITHOUT_FEATURE, r.location(), r.str("Component_"));
            }
        }
        for (Map.Entry<String, List<String>> e : ctx.linked.featuresOfComponent().entrySet()) {
            Row component = ctx.linked.row("Component", e.getKey());
            for (String feature : new java.util.LinkedHashSet<>(e.getValue())) {
                ctx.linked.add(new Row(StandardSchema.require("FeatureComponents"), component == null ? null : component.location())
                        .set("Feature_", feature).set("Component_", e.getKey()));
            }
        }
    }

    /** A merge module's stand-in for the feature its consumer connects it to (the SDK's merge-module rules). */
    static final String NULL_GUID = "{00000000-0000-0000-0000-000000000000}";

    /**
     * The feature a component is advertised through: its primary feature, else its first; in a merge module, which
     * has no features, the null GUID that merging replaces with the consumer's feature (WiX's ClassFixture builds
     * advertised Class, ProgId, Extension and Verb rows into a module so).
     */
    static String primaryFeature(BindContext ctx, String component) {
        if (ctx.isModule()) return NULL_GUID;
        List<String> features = ctx.linked.featuresOfComponent().get(component);
        return features == null || features.isEmpty() ? null : features.get(0);
    }
}

package dev.ssprkit.wix.compile.features;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.files.ComponentHandler;
import dev.ssprkit.wix.compile.model.Kind;
import dev.ssprkit.wix.compile.model.Symbols;
import dev.ssprkit.wix.source.SourceElement;

/** Feature (nested), FeatureRef, and the components placed in features; feature conditions (v3 Condition, v4 Level). */
public final class FeatureHandler {
    private final CompileContext ctx;
    private final ComponentHandler components;

    public FeatureHandler(CompileContext ctx, ComponentHandler components) {
        this.ctx = ctx;
        this.components = components;
    }

    public void feature(SourceElement e, String parent) {
        Attrs a = ctx.v4()
                ? ctx.attrs(e, "Id", "Title", "Description", "Level", "Display", "AllowAbsent", "AllowAdvertise", "ConfigurableDirectory")
                : ctx.attrs(e, "Id", "Title", "Description", "Level", "Display", "Absent", "AllowAdvertise", "ConfigurableDirectory");
        String id = a.id("Id", true, 38);
        int level = a.integer("Level", 1, 0, 32767);
        String display = a.str("Display", "collapse");
        if (!display.matches("collapse|expand|hidden|\\d{1,5}")) {
            a.oneOf("Display", null, "collapse", "expand", "hidden", "a number");
            display = "collapse";
        }
        boolean allowAbsent = ctx.v4() ? a.yesNo("AllowAbsent", true) : a.oneOf("Absent", "allow", "allow", "disallow").equals("allow");
        boolean allowAdvertise = ctx.v4() ? a.yesNo("AllowAdvertise", true) : !a.oneOf("AllowAdvertise", "yes", "yes", "no").equals("no");
        String configurable = a.id("ConfigurableDirectory", false);
        ctx.section().reference(Kind.DIRECTORY, configurable, a.at("ConfigurableDirectory"));
        if (parent != null) ctx.section().reference(Kind.FEATURE, parent, e.location());
        if (id != null) {
            ctx.section().add(new Symbols.Feature(id, parent, a.str("Title"), a.str("Description"), level, display,
                    allowAbsent, allowAdvertise, configurable, e.location()));
        }
        contents(e, id);
    }

    public void featureRef(SourceElement e) {
        Attrs a = ctx.attrs(e, "Id", "IgnoreParent");
        String id = a.id("Id", true, 38);
        ctx.section().reference(Kind.FEATURE, id, a.at("Id"));
        contents(e, id);
    }

    private void contents(SourceElement e, String feature) {
        ctx.children(e)
                .on("Feature", c -> feature(c, feature))
                .on("FeatureRef", this::featureRef)
                .on("ComponentRef", c -> components.ref(c, Kind.COMPONENT, null, feature))
                .on("ComponentGroupRef", c -> components.ref(c, Kind.COMPONENT_GROUP, null, feature))
                .on("Component", c -> components.component(c, new ComponentHandler.Scope(null, null, feature)))
                .onIf(!ctx.v4(), "Condition", c -> {
                    Attrs a = ctx.attrsWithText(c, "Level");
                    Integer level = a.integer("Level", null, 0, 32767);
                    if (!a.has("Level")) a.required("Level");
                    if (level != null && feature != null) {
                        ctx.section().add(new Symbols.FeatureCondition(feature, level, CompileContext.text(c), c.location()));
                    }
                })
                .onIf(ctx.v4(), "Level", c -> {
                    Attrs a = ctx.attrs(c, "Value", "Condition");
                    Integer level = a.integer("Value", null, 0, 32767);
                    if (!a.has("Value")) a.required("Value");
                    String cond = a.required("Condition");
                    if (level != null && feature != null) ctx.section().add(new Symbols.FeatureCondition(feature, level, cond, c.location()));
                })
                .run();
    }
}

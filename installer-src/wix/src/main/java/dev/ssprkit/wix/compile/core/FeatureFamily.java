package dev.ssprkit.wix.compile.core;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.Definition;
import dev.ssprkit.wix.model.Membership;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.source.SourceElement;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Feature (nested), FeatureRef, FeatureGroup, FeatureGroupRef and feature conditions (v3 Condition, v4 Level).
 * Feature_Parent comes from the nesting and the groups, which the linker resolves.
 *
 * <p>Feature.Attributes bits (SDK): FavorSource 0x1, FollowParent 0x2, FavorAdvertise 0x4, DisallowAdvertise 0x8,
 * UIDisallowAbsent 0x10. Display: {@code collapse} the next even number, {@code expand} the next odd one, counted
 * among the siblings in document order: each Feature, FeatureRef and FeatureGroup starts its own count for the
 * features inside it, and the top-level features of a Product/Package/Fragment share one (WiX v3 and v4+ Compiler.cs
 * ParseFeatureElement: {@code childDisplay}, a fresh {@code lastDisplay} per FeatureRef and FeatureGroup),
 * {@code hidden} 0.
 */
public final class FeatureFamily implements ElementFamily {
    static final String[] FEATURE_CONTAINERS = {"Feature", "FeatureRef", "FeatureGroup"};

    @Override
    public void register(Grammar g) {
        g.on("Feature", this::feature, Grammar.SECTIONS);
        g.on("Feature", this::feature, FEATURE_CONTAINERS);
        g.on("FeatureRef", this::featureRef, Grammar.SECTIONS);
        g.on("FeatureRef", this::featureRef, FEATURE_CONTAINERS);
        g.on("FeatureGroup", this::featureGroup, Grammar.SECTIONS);
        g.on("FeatureGroupRef", this::featureGroupRef, Grammar.SECTIONS);
        g.on("FeatureGroupRef", this::featureGroupRef, FEATURE_CONTAINERS);
        g.on("Condition", this::v3Condition, "Feature");
        g.on("Level", this::v4Level, "Feature");
    }

    private void feature(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Title", "Description", "Level", "Display", "Absent", "AllowAbsent", "AllowAdvertise",
                "InstallDefault", "TypicalDefault", "ConfigurableDirectory");
        String id = a.id("Id", true, 38);
        int level = a.integer("Level", 1, 0, 32767);
        boolean disallowAbsent;
        boolean disallowAdvertise;
        if (ctx.v4()) {
            disallowAbsent = !a.yesNo("AllowAbsent", true);
            disallowAdvertise = !a.yesNo("AllowAdvertise", true);
            if (a.has("Absent")) ctx.report(CompilerMessage.UNKNOWN_ATTRIBUTE, a.at("Absent"), "Feature", "Absent", "WiX v4 writes AllowAbsent=\"no\"");
        } else {
            disallowAbsent = "disallow".equals(a.oneOf("Absent", "allow", "allow", "disallow"));
            disallowAdvertise = "no".equals(a.oneOf("AllowAdvertise", "yes", "yes", "no", "system"));
        }
        String installDefault = a.oneOf("InstallDefault", "local", "local", "source", "followParent");
        String typicalDefault = a.oneOf("TypicalDefault", "install", "install", "advertise");
        int bits = 0;
        if (installDefault.equals("source")) bits |= 0x1;
        if (installDefault.equals("followParent")) bits |= 0x2;
        if (typicalDefault.equals("advertise")) bits |= 0x4;
        if (disallowAdvertise) bits |= 0x8;
        if (disallowAbsent) bits |= 0x10;
        if (typicalDefault.equals("advertise") && disallowAdvertise) {
            ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, a.at("TypicalDefault"), "Feature", "TypicalDefault=\"advertise\" and AllowAdvertise=\"no\"", "a feature cannot favor advertising and forbid it");
        }
        String configurable = a.id("ConfigurableDirectory", false);
        if (configurable != null) {
            if (!configurable.equals(configurable.toUpperCase(java.util.Locale.ROOT))) {
                ctx.report(CompilerMessage.BAD_VALUE, a.at("ConfigurableDirectory"), "ConfigurableDirectory", configurable, "a configurable directory must be public: upper-case letters only");
            }
            ctx.reference("Directory", configurable, a.at("ConfigurableDirectory"));
        }
        Integer display = display(ctx, a, scope);
        ctx.children(e, scope.with(Scope.FEATURE, id)).run();
        if (id == null) return;
        Row row = ctx.row("Feature", e.location()).set("Feature", id).set("Title", a.str("Title")).set("Description", a.str("Description"))
                .set("Display", display).set("Level", level).set("Directory_", configurable).set("Attributes", bits);
        row.extra("Generation", ctx.v4() ? 4 : 3);
        String parent = scope.get(Scope.PARENT);
        if ("Feature".equals(parent) || "FeatureRef".equals(parent)) {
            ctx.add(new Membership("Feature", scope.get(Scope.FEATURE), "Feature", id, false, e.location()));
        } else if ("FeatureGroup".equals(parent)) {
            ctx.add(new Membership("FeatureGroup", scope.get(Scope.FEATURE_GROUP), "Feature", id, false, e.location()));
        }
    }

    /** The Display column: one counter per parent (section, Feature, FeatureRef, FeatureGroup), as WiX numbers it. */
    private static Integer display(CompileContext ctx, Attrs a, Scope scope) {
        String value = a.str("Display", "collapse");
        java.util.Map<Object, java.util.Map<String, AtomicInteger>> bySection = ctx.state("featureDisplay", java.util.IdentityHashMap::new);
        String parent = scope.get(Scope.PARENT);
        String parentId = switch (parent == null ? "" : parent) {
            case "Feature", "FeatureRef" -> scope.get(Scope.FEATURE);
            case "FeatureGroup" -> scope.get(Scope.FEATURE_GROUP);
            default -> "";
        };
        AtomicInteger last = bySection.computeIfAbsent(ctx.section(), k -> new java.util.HashMap<>())
                .computeIfAbsent(parent + ":" + parentId, k -> new AtomicInteger());
        switch (value) {
            case "collapse" -> {
                last.set((last.get() | 1) + 1);
                return last.get();
            }
            case "expand" -> {
                last.set((last.get() + 1) | 1);
                return last.get();
            }
            case "hidden" -> {
                return 0;
            }
            default -> {
                if (!value.matches("\\d{1,5}") || Integer.parseInt(value) > 32767) {
                    a.oneOf("Display", null, "collapse", "expand", "hidden", "a number 0..32767");
                    return null;
                }
                int n = Integer.parseInt(value);
                if (n != 0) last.set(n);
                return n;
            }
        }
    }

    private void featureRef(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "IgnoreParent");
        String id = a.id("Id", true, 38);
        boolean ignoreParent = a.yesNo("IgnoreParent", false);
        ctx.reference("Feature", id, a.at("Id"));
        if (id != null && !ignoreParent) {
            String parent = scope.get(Scope.PARENT);
            if ("Feature".equals(parent) || "FeatureRef".equals(parent)) {
                ctx.add(new Membership("Feature", scope.get(Scope.FEATURE), "Feature", id, false, e.location()));
            } else if ("FeatureGroup".equals(parent)) {
                ctx.add(new Membership("FeatureGroup", scope.get(Scope.FEATURE_GROUP), "Feature", id, false, e.location()));
            }
        }
        ctx.children(e, scope.with(Scope.FEATURE, id)).run();
    }

    private void featureGroup(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id");
        String id = a.id("Id", true);
        ctx.children(e, scope.with(Scope.FEATURE_GROUP, id).with(Scope.FEATURE, null)).run();
        if (id != null) ctx.add(new Definition("FeatureGroup", id, e.location()));
    }

    private void featureGroupRef(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "IgnoreParent", "Primary");
        String id = a.id("Id", true);
        boolean ignoreParent = a.yesNo("IgnoreParent", false);
        boolean primary = a.yesNo("Primary", false);
        ctx.children(e, scope).run();
        if (id == null) return;
        ctx.reference("FeatureGroup", id, a.at("Id"));
        String parent = scope.get(Scope.PARENT);
        if (ignoreParent) {
            ctx.add(new Membership("Product", "*", "FeatureGroup", id, primary, e.location()));
        } else if ("Feature".equals(parent) || "FeatureRef".equals(parent)) {
            ctx.add(new Membership("Feature", scope.get(Scope.FEATURE), "FeatureGroup", id, primary, e.location()));
        } else if ("FeatureGroup".equals(parent)) {
            ctx.add(new Membership("FeatureGroup", scope.get(Scope.FEATURE_GROUP), "FeatureGroup", id, primary, e.location()));
        } else {
            ctx.add(new Membership("Product", "*", "FeatureGroup", id, primary, e.location()));
        }
    }

    private void v3Condition(CompileContext ctx, SourceElement e, Scope scope) {
        if (ctx.v4()) {
            ctx.report(CompilerMessage.UNKNOWN_ELEMENT, e.location(), "Condition", "Feature", "WiX v4 writes <Level Value=\"...\" Condition=\"...\"/>");
            return;
        }
        Attrs a = ctx.attrsWithText(e, "Level");
        Integer level = a.integer("Level", null, 0, 32767);
        if (!a.has("Level")) a.required("Level");
        String condition = CompileContext.text(e);
        String feature = scope.get(Scope.FEATURE);
        if (level != null && feature != null) ctx.row("Condition", e.location()).set("Feature_", feature).set("Level", level).set("Condition", condition);
    }

    private void v4Level(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Value", "Condition");
        Integer level = a.integer("Value", null, 0, 32767);
        if (!a.has("Value")) a.required("Value");
        String condition = a.required("Condition");
        String feature = scope.get(Scope.FEATURE);
        if (level != null && condition != null && feature != null) {
            ctx.row("Condition", e.location()).set("Feature_", feature).set("Level", level).set("Condition", condition);
        }
    }
}

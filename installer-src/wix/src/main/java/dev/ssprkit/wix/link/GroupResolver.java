package dev.ssprkit.wix.link;

import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.diag.SourceLocation;
import dev.ssprkit.wix.model.Membership;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.model.Section;
import dev.ssprkit.wix.model.Symbol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves complex references: which components (through component groups and feature groups, to any depth) each
 * feature installs, each feature's parent, and the features of each component with its primary one first. A group
 * that contains itself is reported. A package without any feature puts every component in a hidden default feature,
 * as WiX v4+ does ({@code WixDefaultFeature}).
 */
final class GroupResolver {
    static final String DEFAULT_FEATURE = "WixDefaultFeature";

    private record Child(String kind, String id, boolean primary, SourceLocation location) {}

    private final Diagnostics diagnostics;
    private final Section.Type entryType;
    private final List<Symbol> symbols;
    private final Map<String, List<Child>> children = new HashMap<>();
    private final Map<String, List<String>> featuresOfComponent = new LinkedHashMap<>();
    private final Map<String, String> featureParents = new HashMap<>();
    /** Each merge module's features (MergeRef), the primary one first. */
    private final Map<String, List<String>> featuresOfMerge = new LinkedHashMap<>();
    private final Map<String, SourceLocation> parentSetAt = new HashMap<>();
    private Row defaultFeature;

    GroupResolver(Diagnostics diagnostics, Section.Type entryType, List<Symbol> symbols) {
        this.diagnostics = diagnostics;
        this.entryType = entryType;
        this.symbols = symbols;
    }

    void resolve() {
        List<String> features = new ArrayList<>();
        List<String> components = new ArrayList<>();
        for (Symbol s : symbols) {
            if (s instanceof Membership m) {
                children.computeIfAbsent(m.parentKind() + "/" + m.parentId(), k -> new ArrayList<>())
                        .add(new Child(m.childKind(), m.childId(), m.primary(), m.location()));
            } else if (s instanceof Row r && r.table().equals("Feature")) {
                features.add(r.str("Feature"));
            } else if (s instanceof Row r && r.table().equals("Component")) {
                components.add(r.str("Component"));
            }
        }
        for (String f : features) {
            Map<String, Boolean> found = new LinkedHashMap<>();
            collect("Feature/" + f, f, found, new LinkedHashSet<>(), null);
            found.forEach((component, primary) -> {
                List<String> list = featuresOfComponent.computeIfAbsent(component, k -> new ArrayList<>());
                if (primary) list.add(0, f);
                else list.add(f);
            });
        }
        // groups referenced from the product itself: their features are top-level, their components need a feature
        collect("Product/*", null, new LinkedHashMap<>(), new LinkedHashSet<>(), null);
        if (entryType == Section.Type.PRODUCT) {
            if (features.isEmpty() && !components.isEmpty()) {
                defaultFeature = new Row(StandardSchema.require("Feature"), null).set("Feature", DEFAULT_FEATURE)
                        .set("Level", 1).set("Display", 0).set("Attributes", 0);
                for (String c : components) featuresOfComponent.put(c, new ArrayList<>(List.of(DEFAULT_FEATURE)));
            } else {
                for (Symbol s : symbols) {
                    if (s instanceof Row r && r.table().equals("Component") && !featuresOfComponent.containsKey(r.str("Component"))) {
                        diagnostics.report(CompilerMessage.COMPONENT_WITHOUT_FEATURE, r.location(), r.str("Component"));
                    }
                }
            }
        }
    }

    /**
     * Walks the members of {@code node} (a Feature, group or the product): components are recorded for
     * {@code feature}, features found get {@code feature} as parent (top-level when null), groups are descended.
     * {@code at} is the reference that led here: a cycle is reported where it closes.
     */
    private void collect(String node, String feature, Map<String, Boolean> components, LinkedHashSet<String> path, SourceLocation at) {
        if (!path.add(node)) {
            List<String> cycle = new ArrayList<>(path);
            diagnostics.report(CompilerMessage.GROUP_CYCLE, at, node.substring(node.indexOf('/') + 1),
                    String.join(" -> ", cycle) + " -> " + node);
            return;
        }
        for (Child c : children.getOrDefault(node, List.of())) {
            switch (c.kind()) {
                case "Component" -> components.merge(c.id(), c.primary(), (a, b) -> a || b);
                case "ComponentGroup", "FeatureGroup" -> collect(c.kind() + "/" + c.id(), feature, components, path, c.location());
                case "Feature" -> {
                    if (feature != null && !node.startsWith("Feature/" + c.id())) setParent(c.id(), feature, c.location());
                }
                case "Merge" -> {
                    if (feature == null) break;
                    List<String> list = featuresOfMerge.computeIfAbsent(c.id(), k -> new ArrayList<>());
                    if (list.contains(feature)) break;
                    if (c.primary()) list.add(0, feature);
                    else list.add(feature);
                }
                default -> { }
            }
        }
        path.remove(node);
    }

    private void setParent(String child, String parent, SourceLocation at) {
        if (child.equals(parent)) return;
        String old = featureParents.putIfAbsent(child, parent);
        if (old != null && !old.equals(parent)) {
            diagnostics.report(CompilerMessage.BAD_VALUE, at, "Feature", child, "it is placed under both '" + old + "' (" + parentSetAt.get(child) + ") and '" + parent + "'; a feature has one parent");
        } else {
            parentSetAt.putIfAbsent(child, at);
        }
    }

    Map<String, List<String>> featuresOfComponent() {
        // nearly every component is in one feature: a one-element list instead of a growable one (100,000 of them)
        featuresOfComponent.replaceAll((component, features) -> features.size() == 1 ? List.of(features.get(0)) : features);
        return featuresOfComponent;
    }

    Map<String, String> featureParents() {
        return featureParents;
    }

    Map<String, List<String>> featuresOfMerge() {
        return featuresOfMerge;
    }

    Row defaultFeature() {
        return defaultFeature;
    }

    static Set<String> none() {
        return Set.of();
    }
}

package dev.ssprkit.wix.compile.bind;

import dev.ssprkit.builder.ComponentSpec;
import dev.ssprkit.builder.FeatureSpec;
import dev.ssprkit.wix.compile.model.Kind;
import dev.ssprkit.wix.compile.model.Symbols;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.SourceLocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Binds features (parents first), their Display numbers (collapse even, expand odd, hidden 0, in declaration order),
 * their components (component groups expanded, cycles reported) and their Condition rows.
 */
final class FeatureBinder {
    private final BindContext ctx;
    private final Map<String, FeatureSpec> specs = new HashMap<>();
    private final Map<String, Symbols.Feature> features = new HashMap<>();
    private int displayCounter = 1;

    FeatureBinder(BindContext ctx) {
        this.ctx = ctx;
    }

    void bind() {
        List<Symbols.Feature> all = ctx.linked.all(Symbols.Feature.class).toList();
        all.forEach(f -> features.putIfAbsent(f.id(), f));
        for (Symbols.Feature f : all) feature(f.id(), new LinkedHashSet<>());
        for (Symbols.FeatureMember m : ctx.linked.all(Symbols.FeatureMember.class).toList()) {
            FeatureSpec f = specs.get(m.feature());
            if (f == null) continue;
            for (String c : expand(m.kind(), m.id(), new LinkedHashSet<>(), m.location())) {
                ComponentSpec cs = ctx.components.get(c);
                if (cs == null) continue;
                f.add(cs);
                ctx.featureOf.putIfAbsent(c, m.feature());
            }
        }
        for (Symbols.Component c : ctx.linked.all(Symbols.Component.class).toList()) {
            if (ctx.components.containsKey(c.id()) && !ctx.featureOf.containsKey(c.id())) {
                ctx.report(CompilerMessage.COMPONENT_WITHOUT_FEATURE, c.location(), c.id());
            }
        }
        for (Symbols.FeatureCondition fc : ctx.linked.all(Symbols.FeatureCondition.class).toList()) {
            if (specs.containsKey(fc.feature())) ctx.pkg.row("Condition", ctx.origin(fc.location()), fc.feature(), fc.level(), fc.condition());
        }
    }

    private FeatureSpec feature(String id, LinkedHashSet<String> path) {
        if (specs.containsKey(id)) return specs.get(id);
        Symbols.Feature f = features.get(id);
        if (f == null || !path.add(id)) return null;
        FeatureSpec parent = f.parent() == null ? null : feature(f.parent(), path);
        if (f.parent() != null && parent == null) return null;
        FeatureSpec spec = parent == null ? ctx.pkg.feature(id, f.title()) : parent.feature(id, f.title());
        spec.origin(ctx.origin(f.location())).description(f.description()).level(f.level())
                .allowAbsent(f.allowAbsent()).disallowAdvertise(!f.allowAdvertise()).configurableDirectory(f.configurableDirectory());
        spec.display(switch (f.display()) {
            case "hidden" -> 0;
            case "collapse" -> 2 * displayCounter++;
            case "expand" -> 2 * displayCounter++ + 1;
            default -> Integer.parseInt(f.display());
        });
        specs.put(id, spec);
        return spec;
    }

    /** The components a component or group stands for. */
    private List<String> expand(Kind kind, String id, LinkedHashSet<String> path, SourceLocation at) {
        List<String> out = new ArrayList<>();
        if (kind == Kind.COMPONENT) {
            out.add(id);
            return out;
        }
        if (!path.add(id)) {
            ctx.report(CompilerMessage.GROUP_CYCLE, at, id, String.join(" -> ", path) + " -> " + id);
            return out;
        }
        for (Symbols.GroupMember m : ctx.linked.all(Symbols.GroupMember.class).toList()) {
            if (m.group().equals(id)) out.addAll(expand(m.kind(), m.id(), path, m.location()));
        }
        path.remove(id);
        return out;
    }
}

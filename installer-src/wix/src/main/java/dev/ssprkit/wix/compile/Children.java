package dev.ssprkit.wix.compile;

import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.source.SourceElement;

import java.util.HashMap;
import java.util.Map;

/**
 * Dispatches an element's children: first to the handlers the parent gives here ({@link #on}), then to the
 * {@link Grammar}'s handlers for (parent, child), core or extension. A child nobody handles is reported: "not allowed
 * in <parent>" when the grammar knows it elsewhere, "not supported yet" when it is a WiX element we do not compile,
 * "unknown namespace" for namespaces of no known extension.
 */
public final class Children {
    private final SourceElement parent;
    private final CompileContext ctx;
    private final Scope scope;
    private final Map<String, ElementHandler> local = new HashMap<>();

    Children(SourceElement parent, CompileContext ctx, Scope scope) {
        this.parent = parent;
        this.ctx = ctx;
        this.scope = scope;
    }

    /** Handles core children named {@code localName} here instead of through the grammar. */
    public Children on(String localName, ElementHandler handler) {
        local.put(localName, handler);
        return this;
    }

    /** Like {@link #on}, only when {@code allowed} (an element of one schema generation only). */
    public Children onIf(boolean allowed, String localName, ElementHandler handler) {
        return allowed ? on(localName, handler) : this;
    }

    /** Ignores core children named {@code localName} (the parent reads them itself). */
    public Children skip(String localName) {
        return on(localName, (c, e, s) -> { });
    }

    public void run() {
        String parentName = parent.localName();
        Scope inner = scope.with(Scope.PARENT, parentName);
        for (SourceElement child : parent.children()) {
            String ns = child.namespaceUri();
            if (ns.equals(ctx.namespace().uri())) {
                ElementHandler h = local.get(child.localName());
                if (h == null) h = ctx.grammar().core(parentName, child.localName());
                if (h != null) h.compile(ctx, child, inner);
                else unhandled(child, null);
                continue;
            }
            WixExtension x = ctx.grammar().extensionFor(ns);
            if (x == null) {
                if (dev.ssprkit.wix.source.WixNamespace.fromUri(ns).isPresent() || ns.isEmpty()) {
                    ctx.report(CompilerMessage.MIXED_NAMESPACE, child.location(), child.localName(), ns.isEmpty() ? "(none)" : ns, ctx.namespace().uri());
                } else {
                    ctx.report(CompilerMessage.UNKNOWN_EXTENSION, child.location(), child.localName(), ns);
                }
                continue;
            }
            ctx.useExtension(x, child.location());
            ElementHandler h = ctx.grammar().extension(x, parentName, child.localName());
            if (h != null) h.compile(ctx, child, inner);
            else unhandled(child, x);
        }
    }

    private void unhandled(SourceElement child, WixExtension x) {
        String name = child.localName();
        var elsewhere = ctx.grammar().parentsOf(x, name);
        String shown = x == null ? name : x.id() + ":" + name;
        if (!elsewhere.isEmpty()) {
            ctx.report(CompilerMessage.UNKNOWN_ELEMENT, child.location(), shown, parent.localName(), "<" + shown + "> may appear in " + String.join(", ", elsewhere));
        } else if (x != null) {
            ctx.report(CompilerMessage.NOT_SUPPORTED_YET, child.location(), "<" + shown + "> (" + x.title() + ")",
                    x.families().isEmpty() ? "the " + x.title() + " is not supported yet" : "this element of the " + x.title() + " is not supported yet");
        } else if (WixElements.isKnown(name, ctx.v4())) {
            ctx.report(CompilerMessage.NOT_SUPPORTED_YET, child.location(), "<" + name + ">", "this WiX element is not supported yet");
        } else {
            var allowed = ctx.grammar().childrenOf(parent.localName());
            allowed.addAll(local.keySet());
            ctx.report(CompilerMessage.UNKNOWN_ELEMENT, child.location(), name, parent.localName(),
                    allowed.isEmpty() ? "(no child elements)" : String.join(", ", allowed));
        }
    }
}

package dev.ssprkit.wix.compile;

import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.source.SourceElement;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Dispatches an element's children to handlers by local name. A child no handler claims is an error naming the
 * children that are allowed there; a child in another namespace than the document's is an error too.
 */
public final class Children {
    private final SourceElement parent;
    private final CompileContext ctx;
    private final Map<String, Consumer<SourceElement>> handlers = new LinkedHashMap<>();

    Children(SourceElement parent, CompileContext ctx) {
        this.parent = parent;
        this.ctx = ctx;
    }

    public Children on(String localName, Consumer<SourceElement> handler) {
        handlers.put(localName, handler);
        return this;
    }

    /** Registers the handler only when {@code allowed} (an element of one schema version only). */
    public Children onIf(boolean allowed, String localName, Consumer<SourceElement> handler) {
        return allowed ? on(localName, handler) : this;
    }

    public void run() {
        Diagnostics d = ctx.diagnostics();
        for (SourceElement child : parent.children()) {
            Consumer<SourceElement> h = handlers.get(child.localName());
            if (!child.namespaceUri().equals(ctx.namespace().uri())) {
                d.report(CompilerMessage.MIXED_NAMESPACE, child.location(), child.localName(), child.namespaceUri(), ctx.namespace().uri());
            } else if (h == null) {
                d.report(CompilerMessage.UNKNOWN_ELEMENT, child.location(), child.localName(), parent.localName(),
                        handlers.isEmpty() ? "(no child elements)" : String.join(", ", handlers.keySet()));
            } else {
                h.accept(child);
            }
        }
    }
}

package dev.ssprkit.wix.compile;

import dev.ssprkit.wix.source.SourceElement;

/** Compiles one element (and, through {@link CompileContext#children}, its children) into the current section. */
@FunctionalInterface
public interface ElementHandler {
    void compile(CompileContext ctx, SourceElement element, Scope scope);
}

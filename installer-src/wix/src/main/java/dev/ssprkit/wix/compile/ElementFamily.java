package dev.ssprkit.wix.compile;

/**
 * A family of elements (directories and files, registry, features, custom actions, UI, an extension's elements...):
 * it registers a handler for each element under each parent element it may appear in. Adding a family never means
 * editing another family or a central switch: list it in {@link Grammar#standard()} or an extension.
 */
public interface ElementFamily {
    void register(Grammar grammar);
}

package dev.ssprkit.wix.source;

import dev.ssprkit.wix.diag.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An element of the preprocessed source: name, attributes in document order, child elements, text, and where it
 * came from. Immutable. Comments and whitespace-only text are dropped; other text (and CDATA) is concatenated into
 * {@link #text()}.
 */
public final class SourceElement {

    private final String namespaceUri;
    private final String localName;
    private final List<SourceAttribute> attributes;
    private final List<SourceElement> children;
    private final String text;
    private final SourceLocation location;

    public SourceElement(String namespaceUri, String localName, List<SourceAttribute> attributes,
                         List<SourceElement> children, String text, SourceLocation location) {
        this.namespaceUri = Objects.requireNonNull(namespaceUri, "namespaceUri");
        this.localName = Objects.requireNonNull(localName, "localName");
        this.attributes = List.copyOf(attributes);
        this.children = List.copyOf(children);
        this.text = Objects.requireNonNull(text, "text");
        this.location = Objects.requireNonNull(location, "location");
    }

    /** The element's namespace, empty when it has none. */
    public String namespaceUri() {
        return namespaceUri;
    }

    public String localName() {
        return localName;
    }

    /** Where the element's start tag begins (its {@code <}). */
    public SourceLocation location() {
        return location;
    }

    public List<SourceAttribute> attributes() {
        return attributes;
    }

    /** The unqualified attribute {@code name}, if present. */
    public Optional<SourceAttribute> attribute(String name) {
        return attribute("", name);
    }

    public Optional<SourceAttribute> attribute(String namespaceUri, String name) {
        return Optional.ofNullable(find(namespaceUri, name));
    }

    /**
     * The attribute, or null. An indexed loop, neither a stream nor an iterator: called for every attribute of every
     * element (millions of times in a large build), and the launcher's C1 compiler does not remove the iterator or
     * Optional allocations.
     */
    private SourceAttribute find(String namespaceUri, String name) {
        for (int i = 0, n = attributes.size(); i < n; i++) {
            SourceAttribute a = attributes.get(i);
            if (a.localName().equals(name) && a.namespaceUri().equals(namespaceUri)) return a;
        }
        return null;
    }

    /** The value of the unqualified attribute {@code name}, or {@code null} when it is absent. */
    public String attr(String name) {
        SourceAttribute a = find("", name);
        return a == null ? null : a.value();
    }

    public boolean hasAttr(String name) {
        return find("", name) != null;
    }

    public List<SourceElement> children() {
        return children;
    }

    /** Child elements with this local name, in any namespace. */
    public List<SourceElement> children(String localName) {
        List<SourceElement> out = new java.util.ArrayList<>();
        for (SourceElement c : children) if (c.localName.equals(localName)) out.add(c);
        return java.util.Collections.unmodifiableList(out);
    }

    public Optional<SourceElement> firstChild(String localName) {
        for (SourceElement c : children) if (c.localName.equals(localName)) return Optional.of(c);
        return Optional.empty();
    }

    /** The element's own text (not its children's), empty when it has none. */
    public String text() {
        return text;
    }

    /** Start tag as written, without namespace: {@code <Name A="v" ...>}, for messages and debugging. */
    @Override
    public String toString() {
        return attributes.stream().map(a -> " " + a.localName() + "=\"" + a.value() + "\"")
                .collect(Collectors.joining("", "<" + localName, children.isEmpty() && text.isEmpty() ? "/>" : ">"));
    }
}

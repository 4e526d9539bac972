package dev.ssprkit.wix.source;

import dev.ssprkit.wix.diag.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An element of the preprocessed source: name, attributes in document order, child elements, text, and where it
 * came from (its attributes are in its file). Immutable. Comments and whitespace-only text are dropped; other text (and CDATA) is concatenated into
 * {@link #text()}.
 */
public final class SourceElement {
    private static final String[] NO_STRINGS = {};
    private static final int[] NO_POSITIONS = {};

    private final String namespaceUri;
    private final String localName;
    /**
     * The attributes as local name, value pairs, their namespaces (null when all are unqualified, as nearly always)
     * and the line, column pairs of their names; {@link SourceAttribute}s are made when asked for. As a list of
     * attribute objects with a location each, a 100,000-file source's 600,000 attributes took about 48 MB; so, 20 MB.
     */
    private final String[] namesAndValues;
    private final String[] namespaces;
    private final int[] positions;
    private final List<SourceElement> children;
    private final String text;
    private final SourceLocation location;

    public SourceElement(String namespaceUri, String localName, List<SourceAttribute> attributes,
                         List<SourceElement> children, String text, SourceLocation location) {
        this.namespaceUri = Objects.requireNonNull(namespaceUri, "namespaceUri");
        this.localName = Objects.requireNonNull(localName, "localName");
        int n = attributes.size();
        this.namesAndValues = n == 0 ? NO_STRINGS : new String[2 * n];
        this.positions = n == 0 ? NO_POSITIONS : new int[2 * n];
        String[] ns = null;
        for (int i = 0; i < n; i++) {
            SourceAttribute a = attributes.get(i);
            namesAndValues[2 * i] = a.localName();
            namesAndValues[2 * i + 1] = a.value();
            positions[2 * i] = a.line();
            positions[2 * i + 1] = a.column();
            if (!a.namespaceUri().isEmpty()) {
                if (ns == null) java.util.Arrays.fill(ns = new String[n], "");
                ns[i] = a.namespaceUri();
            }
        }
        this.namespaces = ns;
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

    /** The attributes in document order (made on each call: keep the list rather than ask again in a loop). */
    public List<SourceAttribute> attributes() {
        int n = positions.length / 2;
        if (n == 0) return List.of();
        SourceAttribute[] out = new SourceAttribute[n];
        for (int i = 0; i < n; i++) out[i] = attributeAt(i);
        return List.of(out);
    }

    private SourceAttribute attributeAt(int i) {
        return new SourceAttribute(namespaces == null ? "" : namespaces[i], namesAndValues[2 * i], namesAndValues[2 * i + 1],
                location, positions[2 * i], positions[2 * i + 1]);
    }

    /** The unqualified attribute {@code name}, if present. */
    public Optional<SourceAttribute> attribute(String name) {
        return attribute("", name);
    }

    public Optional<SourceAttribute> attribute(String namespaceUri, String name) {
        int i = find(namespaceUri, name);
        return i < 0 ? Optional.empty() : Optional.of(attributeAt(i));
    }

    /**
     * The attribute's index, or -1. An indexed loop, neither a stream nor an iterator: called for every attribute of
     * every element (millions of times in a large build), and the launcher's C1 compiler does not remove the iterator
     * or Optional allocations.
     */
    private int find(String namespaceUri, String name) {
        for (int i = 0, n = positions.length / 2; i < n; i++) {
            if (namesAndValues[2 * i].equals(name) && (namespaces == null ? "".equals(namespaceUri) : namespaces[i].equals(namespaceUri))) return i;
        }
        return -1;
    }

    /** The value of the unqualified attribute {@code name}, or {@code null} when it is absent. */
    public String attr(String name) {
        int i = find("", name);
        return i < 0 ? null : namesAndValues[2 * i + 1];
    }

    public boolean hasAttr(String name) {
        return find("", name) >= 0;
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
        return attributes().stream().map(a -> " " + a.localName() + "=\"" + a.value() + "\"")
                .collect(Collectors.joining("", "<" + localName, children.isEmpty() && text.isEmpty() ? "/>" : ">"));
    }
}

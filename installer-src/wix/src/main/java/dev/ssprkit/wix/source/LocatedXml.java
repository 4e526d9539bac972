package dev.ssprkit.wix.source;

import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.diag.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;

/**
 * A located XML tree for files that are not WiX sources (MSBuild project files), read with the same hardened parser:
 * no DTD, bounded size and depth. Names are local names (namespaces dropped); comments and instructions are left out.
 */
public final class LocatedXml {
    private LocatedXml() {}

    /** An attribute's value and where it is written. */
    public record Attribute(String value, SourceLocation location) {}

    /** An element: its local name, attributes by name in document order, child elements, and its own text, trimmed. */
    public record Element(String name, Map<String, Attribute> attributes, List<Element> children, String text,
                          SourceLocation location) {
        public String attribute(String attributeName) {
            Attribute a = attributes.get(attributeName);
            return a == null ? null : a.value();
        }
    }

    /**
     * A StAX factory hardened as the source reader's is: the JDK's own implementation, no DTD, no external entities,
     * DTDs or schemas. For other XML the build reads (a Win32 assembly's manifest, the first element of a source).
     */
    public static XMLInputFactory hardenedFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    /** The root element of {@code file}, or {@code null} after reporting why it cannot be read. */
    public static Element read(Path file, Diagnostics diagnostics) {
        RawNode.Document doc = new LocatedXmlParser(ParseLimits.DEFAULT, diagnostics).parse(file, null);
        if (doc == null) return null;
        for (RawNode n : doc.nodes()) {
            if (n instanceof RawNode.Element e) return convert(e);
        }
        return null;
    }

    private static Element convert(RawNode.Element e) {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        for (RawNode.Attribute a : e.attributes()) attributes.put(a.localName(), new Attribute(a.value(), a.location(e.location())));
        List<Element> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (RawNode child : e.children()) {
            if (child instanceof RawNode.Element c) children.add(convert(c));
            else if (child instanceof RawNode.Text t) text.append(t.text());
        }
        return new Element(e.localName(), java.util.Collections.unmodifiableMap(attributes), List.copyOf(children),
                text.toString().strip(), e.location());
    }
}

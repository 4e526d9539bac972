package dev.ssprkit.sysprep.unattend;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;

/**
 * A canonical text of a DOM for "XML-equal" comparisons: elements by namespace and local name, attributes sorted
 * (namespace declarations included), comments, text and processing instructions kept; white space between elements
 * dropped. {@link #withoutCopyProfile} removes what the fix is allowed to change, so that the rest can be compared.
 */
final class XmlEquality {
    private XmlEquality() {}

    static String canonical(Document d) {
        StringBuilder sb = new StringBuilder();
        for (Node n = d.getFirstChild(); n != null; n = n.getNextSibling()) write(n, sb, "");
        return sb.toString();
    }

    /** Removes CopyProfile elements, then components and settings passes left without content. */
    static Document withoutCopyProfile(Document d) {
        Document c = (Document) d.cloneNode(true);
        NodeList all = c.getElementsByTagNameNS(Unattend.NS, Unattend.COPY_PROFILE);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) found.add((Element) all.item(i));
        for (Element e : found) {
            Node component = e.getParentNode();
            component.removeChild(e);
            removeIfEmpty(component);
        }
        return c;
    }

    private static void removeIfEmpty(Node n) {
        if (!(n instanceof Element el) || el == el.getOwnerDocument().getDocumentElement()) return;
        for (Node k = el.getFirstChild(); k != null; k = k.getNextSibling()) {
            if (!(k.getNodeType() == Node.TEXT_NODE && k.getNodeValue().isBlank())) return;
        }
        Node parent = el.getParentNode();
        parent.removeChild(el);
        removeIfEmpty(parent);
    }

    private static void write(Node n, StringBuilder sb, String indent) {
        switch (n.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                sb.append(indent).append('{').append(n.getNamespaceURI()).append('}').append(n.getLocalName());
                List<String> attrs = new ArrayList<>();
                NamedNodeMap map = n.getAttributes();
                for (int i = 0; i < map.getLength(); i++) {
                    Attr a = (Attr) map.item(i);
                    attrs.add(a.getName() + "=" + a.getValue());
                }
                attrs.sort(null);
                sb.append(' ').append(attrs).append('\n');
                for (Node k = n.getFirstChild(); k != null; k = k.getNextSibling()) write(k, sb, indent + "  ");
            }
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                if (!n.getNodeValue().isBlank()) sb.append(indent).append("text ").append(n.getNodeValue()).append('\n');
            }
            case Node.COMMENT_NODE -> sb.append(indent).append("comment ").append(n.getNodeValue()).append('\n');
            case Node.PROCESSING_INSTRUCTION_NODE -> sb.append(indent).append("pi ").append(n.getNodeName()).append(' ')
                    .append(n.getNodeValue()).append('\n');
            default -> sb.append(indent).append("node ").append(n.getNodeType()).append('\n');
        }
    }
}

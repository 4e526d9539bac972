package dev.ssprkit.sysprep.unattend;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Minimal DOM edits that keep the file's layout: a new element gets the indentation its siblings have, a removed
 * element takes the line break and indentation in front of it along, and nothing else moves.
 */
final class DomEdits {
    private DomEdits() {}

    /** Inserts {@code child} into {@code parent} before {@code before} (an element child of parent) or at the end. */
    static void insert(Element parent, Element child, Element before) {
        String indent = childIndent(parent);
        if (before != null) {
            parent.insertBefore(child, before);
            parent.insertBefore(parent.getOwnerDocument().createTextNode("\n" + indent), before);
            return;
        }
        Node last = parent.getLastChild();
        if (last != null && isBlank(last) && lastElement(parent) != null) {
            // "...<Last/>\n  </parent>": put "\n    <child/>" in front of the closing line break.
            parent.insertBefore(parent.getOwnerDocument().createTextNode("\n" + indent), last);
            parent.insertBefore(child, last);
            return;
        }
        if (last != null && isBlank(last)) parent.removeChild(last);
        parent.appendChild(parent.getOwnerDocument().createTextNode("\n" + indent));
        parent.appendChild(child);
        parent.appendChild(parent.getOwnerDocument().createTextNode("\n" + indentOf(parent)));
    }

    /** Removes an element and the white space that put it on its own line. */
    static void remove(Element e) {
        Node parent = e.getParentNode();
        Node prev = e.getPreviousSibling();
        if (prev != null && isBlank(prev)) parent.removeChild(prev);
        parent.removeChild(e);
    }

    /** True when {@code e} has no element or comment children left (only white space). */
    static boolean isEmpty(Element e) {
        NodeList kids = e.getChildNodes();
        for (int i = 0; i < kids.getLength(); i++) {
            if (!isBlank(kids.item(i))) return false;
        }
        return true;
    }

    static boolean isBlank(Node n) {
        return n.getNodeType() == Node.TEXT_NODE && n.getNodeValue().isBlank();
    }

    /** The indentation of an element's own line: the blank text after the last line break in front of it. */
    static String indentOf(Element e) {
        Node prev = e.getPreviousSibling();
        if (prev == null || !isBlank(prev)) return "";
        String ws = prev.getNodeValue();
        return ws.substring(ws.lastIndexOf('\n') + 1);
    }

    /** The indentation of the children of {@code parent}: like its first element child, else one step deeper. */
    static String childIndent(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && el.getPreviousSibling() != null && isBlank(el.getPreviousSibling())) {
                return indentOf(el);
            }
        }
        return indentOf(parent) + step(parent);
    }

    /** One indentation step as the document uses it: the root's children's indentation, else two spaces. */
    private static String step(Element any) {
        Element root = any.getOwnerDocument().getDocumentElement();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) {
                String s = indentOf(el);
                if (!s.isEmpty()) return s;
            }
        }
        return "  ";
    }

    private static Element lastElement(Element parent) {
        for (Node n = parent.getLastChild(); n != null; n = n.getPreviousSibling()) {
            if (n instanceof Element el) return el;
        }
        return null;
    }
}

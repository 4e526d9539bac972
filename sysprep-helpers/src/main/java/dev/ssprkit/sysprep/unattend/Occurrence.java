package dev.ssprkit.sysprep.unattend;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One {@code CopyProfile} element and where it sits.
 *
 * @param misplacement null when it is where Windows reads it (specialize pass, Shell-Setup component with the right
 *                     identity for the target architecture), else why it is not
 * @param detail       the offending attribute values, for messages
 */
record Occurrence(Element element, Problem misplacement, String detail) {

    boolean wellPlaced() {
        return misplacement == null;
    }

    /** The value as Windows reads it: "true" / "false" ignoring case and surrounding white space. */
    String value() {
        return element.getTextContent().strip().toLowerCase(Locale.ROOT);
    }

    /** Every CopyProfile element of the document, in document order. */
    static List<Occurrence> findAll(org.w3c.dom.Document dom, String arch) {
        List<Occurrence> out = new ArrayList<>();
        NodeList all = dom.getElementsByTagNameNS(Unattend.NS, Unattend.COPY_PROFILE);
        for (int i = 0; i < all.getLength(); i++) {
            out.add(classify((Element) all.item(i), arch));
        }
        return out;
    }

    private static Occurrence classify(Element e, String arch) {
        Element component = parentElement(e);
        Element settings = component == null ? null : parentElement(component);
        if (component == null || settings == null || !is(component, Unattend.COMPONENT) || !is(settings, Unattend.SETTINGS)
                || parentElement(settings) != e.getOwnerDocument().getDocumentElement()) {
            return new Occurrence(e, Problem.WRONG_COMPONENT, "not directly inside a <component> of a <settings> pass");
        }
        String pass = settings.getAttribute(Unattend.PASS);
        if (!Unattend.SPECIALIZE.equals(pass)) {
            return new Occurrence(e, Problem.WRONG_PASS, "pass=\"" + pass + "\"");
        }
        String name = component.getAttribute(Unattend.NAME);
        if (!Unattend.SHELL_SETUP.equals(name)) {
            return new Occurrence(e, Problem.WRONG_COMPONENT, "name=\"" + name + "\"");
        }
        String identity = identityProblems(component);
        if (!identity.isEmpty()) {
            return new Occurrence(e, Problem.WRONG_COMPONENT_IDENTITY, identity);
        }
        String a = component.getAttribute(Unattend.ARCH);
        if (!a.equals(arch)) {
            return new Occurrence(e, Problem.WRONG_ARCHITECTURE, "processorArchitecture=\"" + a + "\", expected \"" + arch + "\"");
        }
        return new Occurrence(e, null, null);
    }

    /** The identity attributes (other than the architecture) that do not have their required values; "" when all do. */
    static String identityProblems(Element component) {
        StringBuilder sb = new StringBuilder();
        expect(sb, component, Unattend.TOKEN, Unattend.TOKEN_VALUE);
        expect(sb, component, Unattend.LANGUAGE, Unattend.LANGUAGE_VALUE);
        expect(sb, component, Unattend.VERSION_SCOPE, Unattend.VERSION_SCOPE_VALUE);
        return sb.toString();
    }

    private static void expect(StringBuilder sb, Element c, String attr, String value) {
        if (!value.equals(c.getAttribute(attr))) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(attr).append("=\"").append(c.getAttribute(attr)).append("\", expected \"").append(value).append('"');
        }
    }

    static boolean is(Element e, String localName) {
        return localName.equals(e.getLocalName()) && Unattend.NS.equals(e.getNamespaceURI());
    }

    static Element parentElement(Node n) {
        Node p = n.getParentNode();
        return p instanceof Element pe ? pe : null;
    }
}

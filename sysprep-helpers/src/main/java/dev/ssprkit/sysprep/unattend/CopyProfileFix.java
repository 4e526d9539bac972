package dev.ssprkit.sysprep.unattend;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes an answer file pass {@link CopyProfileCheck} with the smallest edit: the first well-placed CopyProfile is set
 * to {@code true}; every other CopyProfile (other passes, other components, other architectures, duplicates) is
 * removed, and a component left with nothing in it is removed too; when there is no well-placed one, it is added to
 * the specialize pass's Shell-Setup component, creating the component (and the pass) if needed. Everything else in
 * the document is left as it was.
 */
public final class CopyProfileFix {
    private CopyProfileFix() {}

    public static FixResult fix(UnattendDocument doc, String arch) {
        String target = arch != null ? arch : Architectures.infer(doc.dom());
        List<String> changes = new ArrayList<>();
        Element keeper = null;
        for (Occurrence o : Occurrence.findAll(doc.dom(), target)) {
            int line = doc.line(o.element());
            if (o.wellPlaced() && keeper == null) {
                keeper = o.element();
                if (!o.value().equals("true")) {
                    keeper.setTextContent("true");
                    changes.add("set CopyProfile to true (line " + line + ")");
                }
                continue;
            }
            Element component = Occurrence.parentElement(o.element());
            DomEdits.remove(o.element());
            changes.add("removed CopyProfile (line " + line + "): "
                    + (o.wellPlaced() ? Problem.DUPLICATE : o.misplacement()).summary());
            if (component != null && Occurrence.is(component, Unattend.COMPONENT) && DomEdits.isEmpty(component)) {
                DomEdits.remove(component);
                changes.add("removed the component left empty (line " + doc.line(component) + ")");
            }
        }
        if (keeper == null) {
            add(doc.dom(), target, changes);
        }
        return new FixResult(target, changes);
    }

    private static void add(Document dom, String arch, List<String> changes) {
        Element root = dom.getDocumentElement();
        Element settings = childWith(root, Unattend.SETTINGS, Unattend.PASS, Unattend.SPECIALIZE);
        if (settings == null) {
            settings = create(dom, root, Unattend.SETTINGS);
            settings.setAttribute(Unattend.PASS, Unattend.SPECIALIZE);
            DomEdits.insert(root, settings, null);
            changes.add("added <settings pass=\"specialize\">");
        }
        Element component = shellSetup(settings, arch);
        if (component == null) {
            component = create(dom, settings, Unattend.COMPONENT);
            component.setAttribute(Unattend.NAME, Unattend.SHELL_SETUP);
            component.setAttribute(Unattend.ARCH, arch);
            component.setAttribute(Unattend.TOKEN, Unattend.TOKEN_VALUE);
            component.setAttribute(Unattend.LANGUAGE, Unattend.LANGUAGE_VALUE);
            component.setAttribute(Unattend.VERSION_SCOPE, Unattend.VERSION_SCOPE_VALUE);
            DomEdits.insert(settings, component, null);
            changes.add("added component " + Unattend.SHELL_SETUP + " (" + arch + ") to the specialize pass");
        }
        Element copy = create(dom, component, Unattend.COPY_PROFILE);
        copy.setTextContent("true");
        DomEdits.insert(component, copy, alphabeticalSuccessor(component, Unattend.COPY_PROFILE));
        changes.add("added <CopyProfile>true</CopyProfile> to " + Unattend.SHELL_SETUP + " (" + arch + ") in specialize");
    }

    /** A new element in the parent's namespace and with the parent's prefix, as Windows SIM writes them. */
    private static Element create(Document dom, Element parent, String localName) {
        String prefix = parent.getPrefix();
        return dom.createElementNS(Unattend.NS, prefix == null ? localName : prefix + ":" + localName);
    }

    private static Element shellSetup(Element settings, String arch) {
        for (Node n = settings.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && Occurrence.is(c, Unattend.COMPONENT)
                    && Unattend.SHELL_SETUP.equals(c.getAttribute(Unattend.NAME)) && arch.equals(c.getAttribute(Unattend.ARCH))
                    && Occurrence.identityProblems(c).isEmpty()) {
                return c;
            }
        }
        return null;
    }

    private static Element childWith(Element parent, String localName, String attr, String value) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && Occurrence.is(c, localName) && value.equals(c.getAttribute(attr))) return c;
        }
        return null;
    }

    /** Windows SIM orders settings alphabetically: the first child element whose name sorts after {@code name}. */
    private static Element alphabeticalSuccessor(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getLocalName().toLowerCase(Locale.ROOT).compareTo(name.toLowerCase(Locale.ROOT)) > 0) {
                return c;
            }
        }
        return null;
    }
}

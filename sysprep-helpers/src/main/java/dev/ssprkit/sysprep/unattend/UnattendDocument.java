package dev.ssprkit.sysprep.unattend;

import dev.ssprkit.common.BadInputException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer file parsed into a namespace-aware DOM, with what is needed to write it back as close to the original as
 * a DOM allows: the original XML declaration text, byte-order mark, encoding and line ends ({@link UnattendWriter}).
 * Every element knows its line. Parsing refuses DTDs and external entities and files above {@link #MAX_BYTES}.
 */
public final class UnattendDocument {
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    private final Path file;
    private final Document dom;
    private final Map<Element, Integer> lines;
    private final XmlPrologue prologue;

    private UnattendDocument(Path file, Document dom, Map<Element, Integer> lines, XmlPrologue prologue) {
        this.file = file;
        this.dom = dom;
        this.lines = lines;
        this.prologue = prologue;
    }

    public static UnattendDocument load(Path file) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) throw new BadInputException(file, "is a folder, not an answer file");
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException(file, "larger than " + MAX_BYTES + " bytes; not an answer file");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            // a missing or unreadable file is an I/O error, as for every other command (not "bad input")
            throw new UncheckedIOException(e);
        }
        Document dom = SecureXml.parse(file, bytes);
        Element root = dom.getDocumentElement();
        if (!Unattend.ROOT.equals(root.getLocalName()) || !Unattend.NS.equals(root.getNamespaceURI())) {
            throw new BadInputException(file, "not an answer file: the root element is {" + root.getNamespaceURI() + "}"
                    + root.getLocalName() + ", expected {" + Unattend.NS + "}" + Unattend.ROOT);
        }
        List<Integer> startLines = SecureXml.elementLines(file, bytes);
        NodeList all = dom.getElementsByTagNameNS("*", "*");
        Map<Element, Integer> lines = new IdentityHashMap<>();
        for (int i = 0; i < all.getLength() && i < startLines.size(); i++) {
            lines.put((Element) all.item(i), startLines.get(i));
        }
        return new UnattendDocument(file, dom, lines, XmlPrologue.of(bytes, dom));
    }

    public Path file() {
        return file;
    }

    public Document dom() {
        return dom;
    }

    /** The line of an element that was in the file when it was loaded; 0 for elements added since. */
    public int line(Element e) {
        return lines.getOrDefault(e, 0);
    }

    XmlPrologue prologue() {
        return prologue;
    }

    public Charset charset() {
        return prologue.charset();
    }
}

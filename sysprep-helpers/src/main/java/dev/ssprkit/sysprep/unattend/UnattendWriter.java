package dev.ssprkit.sysprep.unattend;

import dev.ssprkit.common.AtomicFile;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an {@link UnattendDocument} back: original declaration, BOM, encoding and line ends; the DOM content as is
 * (comments, namespace declarations and other components untouched). Saving is atomic ({@link AtomicFile}): the
 * old file is copied to {@code FILE.bak}, then the new text, written beside the original, replaces it.
 */
public final class UnattendWriter {
    private UnattendWriter() {}

    public static byte[] bytes(UnattendDocument doc) {
        XmlPrologue p = doc.prologue();
        StringBuilder text = new StringBuilder();
        if (!p.declaration().isEmpty()) text.append(p.declaration()).append('\n');
        NodeList top = doc.dom().getChildNodes();
        for (int i = 0; i < top.getLength(); i++) {
            if (i > 0) text.append('\n');
            text.append(serialize(top.item(i), p));
        }
        if (p.finalNewline()) text.append('\n');
        String out = text.toString();
        if (p.crlf()) out = out.replace("\r\n", "\n").replace("\n", "\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(p.bom());
        bytes.writeBytes(out.getBytes(p.charset()));
        return bytes.toByteArray();
    }

    /** Replaces {@code target} (through a link, if it is one) atomically, keeping the old content in {@code target.bak}. */
    public static Path save(UnattendDocument doc, Path target) throws IOException {
        Path real = target.toRealPath();
        Path backup = real.resolveSibling(real.getFileName() + ".bak");
        byte[] bytes = bytes(doc);
        AtomicFile.write(backup, tmp -> Files.copy(real, tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES));
        // COPY_ATTRIBUTES above and here: the answer file keeps its permissions
        AtomicFile.write(real, tmp -> {
            Files.copy(real, tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            Files.write(tmp, bytes);
        });
        return backup;
    }

    private static String serialize(Node node, XmlPrologue p) {
        try {
            TransformerFactory f = TransformerFactory.newInstance();
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = f.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, p.charset().name());
            t.setOutputProperty(OutputKeys.INDENT, "no");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(node), new StreamResult(w));
            return w.toString();
        } catch (TransformerException e) {
            throw new UncheckedIOException(new IOException("cannot serialize the answer file", e));
        }
    }
}

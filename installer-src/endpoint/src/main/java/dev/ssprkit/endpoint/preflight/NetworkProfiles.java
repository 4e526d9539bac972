package dev.ssprkit.endpoint.preflight;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Exported LAN/WLAN profiles ({@code netsh lan export profile} / {@code netsh wlan export profile}): which of them
 * authenticate with 802.1X "immediately before user logon" — the OneX schema's {@code singleSignOn/type} =
 * {@code preLogon} (learn.microsoft.com, "singleSignOn (OneX) element"; postLogon is "immediately after").
 */
public final class NetworkProfiles {
    /** Profiles larger than this are not profiles (netsh writes a few KB). */
    static final long MAX_BYTES = 1 << 20;

    private NetworkProfiles() {}

    /** The *.xml files of the folder, by name, whose single sign-on runs before logon; unreadable ones are named as such. */
    public static List<String> preLogon(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) return out;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString().toLowerCase(Locale.ROOT))).toList();
        }
        for (Path f : files) {
            if (isPreLogon(f)) out.add(f.getFileName().toString());
        }
        return out;
    }

    static boolean isPreLogon(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) return false;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setNamespaceAware(true);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            NodeList sso = builder.parse(file.toFile()).getElementsByTagNameNS("*", "singleSignOn");
            for (int i = 0; i < sso.getLength(); i++) {
                for (Node n = sso.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && "type".equals(e.getLocalName()) && "preLogon".equals(e.getTextContent().strip())) return true;
                }
            }
            return false;
        } catch (org.xml.sax.SAXException | javax.xml.parsers.ParserConfigurationException e) {
            return false; // not a profile netsh wrote; nothing to say about it
        }
    }
}

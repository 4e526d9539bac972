package dev.ssprkit.intune;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Writes and reads Detection.xml. Written as Microsoft's tool writes it (root {@code ApplicationInfo} with the
 * {@code xsd}/{@code xsi} namespace declarations and {@code ToolVersion}, two-space indentation, no XML declaration,
 * UTF-8, the elements in the order of a Detection.xml IntuneWinAppUtil 1.8.5.0 wrote — MsiPublisher last in MsiInfo);
 * read leniently about whitespace, order and unknown elements but strictly about what decryption needs (key
 * sizes, profile, algorithm). The reader refuses DTDs (no entity expansion from an untrusted package).
 */
public final class DetectionXml {
    /** Detection.xml larger than this is refused before parsing (Microsoft's are about 2 KB). */
    public static final int MAX_BYTES = 1 << 20;

    private DetectionXml() {}

    public static byte[] write(ApplicationInfo a) {
        StringBuilder x = new StringBuilder();
        x.append("<ApplicationInfo xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ToolVersion=\"")
                .append(escape(a.toolVersion())).append("\">\r\n");
        element(x, 1, "Name", a.name());
        element(x, 1, "UnencryptedContentSize", Long.toString(a.unencryptedContentSize()));
        element(x, 1, "FileName", a.fileName());
        element(x, 1, "SetupFile", a.setupFile());
        EncryptionInfo e = a.encryptionInfo();
        x.append("  <EncryptionInfo>\r\n");
        element(x, 2, "EncryptionKey", b64(e.encryptionKey()));
        element(x, 2, "MacKey", b64(e.macKey()));
        element(x, 2, "InitializationVector", b64(e.iv()));
        element(x, 2, "Mac", b64(e.mac()));
        element(x, 2, "ProfileIdentifier", e.profileIdentifier());
        element(x, 2, "FileDigest", b64(e.fileDigest()));
        element(x, 2, "FileDigestAlgorithm", e.fileDigestAlgorithm());
        x.append("  </EncryptionInfo>\r\n");
        MsiInfo m = a.msiInfo();
        if (m != null) {
            x.append("  <MsiInfo>\r\n");
            element(x, 2, "MsiProductCode", m.productCode());
            element(x, 2, "MsiProductVersion", m.productVersion());
            element(x, 2, "MsiPackageCode", m.packageCode());
            element(x, 2, "MsiUpgradeCode", m.upgradeCode());
            element(x, 2, "MsiExecutionContext", m.executionContext().name());
            element(x, 2, "MsiRequiresLogon", bool(m.requiresLogon()));
            element(x, 2, "MsiRequiresReboot", bool(m.requiresReboot()));
            element(x, 2, "MsiIsMachineInstall", bool(m.isMachineInstall()));
            element(x, 2, "MsiIsUserInstall", bool(m.isUserInstall()));
            element(x, 2, "MsiIncludesServices", bool(m.includesServices()));
            element(x, 2, "MsiIncludesODBCDataSource", bool(m.includesOdbcDataSource()));
            element(x, 2, "MsiContainsSystemRegistryKeys", bool(m.containsSystemRegistryKeys()));
            element(x, 2, "MsiContainsSystemFolders", bool(m.containsSystemFolders()));
            element(x, 2, "MsiPublisher", m.publisher());
            x.append("  </MsiInfo>\r\n");
        }
        x.append("</ApplicationInfo>");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses Detection.xml; {@code where} names it in messages (file and entry). */
    public static ApplicationInfo read(byte[] xml, String where) throws IntuneWinException {
        if (xml.length > MAX_BYTES) throw new IntuneWinException(where, "is " + xml.length + " bytes; more than " + MAX_BYTES + " is not a Detection.xml");
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            doc = b.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | java.io.IOException e) {
            throw new IntuneWinException(where, "is not well-formed XML: " + e.getMessage());
        }
        Element root = doc.getDocumentElement();
        if (!"ApplicationInfo".equals(root.getLocalName())) {
            throw new IntuneWinException(where, "the root element is <" + root.getLocalName() + ">, not <ApplicationInfo>");
        }
        Element enc = child(root, "EncryptionInfo");
        if (enc == null) throw new IntuneWinException(where, "has no <EncryptionInfo>");
        String profile = text(enc, "ProfileIdentifier", where);
        if (!EncryptionInfo.PROFILE.equals(profile)) {
            throw new IntuneWinException(where, "ProfileIdentifier is '" + profile + "'; only " + EncryptionInfo.PROFILE + " is defined");
        }
        String algorithm = text(enc, "FileDigestAlgorithm", where);
        if (!EncryptionInfo.DIGEST_ALGORITHM.equalsIgnoreCase(algorithm)) {
            throw new IntuneWinException(where, "FileDigestAlgorithm is '" + algorithm + "'; only SHA256 is defined");
        }
        EncryptionInfo e = new EncryptionInfo(bytes(enc, "EncryptionKey", 32, where), bytes(enc, "MacKey", 32, where),
                bytes(enc, "InitializationVector", 16, where), bytes(enc, "Mac", 32, where), profile, bytes(enc, "FileDigest", 32, where),
                EncryptionInfo.DIGEST_ALGORITHM);
        long size;
        try {
            size = Long.parseLong(text(root, "UnencryptedContentSize", where).strip());
        } catch (NumberFormatException x) {
            throw new IntuneWinException(where, "UnencryptedContentSize is not a number");
        }
        if (size < 0) throw new IntuneWinException(where, "UnencryptedContentSize is negative");
        String fileName = text(root, "FileName", where);
        if (fileName.contains("/") || fileName.contains("\\") || fileName.equals("..") || fileName.isBlank()) {
            throw new IntuneWinException(where, "FileName '" + fileName + "' is not a plain file name");
        }
        Element msi = child(root, "MsiInfo");
        MsiInfo m = msi == null ? null : new MsiInfo(optional(msi, "MsiProductCode"), optional(msi, "MsiProductVersion"),
                optional(msi, "MsiPackageCode"), optional(msi, "MsiPublisher"), optional(msi, "MsiUpgradeCode"),
                context(optional(msi, "MsiExecutionContext")), flag(msi, "MsiRequiresLogon"), flag(msi, "MsiRequiresReboot"),
                flag(msi, "MsiIsMachineInstall"), flag(msi, "MsiIsUserInstall"), flag(msi, "MsiIncludesServices"),
                flag(msi, "MsiIncludesODBCDataSource"), flag(msi, "MsiContainsSystemRegistryKeys"), flag(msi, "MsiContainsSystemFolders"), null);
        return new ApplicationInfo(root.getAttribute("ToolVersion"), optional(root, "Name"), size, fileName, optional(root, "SetupFile"), e, m);
    }

    private static MsiInfo.ExecutionContext context(String s) {
        if (s == null) return MsiInfo.ExecutionContext.Any;
        for (MsiInfo.ExecutionContext c : MsiInfo.ExecutionContext.values()) if (c.name().equalsIgnoreCase(s.strip())) return c;
        return MsiInfo.ExecutionContext.Any;
    }

    private static boolean flag(Element parent, String name) {
        String s = optional(parent, name);
        return s != null && s.strip().equalsIgnoreCase("true");
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) return e;
        }
        return null;
    }

    private static String optional(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent();
    }

    private static String text(Element parent, String name, String where) throws IntuneWinException {
        String s = optional(parent, name);
        if (s == null) throw new IntuneWinException(where, "has no <" + name + ">");
        return s;
    }

    private static byte[] bytes(Element parent, String name, int length, String where) throws IntuneWinException {
        byte[] b;
        try {
            b = Base64.getMimeDecoder().decode(text(parent, name, where).strip());
        } catch (IllegalArgumentException e) {
            throw new IntuneWinException(where, "<" + name + "> is not base64");
        }
        if (b.length != length) throw new IntuneWinException(where, "<" + name + "> holds " + b.length + " bytes; " + length + " expected");
        return b;
    }

    private static void element(StringBuilder x, int depth, String name, String value) {
        if (value == null) return;
        x.append("  ".repeat(depth)).append('<').append(name).append('>').append(escape(value)).append("</").append(name).append(">\r\n");
    }

    private static String bool(boolean b) {
        return Boolean.toString(b).toLowerCase(Locale.ROOT);
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\r' -> sb.append("&#xD;");
                case '\n' -> sb.append("&#xA;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}

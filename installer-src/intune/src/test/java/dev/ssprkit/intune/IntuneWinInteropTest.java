package dev.ssprkit.intune;

import dev.ssprkit.builder.ComponentSpec;
import dev.ssprkit.builder.PackageBuilder;
import dev.ssprkit.msi.WriteOptions;
import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A .intunewin we write, opened with nothing but {@code unzip} and the {@code openssl} command line, following the
 * format's public description: the outer archive unzips; the HMAC-SHA256 that openssl computes with Detection.xml's
 * MacKey over IV + ciphertext equals the file's first 32 bytes and Detection.xml's Mac; openssl decrypts the rest
 * (AES-256-CBC, Detection.xml's key and IV) to a zip whose SHA-256 is Detection.xml's FileDigest; unzip extracts the
 * setup file byte-identical. MsiInfo is compared with what msitools' msiinfo reads from the same MSI.
 */
@Tag("interop")
class IntuneWinInteropTest {
    @TempDir Path dir;

    static Path sampleMsi(Path dir) throws Exception {
        Path payload = Files.writeString(dir.resolve("payload.txt"), "intunewin payload\r\n".repeat(500));
        PackageBuilder pkg = PackageBuilder.product("Intunewin Sample", "ssprkit tests", "4.5.6", "{9A8B7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D}");
        pkg.property("ALLUSERS", "1");
        ComponentSpec c = pkg.component("Main", pkg.programFiles().subdirectory("INSTALLDIR", "Intunewin Sample"));
        c.file(payload);
        pkg.feature("Complete", "Complete").add(c);
        Path src = Files.createDirectories(dir.resolve("src"));
        Path msi = src.resolve("SsprWindowsLogon.PROD.msi");
        pkg.write(msi, new WriteOptions(Instant.parse("2026-01-01T00:00:00Z")));
        Files.createDirectories(src.resolve("docs"));
        Files.writeString(src.resolve("docs/readme.txt"), "read me\r\n");
        return msi;
    }

    @Test
    void unzipAndOpensslOpenWhatWeWrite() throws Exception {
        Tool.require("unzip", "openssl");
        Path msi = sampleMsi(dir);
        Path out = dir.resolve("out/SsprWindowsLogon.PROD.intunewin");
        IntuneWinWriter.Result r = IntuneWinWriter.pack(msi, dir.resolve("src"), out, IntuneWinWriter.Options.defaults());

        Path outer = dir.resolve("outer");
        Tool.run("unzip", "-q", out.toString(), "-d", outer.toString()).assertOk();
        Path enc = outer.resolve("IntuneWinPackage/Contents/IntunePackage.intunewin");
        Path xml = outer.resolve("IntuneWinPackage/Metadata/Detection.xml");
        assertEquals(List.of("Contents", "Metadata"), Files.list(outer.resolve("IntuneWinPackage")).map(p -> p.getFileName().toString()).sorted().toList());

        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element root = d.getDocumentElement();
        assertEquals("ApplicationInfo", root.getTagName());
        byte[] key = b64(d, "EncryptionKey"), macKey = b64(d, "MacKey"), iv = b64(d, "InitializationVector"), mac = b64(d, "Mac");
        byte[] digest = b64(d, "FileDigest");
        assertEquals("ProfileVersion1", text(d, "ProfileIdentifier"));
        assertEquals("SHA256", text(d, "FileDigestAlgorithm"));
        assertEquals("IntunePackage.intunewin", text(d, "FileName"));
        assertEquals("SsprWindowsLogon.PROD.msi", text(d, "SetupFile"));
        assertEquals(32, key.length);
        assertEquals(16, iv.length);

        byte[] file = Files.readAllBytes(enc);
        assertEquals(r.encryptedSize(), file.length);
        assertArrayEquals(mac, Arrays.copyOf(file, 32), "the file starts with Detection.xml's Mac");
        assertArrayEquals(iv, Arrays.copyOfRange(file, 32, 48), "then the IV");
        Path ivAndCipher = Files.write(dir.resolve("iv+ct.bin"), Arrays.copyOfRange(file, 32, file.length));
        Path cipher = Files.write(dir.resolve("ct.bin"), Arrays.copyOfRange(file, 48, file.length));
        String hmac = Tool.run("openssl", "dgst", "-sha256", "-mac", "HMAC", "-macopt", "hexkey:" + hex(macKey), "-r", ivAndCipher.toString())
                .assertOk().stdout().split(" ")[0];
        assertEquals(hex(mac), hmac, "openssl's HMAC-SHA256 over IV + ciphertext");

        Path inner = dir.resolve("inner.zip");
        Tool.run("openssl", "enc", "-d", "-aes-256-cbc", "-K", hex(key), "-iv", hex(iv), "-in", cipher.toString(), "-out", inner.toString()).assertOk();
        String sha = Tool.run("openssl", "dgst", "-sha256", "-r", inner.toString()).assertOk().stdout().split(" ")[0];
        assertEquals(hex(digest), sha, "FileDigest is the SHA-256 of the decrypted package");
        assertEquals(Long.parseLong(text(d, "UnencryptedContentSize")), Files.size(inner));

        Path files = dir.resolve("files");
        Tool.run("unzip", "-q", inner.toString(), "-d", files.toString()).assertOk();
        assertArrayEquals(Files.readAllBytes(msi), Files.readAllBytes(files.resolve("SsprWindowsLogon.PROD.msi")), "the setup file, byte-identical");
        assertEquals("read me\r\n", Files.readString(files.resolve("docs/readme.txt")));
        assertTrue(Tool.run("unzip", "-tq", out.toString()).assertOk().stdout().contains("No errors"));
    }

    @Test
    void msiInfoAgreesWithMsiinfo() throws Exception {
        Tool.require("msiinfo");
        Path msi = sampleMsi(dir);
        Path out = dir.resolve("a.intunewin");
        MsiInfo m = IntuneWinWriter.pack(msi, null, out, IntuneWinWriter.Options.defaults()).info().msiInfo();
        Map<String, String> props = new java.util.HashMap<>();
        for (String line : Tool.run("msiinfo", "export", msi.toString(), "Property").assertOk().stdout().split("\r?\n")) {
            String[] kv = line.split("\t", 2);
            if (kv.length == 2) props.put(kv[0], kv[1]);
        }
        assertEquals(props.get("ProductCode"), m.productCode());
        assertEquals(props.get("ProductVersion"), m.productVersion());
        assertEquals(props.get("UpgradeCode"), m.upgradeCode());
        assertEquals(props.get("Manufacturer"), m.publisher());
        String suminfo = Tool.run("msiinfo", "suminfo", msi.toString()).assertOk().stdout();
        String revision = suminfo.lines().filter(l -> l.startsWith("Revision number")).findFirst().orElseThrow();
        assertTrue(revision.endsWith(m.packageCode()), "package code = summary Revision Number: " + revision + " / " + m.packageCode());
        assertEquals(MsiInfo.ExecutionContext.System, m.executionContext(), "ALLUSERS=1");
        assertFalse(m.containsSystemFolders(), "Program Files is not a system folder (as Microsoft's tool reports)");
        // the Detection.xml we wrote reads back to the same block
        try (IntuneWinReader reader = IntuneWinReader.open(out)) {
            MsiInfo back = reader.info().msiInfo();
            assertEquals(m.productCode(), back.productCode());
            assertEquals(m.packageCode(), back.packageCode());
            assertEquals(m.executionContext(), back.executionContext());
        }
    }

    @Test
    void detectionXmlHasTheElementsInTheOrderMicrosoftsToolWrites() throws Exception {
        Path msi = sampleMsi(dir);
        IntuneWinWriter.Result r = IntuneWinWriter.pack(msi, null, dir.resolve("o.intunewin"), IntuneWinWriter.Options.defaults());
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new java.io.ByteArrayInputStream(DetectionXml.write(r.info())));
        // the order of a Detection.xml written by IntuneWinAppUtil 1.8.5.0 (a public example in redanthrax/intunewinlib)
        assertEquals(List.of("Name", "UnencryptedContentSize", "FileName", "SetupFile", "EncryptionInfo", "MsiInfo"), children(d.getDocumentElement()));
        assertEquals(List.of("EncryptionKey", "MacKey", "InitializationVector", "Mac", "ProfileIdentifier", "FileDigest", "FileDigestAlgorithm"),
                children((Element) d.getElementsByTagName("EncryptionInfo").item(0)));
        assertEquals(List.of("MsiProductCode", "MsiProductVersion", "MsiPackageCode", "MsiUpgradeCode", "MsiExecutionContext", "MsiRequiresLogon",
                "MsiRequiresReboot", "MsiIsMachineInstall", "MsiIsUserInstall", "MsiIncludesServices", "MsiIncludesODBCDataSource",
                "MsiContainsSystemRegistryKeys", "MsiContainsSystemFolders", "MsiPublisher"), children((Element) d.getElementsByTagName("MsiInfo").item(0)));
    }

    static List<String> children(Element e) {
        List<String> out = new java.util.ArrayList<>();
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element c) out.add(c.getTagName());
        return out;
    }

    static byte[] b64(Document d, String name) {
        return Base64.getDecoder().decode(text(d, name));
    }

    static String text(Document d, String name) {
        return d.getElementsByTagName(name).item(0).getTextContent().strip();
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}

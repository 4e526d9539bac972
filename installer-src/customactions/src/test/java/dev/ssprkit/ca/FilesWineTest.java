package dev.ssprkit.ca;

import dev.ssprkit.builder.ComponentSpec;
import dev.ssprkit.testkit.Wine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static dev.ssprkit.ca.CustomActionTypes.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The file families under Wine's msiexec: util:RemoveFolderEx, util:InternetShortcut, util:XmlFile, each in a
 * package that carries exactly what {@link CustomActionLibrary#support} says the compiler emits. Expected effects
 * are WiX's documented ones (util.xsd: RemoveFolderEx "removes a folder and all contained files and folders",
 * XmlFile setValue/createElement and their undoing on uninstall) and file formats from their specifications
 * (.url: the [InternetShortcut] URL= INI form; .lnk: MS-SHLLINK's 0x4C header and LinkCLSID). Rollback is forced by
 * WixFailWhenDeferred (WIXFAILWHENDEFERRED=1), as WiX documents for testing rollback.
 */
@Tag("interop")
class FilesWineTest {
    static final int INSTALL_FAILURE = 1603 & 0xFF; // Wine passes msiexec's exit code modulo 256 (oracles.md)
    static final String CONFIG = "<?xml version=\"1.0\"?>\r\n<configuration>\r\n  <appSettings>\r\n    <add key=\"Mode\" value=\"old\"/>\r\n"
            + "  </appSettings>\r\n</configuration>\r\n";

    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir static Path dir;
    static Path msi;

    @BeforeAll
    static void build() throws Exception {
        CaPackage p = new CaPackage("ssprkit Files", SchemaGeneration.V4, Architecture.X64, dir.resolve("payload"));
        p.use(ElementFamily.FAIL_WHEN_DEFERRED);

        // util:RemoveFolderEx On="uninstall" Property="RFX_ROOT"
        p.use(ElementFamily.REMOVE_FOLDER_EX);
        p.row("Property", "RFX_ROOT", "C:\\ssprkit-rfx\\");
        p.row("Wix4RemoveFolderEx", "RfxData", "Main", "RFX_ROOT", 2, null);

        // util:InternetShortcut, a .url and a .lnk, each with the RemoveFile row the compiler adds for uninstall
        p.use(ElementFamily.INTERNET_SHORTCUT);
        p.row("Wix4InternetShortcut", "DocsUrl", "Main", "INSTALLDIR", "ssprkit-docs.url", "https://example.invalid/docs?p=[ProductName]", 1, null, null);
        p.row("Wix4InternetShortcut", "ReadmeLnk", "Main", "INSTALLDIR", "readme.lnk", "[INSTALLDIR]ssprkit_Files.txt", 0, null, null);
        p.row("RemoveFile", "DocsUrl", "Main", "ssprkit-docs.url", "INSTALLDIR", 2);
        p.row("RemoveFile", "ReadmeLnk", "Main", "readme.lnk", "INSTALLDIR", 2);

        // util:XmlFile on a file the package does not install: set an attribute (XPath), create an element
        p.use(ElementFamily.XML_FILE);
        p.row("Property", "XML_MODE", "new");
        String file = "C:\\ssprkit-xml\\app.config";
        p.row("Wix4XmlFile", "SetMode", file, "/configuration/appSettings/add[\\[]@key='Mode'[\\]]", "value", "[XML_MODE]", 0x100, "Main", 1);
        p.row("Wix4XmlFile", "AddFeature", file, "/configuration/appSettings", "feature", "on", 0x100 | 0x1, "Main", 2);
        // bad input: a file that is not there (component installed only when XML_MISSING=1)
        ComponentSpec missing = p.pkg.component("MissingXml", p.app).condition("XML_MISSING=1").directoryKeyPath();
        p.feature.add(missing);
        p.row("Wix4XmlFile", "Absent", "C:\\ssprkit-xml\\absent.config", "/configuration", "x", "1", 0x100, "MissingXml", 3);
        // bad input: ExecXmlFile called with CustomActionData that is not ours
        CustomActionBinary util = CustomActionLibrary.binary(LibraryKind.UTIL, SchemaGeneration.V4, Architecture.X64);
        p.row("Property", "BAD_DATA", "12:abc");
        p.setProperty("SetBadXmlData", "BadXmlData", "[BAD_DATA]").schedule("SetBadXmlData", "BAD_CAD=1", "CostFinalize");
        p.customAction("BadXmlData", DEFERRED_SYSTEM, util, "ExecXmlFile").schedule("BadXmlData", "BAD_CAD=1", "InstallFiles");
        msi = p.write(dir.resolve("files.msi"));
    }

    private static WineLog.Run msiexec(String name, String... args) throws Exception {
        return WineLog.msiexec(wine, dir.resolve(name + ".log"), args);
    }

    private static Path config() {
        return wine.cDrive("C:\\ssprkit-xml\\app.config");
    }

    private static void writeConfig() throws Exception {
        Files.createDirectories(config().getParent());
        Files.writeString(config(), CONFIG, StandardCharsets.US_ASCII);
    }

    private static Element addElement(Document d) {
        return (Element) d.getElementsByTagName("add").item(0);
    }

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void removeFolderExRemovesATreeCreatedAfterInstall() throws Exception {
        WineLog.Run install = msiexec("rfx-install", "/i", msi.toString(), "/qn");
        assertEquals(0, install.exitCode(), () -> WineLog.tail(install.log()));
        // the folder does not exist at install time: logged, nothing to do
        assertTrue(install.linesOf("WixRemoveFoldersEx").contains("does not exist; nothing to remove"), install.linesOf("WixRemoveFoldersEx"));
        Path root = wine.cDrive("C:\\ssprkit-rfx");
        Files.createDirectories(root.resolve("cache/deep/er"));
        Files.writeString(root.resolve("settings.ini"), "x");
        Files.writeString(root.resolve("cache/a.bin"), "y");
        Files.writeString(root.resolve("cache/deep/er/b.tmp"), "z");
        Files.createDirectories(root.resolve("empty"));

        WineLog.Run uninstall = msiexec("rfx-uninstall", "/x", msi.toString(), "/qn");
        assertEquals(0, uninstall.exitCode(), () -> WineLog.tail(uninstall.log()));
        assertTrue(uninstall.linesOf("WixRemoveFoldersEx").contains("5 folder(s) below C:\\ssprkit-rfx\\ scheduled for removal"),
                uninstall.linesOf("WixRemoveFoldersEx"));
        assertFalse(Files.exists(root), "RemoveFolderEx left " + root);
    }

    @Test
    void internetShortcutsAreCreatedAndRemoved() throws Exception {
        WineLog.Run install = msiexec("shortcut-install", "/i", msi.toString(), "/qn");
        assertEquals(0, install.exitCode(), () -> WineLog.tail(install.log()));
        Path folder = wine.cDrive("C:\\Program Files\\ssprkit Files");
        String url = Files.readString(folder.resolve("ssprkit-docs.url"), StandardCharsets.ISO_8859_1);
        assertTrue(url.contains("[InternetShortcut]"), url);
        assertTrue(url.lines().anyMatch(l -> l.equals("URL=https://example.invalid/docs?p=ssprkit Files")), url);
        byte[] lnk = Files.readAllBytes(folder.resolve("readme.lnk"));
        // MS-SHLLINK 2.1: HeaderSize 0x0000004C, then LinkCLSID 00021401-0000-0000-C000-000000000046
        byte[] header = {0x4C, 0, 0, 0, 0x01, 0x14, 0x02, 0, 0, 0, 0, 0, (byte) 0xC0, 0, 0, 0, 0, 0, 0, 0x46};
        assertArrayEquals(header, Arrays.copyOf(lnk, 20));
        WineLog.Run uninstall = msiexec("shortcut-uninstall", "/x", msi.toString(), "/qn");
        assertEquals(0, uninstall.exitCode(), () -> WineLog.tail(uninstall.log()));
        assertFalse(Files.exists(folder.resolve("ssprkit-docs.url")));
        assertFalse(Files.exists(folder.resolve("readme.lnk")));
    }

    @Test
    void xmlFileSetsAndCreatesThenUndoesOnUninstall() throws Exception {
        writeConfig();
        WineLog.Run install = msiexec("xml-install", "/i", msi.toString(), "/qn");
        assertEquals(0, install.exitCode(), () -> WineLog.tail(install.log()));
        Document d = parse(config());
        assertEquals("new", addElement(d).getAttribute("value"));
        assertEquals(1, d.getElementsByTagName("feature").getLength());
        assertEquals("on", d.getElementsByTagName("feature").item(0).getTextContent());

        WineLog.Run uninstall = msiexec("xml-uninstall", "/x", msi.toString(), "/qn");
        assertEquals(0, uninstall.exitCode(), () -> WineLog.tail(uninstall.log()));
        Document after = parse(config());
        assertFalse(addElement(after).hasAttribute("value"), "the value set on install is deleted on uninstall");
        assertEquals("Mode", addElement(after).getAttribute("key"));
        assertEquals(0, after.getElementsByTagName("feature").getLength(), "the created element is deleted on uninstall");
    }

    @Test
    void rollbackRestoresTheXmlFileAndRemovesTheShortcuts() throws Exception {
        writeConfig();
        byte[] before = Files.readAllBytes(config());
        WineLog.Run r = msiexec("rollback", "/i", msi.toString(), "/qn", "WIXFAILWHENDEFERRED=1");
        assertEquals(INSTALL_FAILURE, r.exitCode(), () -> WineLog.tail(r.log()));
        assertTrue(r.linesOf("ExecXmlFile").contains("saved C:\\ssprkit-xml\\app.config"), "the change was made before the failure:\n" + r.linesOf("ExecXmlFile"));
        assertTrue(r.linesOf("ExecXmlFileRollback").contains("restored C:\\ssprkit-xml\\app.config"), r.linesOf("ExecXmlFileRollback"));
        assertArrayEquals(before, Files.readAllBytes(config()), "rollback must put the file back byte for byte");
        // Our rollback ran; Wine's own rollback had already removed the shortcuts through their RemoveFile rows.
        assertTrue(r.linesOf("WixRollbackInternetShortcuts").contains("entry point WixRollbackInternetShortcuts"), r.log());
        assertFalse(Files.exists(wine.cDrive("C:\\Program Files\\ssprkit Files\\ssprkit-docs.url")));
    }

    @Test
    void aMissingXmlFileFailsCleanlyWithALogLine() throws Exception {
        writeConfig();
        WineLog.Run r = msiexec("xml-missing", "/i", msi.toString(), "/qn", "XML_MISSING=1");
        assertEquals(INSTALL_FAILURE, r.exitCode(), () -> WineLog.tail(r.log()));
        assertTrue(r.linesOf("ExecXmlFile").contains("C:\\ssprkit-xml\\absent.config is not readable XML"), r.linesOf("ExecXmlFile"));
        assertArrayEquals(CONFIG.getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(config()), "rolled back");
    }

    @Test
    void malformedCustomActionDataFailsCleanlyWithALogLine() throws Exception {
        WineLog.Run r = msiexec("bad-data", "/i", msi.toString(), "/qn", "BAD_CAD=1");
        assertEquals(INSTALL_FAILURE, r.exitCode(), () -> WineLog.tail(r.log()));
        assertTrue(r.linesOf("ExecXmlFile").contains("malformed CustomActionData at offset 3: a field is longer than the data that is left"),
                r.linesOf("ExecXmlFile"));
    }
}

package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.Wine;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * util:XmlConfig on a configuration file the package does not own (the machine.config pattern), compiled by our
 * compiler and run by Wine's msiexec: install, repair, uninstall. Expected effects are those WiX documents for
 * XmlConfig (util.xsd and the "XmlConfig" element reference): Action="create" Node="element" adds a child Name under
 * ElementPath unless VerifyPath (relative to ElementPath) already finds one, with the attributes its nested
 * XmlConfig children (ElementId) give; Node="value" sets attribute Name; On="uninstall" rows run when the component
 * is removed: Action="delete" Node="element" removes what VerifyPath finds, Node="value" removes the attribute.
 * Rows (Flags from WiX's table definition: element 0x1, value 0x2, create 0x10, delete 0x20, install 0x100,
 * uninstall 0x200) are checked with msiinfo.
 */
@Tag("interop")
class XmlConfigWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir Path dir;

    static final String CONFIG = "<?xml version=\"1.0\"?>\r\n<configuration>\r\n  <appSettings>\r\n"
            + "    <add key=\"Existing\" value=\"old\"/>\r\n  </appSettings>\r\n</configuration>\r\n";

    static final String SOURCE = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:util="http://wixtoolset.org/schemas/v4/wxs/util">
              <Package Name="ssprkit XmlConfig" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{1E4A6B2C-1D3F-4E5A-9B8C-7D6E5F4A3B2D}">
                <StandardDirectory Id="ProgramFiles64Folder"><Directory Id="INSTALLFOLDER" Name="ssprkit XmlConfig">
                  <Component Id="Main">
                    <RegistryValue Root="HKLM" Key="Software\\ssprkit-xmlconfig" Name="Installed" Value="1" Type="integer" KeyPath="yes"/>
                    <util:XmlConfig Id="AddMode" File="[CONFIGFILE]" ElementPath="/configuration/appSettings"
                        VerifyPath="add[\\[]@key='Mode'[\\]]" Action="create" Node="element" Name="add" On="install" Sequence="1">
                      <util:XmlConfig Id="AddModeKey" ElementId="AddMode" File="[CONFIGFILE]" Name="key" Value="Mode"/>
                      <util:XmlConfig Id="AddModeValue" ElementId="AddMode" File="[CONFIGFILE]" Name="value" Value="[XML_MODE]"/>
                    </util:XmlConfig>
                    <util:XmlConfig Id="SetExisting" File="[CONFIGFILE]" ElementPath="/configuration/appSettings/add[\\[]@key='Existing'[\\]]"
                        Action="create" Node="value" Name="value" Value="changed" On="install" Sequence="2"/>
                    <util:XmlConfig Id="RemoveMode" File="[CONFIGFILE]" ElementPath="/configuration/appSettings"
                        VerifyPath="add[\\[]@key='Mode'[\\]]" Action="delete" Node="element" On="uninstall" Sequence="3"/>
                    <util:XmlConfig Id="UnsetExisting" File="[CONFIGFILE]" ElementPath="/configuration/appSettings/add[\\[]@key='Existing'[\\]]"
                        Action="delete" Node="value" Name="value" On="uninstall" Sequence="4"/>
                  </Component>
                </Directory></StandardDirectory>
                <Property Id="CONFIGFILE" Value="C:\\ssprkit-xmlconfig\\web.config"/>
                <Property Id="XML_MODE" Value="new"/>
                <Feature Id="Main"><ComponentRef Id="Main"/></Feature>
              </Package>
            </Wix>
            """;

    private static List<String> adds(Path file) throws Exception {
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        NodeList nodes = d.getElementsByTagName("add");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            out.add(e.getAttribute("key") + "=" + (e.hasAttribute("value") ? e.getAttribute("value") : "(none)"));
        }
        return out;
    }

    private static String log(Path log) throws java.io.IOException {
        if (!Files.exists(log)) return "(no log)";
        byte[] b = Files.readAllBytes(log);
        String s = b.length > 1 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE
                ? new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE) : new String(b, StandardCharsets.ISO_8859_1);
        return s.length() > 15000 ? s.substring(s.length() - 15000) : s;
    }

    @Test
    void createsOnceChangesValuesAndUndoesTheUninstallRows() throws Exception {
        Path msi = dir.resolve("xc.msi");
        BuildResult r = TestBuild.build(dir, SOURCE, msi, b -> b.platform("x64"));
        assertTrue(r.success(), r.diagnostics().toString());
        String rows = Tool.run("msiinfo", "export", msi.toString(), "Wix4XmlConfig").assertOk().stdout();
        // XmlConfig File ElementId ElementPath VerifyPath Name Value Flags Component_ Sequence
        assertTrue(rows.contains("AddMode\t[CONFIGFILE]\t\t/configuration/appSettings\tadd[\\[]@key='Mode'[\\]]\tadd\t\t273\tMain\t1"), rows);
        assertTrue(rows.contains("AddModeKey\t[CONFIGFILE]\tAddMode\t\t\tkey\tMode\t0\tMain\t"), rows);
        assertTrue(rows.lines().anyMatch(l -> l.startsWith("UnsetExisting\t") && l.contains("\tvalue\t\t546\tMain\t4")), rows);

        Path folder = wine.cDrive("C:\\ssprkit-xmlconfig");
        Files.createDirectories(folder);
        Path config = folder.resolve("web.config");
        Files.writeString(config, CONFIG, StandardCharsets.US_ASCII);

        Path installLog = dir.resolve("install.log");
        assertEquals(0, wine.msiexec("/i", msi.toString(), "/qn", "/l*v", installLog.toString()).exitCode(), () -> uncheck(installLog));
        assertEquals(List.of("Existing=changed", "Mode=new"), adds(config), "created with its attributes, value set");

        Path repairLog = dir.resolve("repair.log");
        assertEquals(0, wine.msiexec("/i", msi.toString(), "REINSTALL=ALL", "REINSTALLMODE=omus", "/qn", "/l*v", repairLog.toString()).exitCode(),
                () -> uncheck(repairLog));
        assertEquals(List.of("Existing=changed", "Mode=new"), adds(config), "VerifyPath found the element: not created twice");
        String repaired = log(repairLog);
        // (Wine's log formats the bracketed part of the verify path away, so the line reads "... already has add: ...")
        assertTrue(repaired.contains("/configuration/appSettings already has add"), () -> "the repair ran the row and VerifyPath stopped it:\n"
                + String.join("\n", repaired.lines().filter(l -> l.contains("XmlConfig") || l.contains("Reinstall") || l.contains("Main")).toList()));

        Path uninstallLog = dir.resolve("uninstall.log");
        assertEquals(0, wine.msiexec("/x", msi.toString(), "/qn", "/l*v", uninstallLog.toString()).exitCode(), () -> uncheck(uninstallLog));
        assertEquals(List.of("Existing=(none)"), adds(config), "the uninstall rows removed the element and the value");
        assertFalse(Files.readString(config).contains("Mode"));
    }

    private static String uncheck(Path log) {
        try {
            return log(log);
        } catch (java.io.IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }
}

package dev.ssprkit.wix.loc;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.WixBuild;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small WiX v4 package with the built-in WixUI_InstallDir set and no Language or Codepage of its own (so both come
 * from the build's culture), built in-process for a culture chain and optional project .wxl files; the library's own
 * .wxl and dialog sources read with the JDK's XML parser (where the tests take their expected texts from); and
 * msiinfo's export of a table (the outside reader of the built package).
 */
final class UiPackage {
    static final String PRODUCT = "Tally Counter";
    static final String SOURCE = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:ui="http://wixtoolset.org/schemas/v4/wxs/ui">
              <Package Name="Tally Counter" Manufacturer="ssprkit tests" Version="1.0.0" UpgradeCode="{3E6C2A1B-5D4F-4A7B-9C8D-0E1F2A3B4C5D}" Scope="perMachine">
                <MediaTemplate EmbedCab="yes"/>
                <StandardDirectory Id="ProgramFilesFolder">
                  <Directory Id="INSTALLFOLDER" Name="Tally Counter">
                    <Component Id="Main" Guid="{6A7B8C9D-0E1F-4A2B-8C3D-4E5F6A7B8C9D}">
                      <File Id="Tally" Source="tally.txt" KeyPath="yes"/>
                    </Component>
                  </Directory>
                </StandardDirectory>
                <Feature Id="Main"><ComponentRef Id="Main"/></Feature>
                <ui:WixUI Id="WixUI_InstallDir" InstallDirectory="INSTALLFOLDER"/>
              </Package>
            </Wix>
            """;
    /** The cultures the library ships besides en-us. */
    static final List<String> CULTURES = List.of("de-de", "fr-fr", "es-es", "ja-jp");
    private static final String LIBRARY = "/dev/ssprkit/wix/ext/ui/";

    private UiPackage() {}

    /** Builds the package into {@code dir} for {@code cultures} ({@code -culture} values) with {@code wxl} files. */
    static BuildResult build(Path dir, String name, List<String> cultures, List<Path> wxl) {
        try {
            Path wxs = dir.resolve("tally.wxs");
            Files.writeString(wxs, SOURCE);
            Files.writeString(dir.resolve("tally.txt"), "1, 2, 3");
            return WixBuild.build(BuildRequest.builder(dir.resolve(name), List.of(wxs)).environment(Map.of()).workingDirectory(dir)
                    .cultures(cultures).locFiles(wxl).buildTime(Instant.parse("2026-01-01T00:00:00Z")).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A library resource parsed as XML (no DTDs), or null when the library does not ship it. */
    static Document libraryXml(String file) {
        try (InputStream in = UiPackage.class.getResourceAsStream(LIBRARY + file)) {
            if (in == null) return null;
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError("library file " + file + " is not well-formed XML", e);
        }
    }

    /** The library's .wxl root element for {@code culture}. */
    static Element libraryRoot(String culture) {
        Document d = libraryXml("WixUI_" + culture + ".wxl");
        if (d == null) throw new AssertionError("the library has no WixUI_" + culture + ".wxl");
        return d.getDocumentElement();
    }

    /** The strings of the library's .wxl for {@code culture}, id to value, in file order; an id given twice fails. */
    static Map<String, String> libraryStrings(String culture) {
        Map<String, String> out = new LinkedHashMap<>();
        NodeList list = libraryRoot(culture).getElementsByTagNameNS("*", "String");
        for (int i = 0; i < list.getLength(); i++) {
            Element s = (Element) list.item(i);
            String value = s.hasAttribute("Value") ? s.getAttribute("Value") : s.getTextContent();
            if (out.put(s.getAttribute("Id"), value) != null) throw new AssertionError(culture + ": " + s.getAttribute("Id") + " twice");
        }
        return out;
    }

    private static final Pattern LOC = Pattern.compile("!\\(loc\\.(\\w+)\\)");

    /**
     * Which string each dialog's title and each control's text is, from the library's dialog sources: key
     * "Dialog/Control" (or "Dialog" for its title) to the string ids written there (a dialog defined in more than one
     * place can name more than one).
     */
    static Map<String, List<String>> textSources() {
        Map<String, List<String>> out = new HashMap<>();
        for (String file : List.of("Dialogs_Common.wxs", "Dialogs_Wizard.wxs", "Advanced.wxs")) {
            NodeList dialogs = libraryXml(file).getElementsByTagNameNS("*", "Dialog");
            for (int i = 0; i < dialogs.getLength(); i++) {
                Element d = (Element) dialogs.item(i);
                String id = d.getAttribute("Id");
                put(out, id, d.getAttribute("Title"));
                NodeList controls = d.getElementsByTagNameNS("*", "Control");
                for (int j = 0; j < controls.getLength(); j++) {
                    Element c = (Element) controls.item(j);
                    put(out, id + "/" + c.getAttribute("Id"), c.getAttribute("Text"));
                }
            }
        }
        return out;
    }

    private static void put(Map<String, List<String>> out, String key, String text) {
        Matcher m = LOC.matcher(text);
        if (m.matches()) out.computeIfAbsent(key, k -> new ArrayList<>()).add(m.group(1));
    }

    /**
     * A table of {@code msi} as msiinfo exports it (msitools: UTF-8 text whatever the package's codepage), rows of
     * tab-separated fields without the three header lines.
     */
    static List<String[]> export(Path msi, String table) {
        Tool.require("msiinfo");
        String out = Tool.run("msiinfo", "export", msi.toString(), table).assertOk().stdout();
        List<String[]> rows = new ArrayList<>();
        String[] lines = out.split("\r\n"); // records end in CR LF; a value may hold a bare LF
        for (int i = 3; i < lines.length; i++) if (!lines[i].isEmpty()) rows.add(lines[i].split("\t", -1));
        return rows;
    }

    /** "Dialog/Control" to the Text of each Control row, and "Dialog" to each Dialog row's Title, as msiinfo reads them. */
    static Map<String, String> shownTexts(Path msi) {
        Map<String, String> out = new HashMap<>();
        for (String[] r : export(msi, "Dialog")) out.put(r[0], r[6]);
        for (String[] r : export(msi, "Control")) out.put(r[0] + "/" + r[1], r[9]);
        return out;
    }
}

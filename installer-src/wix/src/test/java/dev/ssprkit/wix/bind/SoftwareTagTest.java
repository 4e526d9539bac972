package dev.ssprkit.wix.bind;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.WixBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Software identification tags (WiX v4 SoftwareTag, the tag extension's Tag). Expected values: where WiX puts the tag
 * (a "swidtag" folder under InstallDirectory for v4, InstallDirectory itself for the v3 extension) and what the tag
 * says (ISO/IEC 19770-2: tagId msi:package/PACKAGECODE, persistentId msi:upgrade/UPGRADECODE, the product's name,
 * version and manufacturer), as WiX's ProcessPackageSoftwareTagsCommand and Compiler_Tag describe them; read back
 * with msiextract, msiinfo suminfo/export and the JDK's XML parser.
 */
@Tag("interop")
class SoftwareTagTest {
    private static final Instant BUILD_TIME = Instant.parse("2026-01-01T00:00:00Z");
    @TempDir Path dir;

    private BuildResult build(String source, Path msi) throws Exception {
        Path wxs = dir.resolve("tag.wxs");
        Files.writeString(wxs, source);
        return WixBuild.build(BuildRequest.builder(msi, List.of(wxs)).environment(Map.of()).workingDirectory(dir).buildTime(BUILD_TIME).build());
    }

    private static final String V4 = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
              <Package Name="Tag Test" Manufacturer="ssprkit tests" Version="2.3.4" UpgradeCode="{1A2B3C4D-5E6F-4A1B-8C2D-3E4F5A6B7C8D}">
                <MediaTemplate EmbedCab="yes"/>
                <SoftwareTag xml:lang="en-us" InstallDirectory="INSTALLFOLDER" Regid="github.com/ssprkit"/>
                <StandardDirectory Id="ProgramFiles6432Folder"><Directory Id="INSTALLFOLDER" Name="Tag Test"/></StandardDirectory>
                <Feature Id="Main"><Component Directory="INSTALLFOLDER"><File Source="a.txt"/></Component></Feature>
              </Package>
            </Wix>
            """;

    @Test
    void aV4TagNamesThePackageCodeAndTheUpgradeCode() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "payload\n");
        Path msi = dir.resolve("t.msi");
        BuildResult r = build(V4, msi);
        assertTrue(r.success(), r.diagnostics().toString());
        String summary = Tool.run("msiinfo", "suminfo", msi.toString()).assertOk().stdout();
        Matcher m = Pattern.compile("Revision number \\(UUID\\): \\{([0-9A-F-]{36})}").matcher(summary);
        assertTrue(m.find(), summary);
        String packageCode = m.group(1);
        Path out = dir.resolve("x");
        Tool.run("msiextract", "-C", out.toString(), msi.toString()).assertOk();
        Path tag = out.resolve("Program Files/Tag Test/swidtag/Tag Test.swidtag");
        assertTrue(Files.isRegularFile(tag), "the tag lies in a swidtag folder under InstallDirectory");
        Element root = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(tag.toFile()).getDocumentElement();
        assertEquals("http://standards.iso.org/iso/19770/-2/2015/schema.xsd", root.getNamespaceURI());
        assertEquals("SoftwareIdentity", root.getLocalName());
        assertEquals("msi:package/" + packageCode, root.getAttribute("tagId"));
        assertEquals("Tag Test", root.getAttribute("name"));
        assertEquals("2.3.4", root.getAttribute("version"));
        assertEquals("multipartnumeric", root.getAttribute("versionScheme"));
        Element entity = (Element) root.getElementsByTagNameNS("*", "Entity").item(0);
        assertEquals("ssprkit tests", entity.getAttribute("name"));
        assertEquals("github.com/ssprkit", entity.getAttribute("regid"));
        assertEquals("softwareCreator tagCreator", entity.getAttribute("role"));
        Element meta = (Element) root.getElementsByTagNameNS("*", "Meta").item(0);
        assertEquals("msi:upgrade/1A2B3C4D-5E6F-4A1B-8C2D-3E4F5A6B7C8D", meta.getAttribute("persistentId"));
        String rows = Tool.run("msiinfo", "export", msi.toString(), "SoftwareIdentificationTag").assertOk().stdout();
        assertTrue(rows.contains("\tgithub.com/ssprkit\tmsi:package/" + packageCode + "\tmsi:upgrade/1A2B3C4D-5E6F-4A1B-8C2D-3E4F5A6B7C8D"), rows);
    }

    @Test
    void thePackageCodeFollowsThePayload() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "payload\n");
        Path first = dir.resolve("1.msi"), again = dir.resolve("2.msi"), changed = dir.resolve("3.msi");
        assertTrue(build(V4, first).success());
        assertTrue(build(V4, again).success());
        Files.writeString(dir.resolve("a.txt"), "other payload\n");
        assertTrue(build(V4, changed).success());
        // the package code rule: the same sources build the same package; any change gives another package code
        assertEquals(packageCode(first), packageCode(again));
        assertNotEquals(packageCode(first), packageCode(changed));
    }

    @Test
    void theV3ExtensionPutsTheTagInTheInstallDirectory() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "payload\n");
        Path msi = dir.resolve("v3.msi");
        BuildResult r = build("""
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi" xmlns:tag="http://schemas.microsoft.com/wix/TagExtension">
                  <Product Id="*" Name="Tag Three" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{2B3C4D5E-6F7A-4B1C-8D2E-3F4A5B6C7D8E}">
                    <Package InstallerVersion="200" Compressed="yes"/>
                    <MediaTemplate EmbedCab="yes"/>
                    <tag:Tag Regid="regid.2026-01.dev.ssprkit" InstallDirectory="INSTALLFOLDER"/>
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="INSTALLFOLDER" Name="Tag Three">
                      <Component Id="A" Guid="{3C4D5E6F-7A8B-4C1D-8E2F-4A5B6C7D8E9F}"><File Source="a.txt" KeyPath="yes"/></Component>
                    </Directory></Directory></Directory>
                    <Feature Id="Main" Level="1"><ComponentRef Id="A"/></Feature>
                  </Product>
                </Wix>
                """, msi);
        assertTrue(r.success(), r.diagnostics().toString());
        Path out = dir.resolve("x3");
        Tool.run("msiextract", "-C", out.toString(), msi.toString()).assertOk();
        assertTrue(Files.isRegularFile(out.resolve("Program Files/Tag Three/Tag Three.swidtag")), "v3 layout: beside the product's files");
    }

    private static String packageCode(Path msi) {
        String s = Tool.run("msiinfo", "suminfo", msi.toString()).assertOk().stdout();
        Matcher m = Pattern.compile("Revision number \\(UUID\\): (\\{[0-9A-F-]{36}})").matcher(s);
        assertTrue(m.find(), s);
        return m.group(1);
    }
}

package dev.ssprkit.wix.bind;

import dev.ssprkit.builder.ShortNames;
import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.WixBuild;
import dev.ssprkit.wix.compile.CompileContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules behind the values only our compiler produces, which the scenarios' expected rows leave as placeholders
 * ({@code <guid>}, {@code <id:reg>}, {@code <short>}): generated component GUIDs, generated identifiers and generated
 * short names. Each is checked against its stated rule, recomputed here, and for the properties the rule exists
 * for (stable across builds and products, distinct for distinct resources, legal and unique 8.3 names).
 */
class GeneratedValuesTest {
    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");
    private static final Pattern GUID = Pattern.compile("\\{[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}}");
    @TempDir Path tmp;

    private Map<String, Row> components(String name, String productCode, String body, String platform) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        for (String f : List.of("a.txt", "b.txt")) Files.writeString(dir.resolve(f), f);
        Path wxs = dir.resolve("p.wxs");
        Files.writeString(wxs, """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="%s" Name="G" Language="1033" Version="1.0.0" Manufacturer="m" UpgradeCode="{AAAAAAAA-0000-0000-0000-00000000C0DE}">
                    <Package Compressed="yes"/>
                    <MediaTemplate EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir">
                      <Directory Id="ProgramFilesFolder">
                        <Directory Id="APPDIR" Name="App">
                          <Directory Id="SUB" Name="Sub"/>
                        </Directory>
                      </Directory>
                    </Directory>
                    %s
                  </Product>
                </Wix>
                """.formatted(productCode, body));
        BuildResult r = WixBuild.build(BuildRequest.builder(dir.resolve("p.msi"), List.of(wxs)).platform(platform)
                .environment(Map.of()).buildTime(TIME).validate(false).build());
        assertTrue(r.success(), r.diagnostics().toString());
        Map<String, Row> out = new HashMap<>();
        try (Database db = MsiReader.read(r.output())) {
            for (Row row : db.table("Component").rows()) out.put((String) row.get(0), row);
        }
        return out;
    }

    private static String guid(Map<String, Row> c, String id) {
        return (String) c.get(id).get(1);
    }

    private static final String TWO_FILES = """
            <DirectoryRef Id="APPDIR">
              <Component Id="A" Guid="*"><File Source="a.txt"/></Component>
              <Component Id="B" Guid="*"><File Source="b.txt"/></Component>
            </DirectoryRef>
            <DirectoryRef Id="SUB">
              <Component Id="SubA" Guid="*"><File Id="subA" Source="a.txt"/></Component>
            </DirectoryRef>
            <DirectoryRef Id="APPDIR">
              <Component Id="Reg" Guid="*"><RegistryValue Root="HKLM" Key="Software\\G" Name="N" Value="1" Type="integer"/></Component>
            </DirectoryRef>
            <Feature Id="F"><ComponentRef Id="A"/><ComponentRef Id="B"/><ComponentRef Id="SubA"/><ComponentRef Id="Reg"/></Feature>
            """;

    /**
     * WiX's rule (WiX v4 FinalizeComponentGuids.cs with Uuid.cs; ComponentGuids here): an RFC 4122 version-5 UUID, SHA-1
     * over the namespace {3064E5C6-FB63-4FE9-AC49-E446A792EFA5} in network order and the UTF-16LE key path target: for a
     * file its directory's canonical path (standard folder id, then lower-cased names) and the lower-cased file name; for
     * a registry value "64" for a 64-bit component, then root number, key and name, lower-cased. Recomputed here.
     */
    @Test
    void componentGuidIsWixsNameBasedUuidOfTheKeyPathTarget() throws Exception {
        Map<String, Row> c = components("rule", "{11111111-0000-0000-0000-000000000001}", TWO_FILES, "x86");
        assertEquals(wixRule("ProgramFilesFolder\\app\\a.txt"), guid(c, "A"));
        assertEquals(wixRule("ProgramFilesFolder\\app\\sub\\a.txt"), guid(c, "SubA"));
        assertEquals(wixRule("2\\software\\g\\n"), guid(c, "Reg"));
        for (Row r : c.values()) assertTrue(GUID.matcher((String) r.get(1)).matches(), r.toString());
        Map<String, Row> x64 = components("rule64", "{11111111-0000-0000-0000-000000000001}", TWO_FILES, "x64");
        assertEquals(wixRule("642\\software\\g\\n"), guid(x64, "Reg"), "a 64-bit registry key path is prefixed with 64");
        assertNotEquals(guid(c, "Reg"), guid(x64, "Reg"));
    }

    @Test
    void sameSourceGivesTheSameGuidsAndDifferentKeyPathsDifferentOnes() throws Exception {
        Map<String, Row> first = components("one", "{11111111-0000-0000-0000-000000000001}", TWO_FILES, "x86");
        Map<String, Row> again = components("two", "{11111111-0000-0000-0000-000000000001}", TWO_FILES, "x86");
        Set<String> distinct = new HashSet<>();
        for (String id : List.of("A", "B", "SubA", "Reg")) {
            assertEquals(guid(first, id), guid(again, id), id);
            distinct.add(guid(first, id));
        }
        assertEquals(4, distinct.size(), "different key paths (other file, same file in another folder, registry) share a GUID: " + distinct);
    }

    @Test
    void guidFollowsTheResourceNotTheComponentIdOrTheProduct() throws Exception {
        Map<String, Row> first = components("p1", "{11111111-0000-0000-0000-000000000001}", TWO_FILES, "x86");
        Map<String, Row> other = components("p2", "{22222222-0000-0000-0000-000000000002}",
                TWO_FILES.replace("Id=\"A\"", "Id=\"Renamed\"").replace("ComponentRef Id=\"A\"", "ComponentRef Id=\"Renamed\""), "x86");
        assertEquals(guid(first, "A"), guid(other, "Renamed"), "same file in the same folder keeps its component GUID");
    }

    private static String wixRule(String target) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-1");
        md.update(HexFormat.of().parseHex("3064E5C6FB634FE9AC49E446A792EFA5"));
        md.update(target.getBytes(StandardCharsets.UTF_16LE));
        byte[] b = md.digest();
        b[6] = (byte) ((b[6] & 0x0F) | 0x50);
        b[8] = (byte) ((b[8] & 0x3F) | 0x80);
        String h = HexFormat.of().withUpperCase().formatHex(b, 0, 16);
        return "{" + h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20) + "}";
    }

    /** Generated ids: prefix + 32 upper-case hex digits (the 72-character identifier limit holds for short prefixes). */
    @Test
    void generatedIdIsPrefixAnd32UpperHexDigits() {
        String id = CompileContext.generatedId("reg", "2", "software\\x", "name");
        assertTrue(id.matches("reg[0-9A-F]{32}"), id);
        assertEquals(id, CompileContext.generatedId("reg", "2", "software\\x", "name"), "stable");
        assertEquals(id, CompileContext.generatedId("reg", "2", "SOFTWARE\\X", "Name"), "identifiers are case-insensitive in what they hash");
        assertNotEquals(id, CompileContext.generatedId("reg", "2", "software\\x", "other"));
        assertNotEquals(CompileContext.generatedId("dir", "ab", "c"), CompileContext.generatedId("dir", "a", "bc"), "parts are separated");
        assertTrue(CompileContext.generatedId("fil", "x").startsWith("fil"));
    }

    /** Short names (MSI SDK, Filename column): 8.3, no blanks or forbidden characters, unique in their folder. */
    @Test
    void shortNamesAreValid83AndUniquePerFolder() {
        Pattern legal = Pattern.compile("[^\\\\?|><:/*\"+,;=\\[\\] .]{1,8}(\\.[^\\\\?|><:/*\"+,;=\\[\\] .]{1,3})?");
        ShortNames folder = new ShortNames();
        assertEquals("readme.txt", folder.column("readme.txt"), "a legal 8.3 name is written alone");
        Set<String> seen = new HashSet<>();
        seen.add("README.TXT");
        for (String longName : List.of("Application Settings.config", "Application Settings.conf", "application settings.config2",
                "a b", "Very Long Folder Name", "x.tar.gz", "readme.txt")) {
            String column = folder.column(longName);
            String shortName = column.contains("|") ? column.substring(0, column.indexOf('|')) : column;
            if (column.contains("|")) assertEquals(longName, column.substring(column.indexOf('|') + 1));
            assertTrue(legal.matcher(shortName).matches(), shortName + " for " + longName);
            assertTrue(seen.add(shortName.toUpperCase(Locale.ROOT)), "short name reused in one folder: " + shortName);
        }
        assertEquals(new ShortNames().column("Very Long Folder Name"), new ShortNames().column("Very Long Folder Name"), "deterministic");
    }
}

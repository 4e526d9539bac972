package dev.ssprkit.msi;

import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.db.Codepages;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.SummaryInfo;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * msitools is the oracle: packages built by wixl from the sources in {@code src/test/resources/wixl} are read with
 * {@link MsiReader} and every table, the table list, the stream list and the summary information are compared with
 * what {@code msiinfo} prints for the same file.
 */
@Tag("interop")
class WixlAgreementTest {
    private static final Map<String, String> UTC = Map.of("TZ", "UTC", "LC_ALL", "C.UTF-8");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -a {1}")
    @CsvSource({
            "nested, x64", "registry, x86", "upgrade, x64", "customaction, x64", "services, x64", "latin1, x64",
            "generated300, x64"})
    void msiinfoAgrees(String source, String arch) throws IOException {
        Tool.require("wixl", "msiinfo");
        copyResources(dir);
        if (source.equals("generated300")) generate(dir, 300);
        Path msi = dir.resolve(source + ".msi");
        run("wixl", "-a", arch, "-o", msi.toString(), source + ".wxs");
        try (Database db = MsiReader.read(msi)) {
            assertTables(msi, db);
            for (Table t : db.tables().values()) assertTable(msi, t);
            assertStreams(msi, db);
            assertSummary(msi, db);
        }
    }

    private void assertTables(Path msi, Database db) {
        TreeSet<String> expected = new TreeSet<>(db.tables().keySet());
        // msiinfo lists two pseudo tables of the export format: the summary information and the database codepage
        expected.add("_SummaryInformation");
        expected.add("_ForceCodepage");
        assertEquals(expected, new TreeSet<>(lines(run("msiinfo", "tables", msi.toString()))), "msiinfo tables");
    }

    private void assertTable(Path msi, Table t) {
        String out = run("msiinfo", "export", msi.toString(), t.name());
        assertTrue(out.endsWith("\r\n") || out.isEmpty(), t.name() + ": msiinfo ends lines with CRLF");
        List<String> lines = Arrays.asList(out.split("\r\n", -1));
        lines = lines.subList(0, lines.size() - 1);
        assertEquals(IdtExport.header(t.schema()), lines.subList(0, 3), t.name() + " header");
        assertEquals(sorted(IdtExport.rows(t)), sorted(lines.subList(3, lines.size())), t.name() + " rows");
    }

    private void assertStreams(Path msi, Database db) throws IOException {
        TreeSet<String> expected = new TreeSet<>(db.streams().keySet());
        for (Table t : db.tables().values()) expected.addAll(IdtExport.binaryStreams(t));
        expected.add("\u0005SummaryInformation");
        assertEquals(expected, new TreeSet<>(lines(run("msiinfo", "streams", msi.toString()))), "msiinfo streams");
        for (Map.Entry<String, StreamData> e : db.streams().entrySet()) {
            assertEquals(e.getValue().size(), e.getValue().readAllBytes().length, e.getKey());
        }
    }

    private void assertSummary(Path msi, Database db) throws IOException {
        Map<String, String> printed = new LinkedHashMap<>();
        for (String line : lines(run("msiinfo", "suminfo", msi.toString()))) {
            int colon = line.indexOf(": ");
            printed.put(line.substring(0, colon), line.substring(colon + 2));
        }
        SummaryInfo ours = asMsitoolsSees(db.summary());
        assertEquals(IdtExport.suminfo(ours), printed, "msiinfo suminfo");
        List<String> export = Arrays.asList(run("msiinfo", "export", msi.toString(), "_SummaryInformation").split("\r\n"));
        assertEquals(List.of("PropertyId\tValue", "i2\tl255", "_SummaryInformation\tPropertyId"), export.subList(0, 3));
        assertEquals(sorted(IdtExport.summaryRows(ours)), sorted(export.subList(3, export.size())), "_SummaryInformation");
    }

    /**
     * wixl writes summary strings as UTF-8 although PID 1 says 1252, and msiinfo prints those bytes unconverted. We
     * decode them in the declared codepage (as Windows does), so compare our text re-encoded and read as UTF-8.
     */
    private static SummaryInfo asMsitoolsSees(SummaryInfo s) throws IOException {
        Charset cs = Codepages.charset(s.codepage, "summary");
        SummaryInfo m = s.copy();
        m.title = utf8(s.title, cs);
        m.subject = utf8(s.subject, cs);
        m.author = utf8(s.author, cs);
        m.keywords = utf8(s.keywords, cs);
        m.comments = utf8(s.comments, cs);
        m.template = utf8(s.template, cs);
        m.appName = utf8(s.appName, cs);
        return m;
    }

    private static String utf8(String s, Charset cs) {
        return s == null ? null : new String(s.getBytes(cs), StandardCharsets.UTF_8);
    }

    private String run(String... command) {
        return Tool.run(List.of(command), dir, UTC, 120).assertOk().stdout();
    }

    private static List<String> lines(String out) {
        List<String> l = new ArrayList<>();
        for (String s : out.split("\r?\n")) if (!s.isEmpty()) l.add(s);
        return l;
    }

    private static List<String> sorted(List<String> l) {
        List<String> s = new ArrayList<>(l);
        s.sort(null);
        return s;
    }

    static void copyResources(Path to) throws IOException {
        Path from;
        try {
            from = Path.of(WixlAgreementTest.class.getResource("/wixl").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> all = Files.walk(from)) {
            all.forEach(p -> {
                try {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(target);
                    else Files.copy(p, target);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** A package with {@code n} components, each with a file, a registry value and a feature reference. */
    static void generate(Path dir, int n) throws IOException {
        Files.createDirectories(dir.resolve("gen"));
        StringBuilder comps = new StringBuilder(), refs = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String id = String.format("c%03d", i);
            Files.writeString(dir.resolve("gen/" + id + ".txt"), "payload " + i + "\n".repeat(i % 7));
            comps.append(String.format("""
                          <Component Id="%1$s" Guid="12345678-0000-0000-0000-%2$012d">
                            <File Id="%1$s.txt" Source="gen/%1$s.txt" KeyPath="yes"/>
                            <RegistryValue Root="HKLM" Key="Software\\ssprkit\\Gen\\%1$s" Name="index" Type="integer" Value="%3$d"/>
                          </Component>
                    """, id, i, i * 1000 - 150000));
            refs.append("      <ComponentRef Id=\"").append(id).append("\"/>\n");
        }
        String wxs = """
                <?xml version="1.0" encoding="utf-8"?>
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="12345678-1111-2222-3333-444444444499" Name="Generated" Language="1033" Version="9.9.9" Manufacturer="ssprkit tests" UpgradeCode="12345678-1111-2222-3333-AAAAAAAAAA99">
                    <Package InstallerVersion="200" Compressed="yes" InstallScope="perMachine" Description="many rows"/>
                    <Media Id="1" Cabinet="gen.cab" EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir">
                      <Directory Id="ProgramFiles64Folder">
                        <Directory Id="INSTALLDIR" Name="Generated">
                %s        </Directory>
                      </Directory>
                    </Directory>
                    <Feature Id="Main" Level="1">
                %s    </Feature>
                  </Product>
                </Wix>
                """.formatted(comps, refs);
        Files.writeString(dir.resolve("generated300.wxs"), wxs, StandardCharsets.UTF_8);
    }
}

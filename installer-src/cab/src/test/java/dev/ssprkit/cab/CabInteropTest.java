package dev.ssprkit.cab;

import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our cabinets against libgcab (gcab, msiextract) and libmspack (cabextract), and gcab's cabinets against us. */
@Tag("interop")
class CabInteropTest {
    private static final Pattern GCAB_LINE = Pattern.compile("^(.+) (\\d+) \\S+ \\S+ 0x[0-9a-fA-F]+$");

    @TempDir
    Path tmp;

    private Map<String, Path> writePayload(Map<String, byte[]> payload) throws IOException {
        return Payloads.writeFiles(tmp.resolve("src"), payload);
    }

    private Path writeCab(Map<String, Path> files, Compression c, String name) throws IOException {
        CabinetWriter w = new CabinetWriter(CabOptions.builder().compression(c).build());
        files.forEach(w::add);
        Path cab = tmp.resolve(name);
        w.write(cab);
        return cab;
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Path dir) throws IOException {
        assertEquals(expected.keySet().stream().sorted().toList(), Payloads.listFiles(dir));
        for (Map.Entry<String, byte[]> e : expected.entrySet()) {
            assertEquals(Payloads.sha256(e.getValue()), Payloads.sha256(dir.resolve(e.getKey())), e.getKey());
        }
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void gcabAndCabextractAcceptOurCabinet(Compression compression) throws IOException {
        Tool.require("gcab", "cabextract");
        Map<String, byte[]> payload = Payloads.interopPayload();
        payload.put("ünïcødé-名前.txt", Payloads.text(5000, 9));
        Path cab = writeCab(writePayload(payload), compression, "ours.cab");

        // gcab lists exactly our names and sizes, in order
        Map<String, Long> listed = new LinkedHashMap<>();
        for (String line : Tool.run("gcab", "-l", cab.toString()).assertOk().stdout().split("\n")) {
            if (line.isBlank()) continue;
            Matcher m = GCAB_LINE.matcher(line);
            assertTrue(m.matches(), "unexpected gcab line: " + line);
            listed.put(m.group(1), Long.parseLong(m.group(2)));
        }
        Map<String, Long> expected = new LinkedHashMap<>();
        payload.forEach((k, v) -> expected.put(k, (long) v.length));
        assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(listed.entrySet()));
        assertEquals(new ArrayList<>(payload.keySet()),
                List.of(Tool.run("gcab", "-t", cab.toString()).assertOk().stdout().strip().split("\n")));

        // cabextract -t tests every file's data (checksums, MSZIP decoding)
        Tool.Result test = Tool.run("cabextract", "-t", cab.toString()).assertOk();
        long ok = test.stdout().lines().filter(l -> l.matches("  .+  OK +[0-9a-f]{32}")).count();
        assertEquals(payload.size(), ok, test.stdout());
        assertTrue(test.stdout().contains("All done, no errors."), test.stdout());

        Path byCabextract = tmp.resolve("cabextract");
        Tool.run("cabextract", "-q", "-d", byCabextract.toString(), cab.toString()).assertOk();
        assertSameFiles(payload, byCabextract);

        Path byGcab = Files.createDirectories(tmp.resolve("gcab"));
        Tool.run("gcab", "-x", "-C", byGcab.toString(), cab.toString()).assertOk();
        assertSameFiles(payload, byGcab);
    }

    @Test
    void cabextractAcceptsCabinetsOfOnlyEmptyFiles() throws IOException {
        Tool.require("cabextract", "gcab");
        Path cab = tmp.resolve("empty.cab");
        new CabinetWriter(CabOptions.defaults()).add("a", new byte[0]).add("b", new byte[0]).write(cab);
        Tool.run("cabextract", "-t", cab.toString()).assertOk();
        assertEquals("a\nb", Tool.run("gcab", "-t", cab.toString()).assertOk().stdout().strip());
    }

    @Test
    void inMemoryEntriesAreTheBuffersRemainingBytesDirectOrNot() throws IOException {
        // a direct buffer (as the build's read-ahead holds files) and an array slice: each entry is exactly the bytes
        // from the buffer's position to its limit, as cabextract extracts them; the buffers themselves are untouched
        Tool.require("cabextract");
        byte[] text = Payloads.text(70_000, 3);
        java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(text.length + 10);
        direct.position(10).put(text).position(10);
        java.nio.ByteBuffer slice = java.nio.ByteBuffer.wrap(text).position(1000).limit(41_000);
        Path cab = tmp.resolve("buffers.cab");
        new CabinetWriter(CabOptions.defaults()).add("direct.txt", direct).add("slice.txt", slice).add("array.txt", text).write(cab);
        assertEquals(10, direct.position(), "the caller's buffer position is left alone");
        Path out = tmp.resolve("x");
        Tool.run("cabextract", "-q", "-d", out.toString(), cab.toString()).assertOk();
        assertSameFiles(Map.of("direct.txt", text, "slice.txt", java.util.Arrays.copyOfRange(text, 1000, 41_000), "array.txt", text), out);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void msiextractAcceptsOurCabinetInsideAnMsi(Compression compression) throws IOException {
        Tool.require("wixl", "msibuild", "msiextract");
        Map<String, byte[]> payload = Payloads.interopPayload();
        // File keys must be identifiers; the cabinet names equal the File keys.
        Map<String, byte[]> byKey = new LinkedHashMap<>();
        List<String> realNames = new ArrayList<>(payload.keySet());
        int i = 0;
        for (byte[] content : payload.values()) {
            byKey.put("f" + i++, content);
        }
        Map<String, Path> sources = writePayload(payload);
        StringBuilder files = new StringBuilder();
        for (int k = 0; k < realNames.size(); k++) {
            files.append("<File Id=\"f").append(k).append("\" Name=\"").append(realNames.get(k))
                    .append("\" Source=\"src/").append(realNames.get(k)).append("\"/>\n");
        }
        Path wxs = tmp.resolve("t.wxs");
        Files.writeString(wxs, """
                <?xml version="1.0" encoding="utf-8"?>
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="T" Language="1033" Version="1.0.0" Manufacturer="x" UpgradeCode="12345678-1234-1234-1234-123456789012">
                    <Package InstallerVersion="200" Compressed="yes"/>
                    <Media Id="1" Cabinet="cab1.cab" EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="INSTALLDIR" Name="T">
                      <Component Id="C1" Guid="12345678-1234-1234-1234-123456789013">
                %s      </Component>
                    </Directory></Directory></Directory>
                    <Feature Id="F" Level="1"><ComponentRef Id="C1"/></Feature>
                  </Product>
                </Wix>
                """.formatted(files));
        Path msi = tmp.resolve("t.msi");
        Tool.run(List.of("wixl", "-o", msi.toString(), wxs.toString()), tmp, Map.of(), 300).assertOk(); // wixl wants relative sources
        CabinetWriter w = new CabinetWriter(CabOptions.builder().compression(compression).build());
        for (int k = 0; k < realNames.size(); k++) {
            w.add("f" + k, sources.get(realNames.get(k)));
        }
        Path cab = tmp.resolve("cab1.cab");
        w.write(cab);
        Tool.run("msibuild", msi.toString(), "-a", "cab1.cab", cab.toString()).assertOk(); // replace wixl's cabinet
        // wixl's own cabinet has the same content, so prove the stream now holds our bytes
        Path embedded = tmp.resolve("embedded.cab");
        Tool.run("sh", "-c", "msiinfo extract \"$0\" cab1.cab > \"$1\"", msi.toString(), embedded.toString()).assertOk();
        assertEquals(Payloads.sha256(cab), Payloads.sha256(embedded));
        Path out = tmp.resolve("msiextract");
        Tool.run("msiextract", "-C", out.toString(), msi.toString()).assertOk();
        Map<String, byte[]> expected = new LinkedHashMap<>();
        payload.forEach((name, content) -> expected.put("Program Files/T/" + name, content));
        assertSameFiles(expected, out);
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"NONE", "MSZIP"}) // what gcab can write
    void weReadCabinetsMadeByGcab(Compression compression) throws IOException {
        Tool.require("gcab");
        Map<String, byte[]> payload = Payloads.interopPayload();
        writePayload(payload);
        Path cab = tmp.resolve("gcab.cab");
        List<String> cmd = new ArrayList<>(List.of("gcab", "-c", "-n"));
        if (compression == Compression.MSZIP) {
            cmd.add("-z");
        }
        cmd.add(cab.toString());
        payload.keySet().forEach(n -> cmd.add(tmp.resolve("src").resolve(n).toString()));
        Tool.run(cmd).assertOk();
        try (CabinetReader r = CabinetReader.open(cab)) {
            assertEquals(new ArrayList<>(payload.keySet()), r.entries().stream().map(CabEntry::name).toList());
            Map<String, byte[]> back = Payloads.readAll(r);
            for (Map.Entry<String, byte[]> e : payload.entrySet()) {
                assertEquals(Payloads.sha256(e.getValue()), Payloads.sha256(back.get(e.getKey())), e.getKey());
            }
            r.extractTo(tmp.resolve("ours"));
        }
        assertSameFiles(payload, tmp.resolve("ours"));
    }
}

package dev.ssprkit.sysprep.unattend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopyProfileFixTest {
    @TempDir
    Path tmp;

    private Path copy(String fixture) throws IOException {
        Path p = tmp.resolve(fixture);
        Files.copy(CopyProfileCheckTest.fixture(fixture), p);
        return p;
    }

    /** Fixes, saves, reloads: the result passes the check and everything but CopyProfile is XML-equal. */
    private UnattendDocument fixAndCompare(Path file) throws IOException {
        byte[] original = Files.readAllBytes(file);
        UnattendDocument before = UnattendDocument.load(file);
        String expected = XmlEquality.canonical(XmlEquality.withoutCopyProfile(before.dom()));
        FixResult fix = CopyProfileFix.fix(before, null);
        assertTrue(fix.changed());
        UnattendWriter.save(before, file);
        UnattendDocument after = UnattendDocument.load(file);
        assertTrue(CopyProfileCheck.check(after, null).ok(), CopyProfileCheck.check(after, null).findings().toString());
        assertEquals(expected, XmlEquality.canonical(XmlEquality.withoutCopyProfile(after.dom())));
        assertArrayEquals(original, Files.readAllBytes(file.resolveSibling(file.getFileName() + ".bak")), "backup");
        return after;
    }

    @ParameterizedTest
    @ValueSource(strings = {"none.xml", "none-no-specialize.xml", "false.xml", "invalid-value.xml", "wrong-pass.xml",
            "wrong-arch.xml", "wrong-identity.xml", "duplicated.xml", "duplicated-and-wrong-pass.xml"})
    void fixedFilesPassTheCheckAndKeepEverythingElse(String fixture) throws IOException {
        Path file = copy(fixture);
        fixAndCompare(file);
        String text = Files.readString(file);
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- Answer file for the reference image."), text);
        assertTrue(text.contains("<!-- keyboard: Swiss French -->"));
        assertTrue(text.contains("xmlns:cpi=\"urn:schemas-microsoft-com:cpi\""));
        assertEquals(1, text.split("<CopyProfile>", -1).length - 1, "exactly one CopyProfile left");
    }

    @Test
    void aMissingSettingIsAddedWithTheSiblingsIndentation() throws IOException {
        Path file = copy("none.xml");
        fixAndCompare(file);
        String text = Files.readString(file);
        assertTrue(text.contains("            <ComputerName>*</ComputerName>\n            <CopyProfile>true</CopyProfile>\n            <TimeZone>"), text);
    }

    /**
     * The layout survives line by line. What a DOM rewrite does change: attributes come out in alphabetical order and
     * {@code <x />} becomes {@code <x/>}; such lines must still hold the same attributes.
     */
    @Test
    void aFalseValueIsChangedInPlaceAndTheLayoutIsKept() throws IOException {
        Path file = copy("false.xml");
        String[] before = Files.readString(file).split("\n", -1);
        fixAndCompare(file);
        String[] after = Files.readString(file).split("\n", -1);
        assertEquals(before.length, after.length);
        for (int i = 0; i < before.length; i++) {
            if (before[i].equals(after[i])) continue;
            if (before[i].contains("<CopyProfile>false</CopyProfile>")) {
                assertEquals(before[i].replace("false", "true"), after[i]);
            } else {
                assertEquals(sortedTokens(before[i]), sortedTokens(after[i]), "line " + (i + 1));
            }
        }
    }

    private static java.util.List<String> sortedTokens(String startTag) {
        String t = startTag.strip().replace(" />", "/>").replace("/>", " />").replace(">", " >");
        java.util.List<String> tokens = new java.util.ArrayList<>(java.util.List.of(t.split("\\s+(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")));
        tokens.sort(null);
        return tokens;
    }

    @Test
    void byteOrderMarkCrlfAndEncodingAreKept() throws IOException {
        Path file = tmp.resolve("bom-crlf.xml");
        String text = Files.readString(CopyProfileCheckTest.fixture("none.xml")).replace("\n", "\r\n");
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] all = Arrays.copyOf(bom, bom.length + body.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        Files.write(file, all);
        fixAndCompare(file);
        byte[] out = Files.readAllBytes(file);
        assertArrayEquals(bom, Arrays.copyOf(out, 3));
        String s = new String(out, 3, out.length - 3, StandardCharsets.UTF_8);
        assertFalse(s.replace("\r\n", "").contains("\n"), "CRLF line ends only");
        assertTrue(s.contains("<CopyProfile>true</CopyProfile>\r\n"));
    }

    @Test
    void aLatin1FileStaysLatin1() throws IOException {
        Charset latin1 = StandardCharsets.ISO_8859_1;
        Path file = tmp.resolve("latin1.xml");
        String text = Files.readString(CopyProfileCheckTest.fixture("false.xml"))
                .replace("encoding=\"utf-8\"", "encoding=\"ISO-8859-1\"")
                .replace("Keep this comment.", "Keep this comment: Zürich.");
        Files.write(file, text.getBytes(latin1));
        fixAndCompare(file);
        byte[] out = Files.readAllBytes(file);
        String s = new String(out, latin1);
        assertTrue(s.contains("Zürich"), "é/ü as single Latin-1 bytes");
        assertTrue(s.startsWith("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"));
    }

    @Test
    void aCorrectFileIsNotChanged() throws IOException {
        Path file = copy("good.xml");
        UnattendDocument doc = UnattendDocument.load(file);
        assertFalse(CopyProfileFix.fix(doc, null).changed());
    }
}

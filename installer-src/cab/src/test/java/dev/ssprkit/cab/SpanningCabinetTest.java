package dev.ssprkit.cab;

import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cabinet set made by makecab (jsign's test data, see resources/spanning/README.md): one MSZIP folder running
 * from disk 1 into disk 2. Opened from disk 1, the set is followed as cabextract follows it, and every file's MD5
 * is the one {@code cabextract -t} prints. Disk 2 alone cannot give the files that start in disk 1: it says so.
 */
class SpanningCabinetTest {
    @TempDir
    Path dir;

    private Path copy(String name) throws Exception {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/spanning/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    @Tag("interop")
    void aSetIsReadAcrossItsCabinetsAsCabextractReadsIt() throws Exception {
        Tool.require("cabextract");
        Path disk1 = copy("sample2-disk1.cab");
        copy("sample2-disk2.cab");
        String t = Tool.run(List.of("cabextract", "-t", disk1.toString()), dir, Map.of(), 60).assertOk().stdout();
        Map<String, String> theirs = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^\\s+(\\S+)\\s+OK\\s+([0-9a-f]{32})$").matcher(t);
        while (m.find()) theirs.put(m.group(1), m.group(2));
        assertEquals(2, theirs.size(), t);
        Map<String, String> ours = new TreeMap<>();
        try (CabinetReader r = CabinetReader.open(disk1)) {
            assertEquals(null, r.nextCabinet()); // the set ends with disk 2
            assertEquals(2, r.entries().size());
            r.extract((e, content) -> {
                try {
                    ours.put(e.name(), HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content.readAllBytes())));
                } catch (java.security.NoSuchAlgorithmException x) {
                    throw new IllegalStateException(x);
                }
            });
            assertEquals(List.of(), r.warnings());
        }
        assertEquals(theirs, ours);
    }

    @Test
    void theSecondCabinetAloneSaysItsFilesStartInTheFirst() throws Exception {
        Path disk2 = copy("sample2-disk2.cab");
        try (CabinetReader r = CabinetReader.open(disk2)) {
            assertEquals("sample2-disk1.cab", r.previousCabinet());
            assertEquals(List.of(), r.entries());
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("MORE.exe") && w.contains("previous cabinet sample2-disk1.cab")), r.warnings().toString());
        }
    }

    @Test
    void theFirstCabinetWithoutItsNextLeavesTheContinuedFilesOutWithAWarning() throws Exception {
        Path disk1 = copy("sample2-disk1.cab");
        try (CabinetReader r = CabinetReader.open(disk1)) {
            assertEquals("sample2-disk2.cab", r.nextCabinet());
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("ends in the next cabinet sample2-disk2.cab")), r.warnings().toString());
        }
    }

    /** Hostile: two cabinets that are not one set are refused, not glued together. */
    @Test
    void cabinetsThatAreNotASetAreRefused() throws Exception {
        Path a = dir.resolve("a.cab"), b = dir.resolve("b.cab");
        new CabinetWriter(CabOptions.defaults()).add("a.txt", "a".getBytes()).write(a);
        new CabinetWriter(CabOptions.defaults()).add("b.txt", "b".getBytes()).write(b);
        CabinetException e = assertThrows(CabinetException.class, () -> CabinetReader.openSet(
                List.of(Files.newByteChannel(a), Files.newByteChannel(b)), List.of("a.cab", "b.cab")));
        assertTrue(e.getMessage().startsWith("b.cab: ") && e.getMessage().contains("not one set"), e.getMessage());
    }
}
